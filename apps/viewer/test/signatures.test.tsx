import { auditLog, serializeLog } from "@rapk/history";
import { checkSignature } from "@rapk/history/signing";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { App } from "../src/App.js";
import { checkHere } from "../src/model/deferredSha256.js";
import { inlineLoader } from "../src/model/inlineLoader.js";
import { parseSource } from "../src/model/parseSource.js";
import type { Loaded } from "../src/model/source.js";
import { smallHistory } from "./fixtures/history.js";
import { FORGERIES, RECEIPT, cutShort, movedSignature, officerOnlyPok, refoundedByOutsider, signedYear } from "./fixtures/signed.js";

/** What `rapk verify` finds in a log (packages/cli/src/verifiedRead.ts: auditLog with the Ed25519 check), as [code, line]. */
const cliProblems = (text: string) => auditLog(text, { checkSignature }).problems.map((p) => [p.code, p.line, p.message]);

async function opened(text: string, parallel = false): Promise<Loaded> {
  const outcome = await parseSource(text, "plan.ndjson", undefined, parallel ? checkHere : undefined);
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.loaded;
}
const problemsOf = (loaded: Loaded) => (loaded.verification?.ok === false ? (loaded.verification.problems ?? [loaded.verification.error]).map((p) => [p.code, p.line, p.message]) : []);

describe("the viewer's check of a signed log (parseSource, as the worker runs it)", () => {
  const { log, head, officer } = signedYear();

  it.each([false, true])("verifies every signature of a genuine signed log and says who signed each version (lines hashed in parallel: %s)", async (parallel) => {
    const loaded = await opened(log.text, parallel);
    expect(cliProblems(log.text)).toEqual([]);
    expect(loaded.verification).toEqual({ ok: true, value: { events: expect.any(Number), versions: 5, lastHash: log.versions[4]!.commit!.hash } });
    const signing = loaded.history.signing!;
    expect(signing.map((s) => s.signers.map((signer) => `${signer.member}:${signer.role}:${signer.fingerprint}`))).toEqual([
      [`kepala:head:ed25519:${head.key.publicKey.slice(0, 16)}`],
      [`kepala:head:ed25519:${head.key.publicKey.slice(0, 16)}`],
      [`siti:officer:ed25519:${officer.key.publicKey.slice(0, 16)}`],
      [`kepala:head:ed25519:${head.key.publicKey.slice(0, 16)}`],
      [`siti:officer:ed25519:${officer.key.publicKey.slice(0, 16)}`],
    ]);
    expect(signing.every((s) => s.policy === "met" && s.unproven.length === 0)).toBe(true);
    expect(signing.map((s) => s.evidence.map((file) => file.name))).toEqual([[], [], ["kuitansi-januari.pdf"], ["kuitansi-januari.pdf"], []]);
    expect(signing.map((s) => s.steps)).toEqual([[], [], [{ proposal: 1, step: "proposed", by: "siti", kind: "report" }], [{ proposal: 1, step: "approved", by: "kepala" }], [{ proposal: 2, step: "proposed", by: "siti", kind: "report" }]]);
  });

  it.each(FORGERIES)("finds %s as rapk verify does: the same codes, lines and messages", async (_, make) => {
    const forged = make();
    const found = problemsOf(await opened(forged.text));
    expect(found).toEqual(cliProblems(forged.text));
    expect(found.map(([code]) => code)).toEqual(forged.codes);
    expect(found[0]?.[1]).toBe(forged.line);
    expect(found[0]?.[2]).toMatch(new RegExp(`^version ${forged.version}\\b`));
  });

  it.each([false, true])("finds a signature moved from version 1 to version 2 as rapk verify does: BAD_SIGNATURE on version 2's commit line (parallel: %s)", async (parallel) => {
    const forged = movedSignature();
    const loaded = await opened(forged.text, parallel);
    expect(problemsOf(loaded)).toEqual(cliProblems(forged.text));
    expect(problemsOf(loaded)[0]?.slice(0, 2)).toEqual(["BAD_SIGNATURE", forged.line]);
    // Shown for what it claims, the moved signature never counts as a signer.
    expect(loaded.history.versions).toHaveLength(5);
    expect(loaded.history.signing![1]).toMatchObject({ signers: [], unproven: [expect.stringMatching(/^ed25519:[0-9a-f]{16}$/)] });
  });

  it("finds a Revisi POK signed only by the officer as rapk verify does: POLICY_NOT_MET on its commit line", async () => {
    const forged = officerOnlyPok();
    const loaded = await opened(forged.text);
    expect(problemsOf(loaded)).toEqual(cliProblems(forged.text));
    expect(problemsOf(loaded).map(([code, line]) => [code, line])).toEqual([["POLICY_NOT_MET", forged.line]]);
    expect(loaded.history.signing![5]).toMatchObject({ signers: [{ member: "siti", role: "officer" }], policy: "not met" });
  });
});

/** The app with a forged log opened, and the buttons of the document's actions. */
async function openForged(text: string) {
  render(<App loader={inlineLoader} initial={{ text, name: "forged.ndjson" }} />);
  const alert = await screen.findByRole("alert");
  return { alert, actions: within(screen.getByRole("group", { name: "Cetak dan unduh" })) };
}

describe("a log that fails a check, in the app", () => {
  it("a moved signature: red banner naming BAD_SIGNATURE and its line, downloads refused, the print stamped TIDAK TERVERIFIKASI", async () => {
    const forged = movedSignature();
    const { alert, actions } = await openForged(forged.text);
    expect(alert.classList.contains("broken")).toBe(true);
    expect(alert.textContent).toContain(`tanda tangan tidak sah pada baris ${forged.line}`);
    expect(alert.textContent).toContain("BAD_SIGNATURE");
    expect(alert.textContent).toContain("TIDAK TERVERIFIKASI");
    for (const name of ["Unduh XLSX", "Unduh CSV"]) expect((actions.getByRole("button", { name }) as HTMLButtonElement).disabled).toBe(true);
    expect(actions.getByRole("status").textContent).toContain("Unduhan ditolak");
    // The browser's own Print (beforeprint) and the print button render the layout with the mark.
    window.dispatchEvent(new Event("beforeprint"));
    const root = await screen.findByText((_, element) => element?.classList.contains("print-root") ?? false);
    const mark = `TIDAK TERVERIFIKASI (NOT VERIFIED): baris ${forged.line}: BAD_SIGNATURE; ini menampilkan isi klaim log, bukan catatan terverifikasi`;
    expect(root.querySelector(".print-stamp-first")!.textContent).toBe(mark);
    // In the top margin of every page, and in the footer every page repeats, which then carries no head.
    expect([...root.querySelectorAll("style")].map((style) => style.textContent).join("")).toContain(`@page { @top-center { content: "${mark}";`);
    const footer = root.querySelector(".rapk-print .footer")!.textContent!;
    expect(footer).toMatch(new RegExp(`^rapk · TIDAK TERVERIFIKASI / NOT VERIFIED: line ${forged.line}: BAD_SIGNATURE · versi 5 · .* · tanpa hash kepala log$`));
    expect(footer).not.toMatch(/[0-9a-f]{64}/);
    window.dispatchEvent(new Event("afterprint"));
  });

  it("a moved signature: the quarterly report prints stamped as the plan does, its footer in every page's margin with no head", async () => {
    const forged = movedSignature();
    await openForged(forged.text);
    fireEvent.click(screen.getByRole("tab", { name: "Triwulan" }));
    // happy-dom has no print(): the browser's, stubbed.
    const print = vi.fn();
    Object.defineProperty(window, "print", { value: print, configurable: true, writable: true });
    fireEvent.click(await screen.findByRole("button", { name: "Cetak laporan triwulan (PDF)" }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    const root = document.querySelector(".print-root")!;
    expect(root.querySelector("article.rapk-quarter")).not.toBeNull();
    expect(root.querySelector(".print-stamp-first")!.textContent).toMatch(new RegExp(`^TIDAK TERVERIFIKASI \\(NOT VERIFIED\\): baris ${forged.line}: BAD_SIGNATURE`));
    const styles = [...root.querySelectorAll("style")].map((style) => style.textContent).join("");
    expect(styles).toContain("@top-center");
    expect(styles).toMatch(new RegExp(`@bottom-left \\{ content: "rapk · TIDAK TERVERIFIKASI / NOT VERIFIED: line ${forged.line}: BAD_SIGNATURE · versi 5 · [^"]* · tanpa hash kepala log";`));
    expect(styles).not.toMatch(/[0-9a-f]{64}/);
    window.dispatchEvent(new Event("afterprint"));
    await waitFor(() => expect(document.querySelector(".print-root")).toBeNull());
    Reflect.deleteProperty(window, "print");
  });

  it("an officer's Revisi POK: red banner naming POLICY_NOT_MET; the quarter's and the changes' downloads are refused too", async () => {
    const forged = officerOnlyPok();
    const { alert } = await openForged(forged.text);
    expect(alert.textContent).toContain(`penandatangan tidak memenuhi kebijakan pada baris ${forged.line}`);
    expect(alert.textContent).toContain("POLICY_NOT_MET");
    fireEvent.click(screen.getByRole("tab", { name: "Triwulan" }));
    // The quarter's panel loads when its tab is first opened.
    expect(((await screen.findByRole("button", { name: /Unduh laporan triwulan/ })) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("tab", { name: "Bandingkan" }));
    expect((screen.getByRole("button", { name: /Unduh perubahan \(XLSX\)/ }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: /Unduh perubahan \(CSV\)/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("a genuine signed log: green, its signatures counted, downloads and an unstamped print", async () => {
    const { log, officer } = signedYear();
    render(<App loader={inlineLoader} initial={{ text: log.text, name: "plan.ndjson" }} />);
    const ok = await screen.findByText(/Rantai riwayat terverifikasi/);
    expect(ok.textContent).toContain("5 tanda tangan diperiksa: semuanya sah.");
    expect(screen.queryByRole("alert")).toBeNull();
    const actions = within(screen.getByRole("group", { name: "Cetak dan unduh" }));
    expect((actions.getByRole("button", { name: "Unduh XLSX" }) as HTMLButtonElement).disabled).toBe(false);
    window.dispatchEvent(new Event("beforeprint"));
    const root = await screen.findByText((_, element) => element?.classList.contains("print-root") ?? false);
    expect(root.querySelector(".print-stamp-first")).toBeNull();
    // The footer names the version's head and who signed it, as rapk print's does.
    expect(root.querySelector(".rapk-print .footer")!.textContent).toBe(`rapk · versi 5 · berlaku 5 Maret 2024 (2024-03-05T09:00:00+07:00) · hash kepala log ${log.versions[4]!.commit!.hash} · ditandatangani Siti Rahma (officer, ed25519:${officer.key.publicKey.slice(0, 16)})`);
    window.dispatchEvent(new Event("afterprint"));
  });
});

describe("who signed, in the app", () => {
  const versionItem = (n: number) => screen.getAllByRole("listitem").find((item) => item.querySelector(".v-number")?.textContent === String(n))!;

  it("names each version's signer with role and fingerprint, marks the proposal still waiting, and shows the roster at the selected version", async () => {
    const { log, head, officer } = signedYear();
    render(<App loader={inlineLoader} initial={{ text: log.text, name: "plan.ndjson" }} />);
    await screen.findByText(/Rantai riwayat terverifikasi/);
    const kepala = `Ditandatangani oleh Kepala Loka POM di Kabupaten Rejang Lebong (kepala, ed25519:${head.key.publicKey.slice(0, 16)})`;
    const siti = `Ditandatangani oleh Siti Rahma (perencana, ed25519:${officer.key.publicKey.slice(0, 16)})`;
    expect([1, 2, 3, 4, 5].map((n) => versionItem(n).querySelector(".v-signers")?.textContent)).toEqual([kepala, kepala, siti, kepala, siti].map((who) => `${who} · kebijakan terpenuhi`));
    expect([1, 2, 3, 4, 5].map((n) => versionItem(n).querySelector(".v-step")?.textContent ?? "")).toEqual([
      "",
      "",
      "usulan 1 oleh siti · disetujui",
      "usulan 1 disetujui oleh kepala",
      "usulan 2 oleh siti · menunggu persetujuan",
    ]);
    expect(versionItem(5).querySelector(".v-step")!.classList.contains("pending")).toBe(true);
    // The receipt January's report cites, on its proposal and on the approval that put it in force.
    for (const n of [3, 4]) expect(versionItem(n).querySelector(".v-evidence")!.textContent).toBe(`bukti: kuitansi-januari.pdf (application/pdf, 47.1 kB, SHA-256 ${RECEIPT.sha256.slice(0, 16)}…)`);
    expect(versionItem(5).querySelector(".v-evidence")).toBeNull();
    expect(versionItem(3).querySelector(".v-step")!.classList.contains("pending")).toBe(false);

    fireEvent.click(screen.getByRole("tab", { name: "Anggota" }));
    const roster = () => within(screen.getByRole("tabpanel"));
    await roster().findByRole("heading", { name: "Anggota pada versi 5" });
    expect(roster().getAllByRole("row").slice(1).map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ["kepala", "Kepala Loka POM di Kabupaten Rejang Lebong", "kepala", `ed25519:${head.key.publicKey.slice(0, 16)}`],
      ["siti", "Siti Rahma", "perencana", `ed25519:${officer.key.publicKey.slice(0, 16)}`],
    ]);
    expect(roster().getByRole("listitem").textContent).toBe("usulan 2 oleh siti · Laporan · menunggu persetujuan");
    // At version 1 the head alone, nothing waiting.
    fireEvent.input(screen.getByRole("slider", { name: "Versi" }), { target: { value: "1" } });
    expect(roster().getByRole("heading", { name: "Anggota pada versi 1" })).toBeTruthy();
    expect(roster().getAllByRole("row")).toHaveLength(2);
    expect(roster().getByText("Tidak ada usulan yang menunggu.")).toBeTruthy();
  });

  it("marks a version whose signature does not hold, and one whose signer could not put it in force", async () => {
    render(<App loader={inlineLoader} initial={{ text: movedSignature().text, name: "moved.ndjson" }} language="en" />);
    await screen.findByRole("alert");
    expect(versionItem(2).querySelector(".v-signers")!.textContent).toMatch(/^ ⚠ signature does not hold: ed25519:[0-9a-f]{16}$/);
    expect(versionItem(1).querySelector(".v-warn")).toBeNull();
    cleanup();
    render(<App loader={inlineLoader} initial={{ text: officerOnlyPok().text, name: "pok.ndjson" }} language="en" />);
    await screen.findByRole("alert");
    expect(versionItem(6).querySelector(".v-signers")!.textContent).toMatch(/^Signed by Siti Rahma \(officer, ed25519:[0-9a-f]{16}\) ⚠ policy NOT met$/);
  });

  it("a log without a roster or signatures says nothing of signers, and its roster tab says it keeps none", async () => {
    render(<App loader={inlineLoader} initial={{ text: serializeLog(smallHistory()), name: "example.ndjson" }} />);
    await screen.findByText(/Rantai riwayat terverifikasi/);
    expect(document.querySelector(".v-signers, .v-step")).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "Anggota" }));
    expect(await within(screen.getByRole("tabpanel")).findByText(/tidak menyimpan daftar anggota/)).toBeTruthy();
  });
});

describe("pins: a root key and the head a log must end at, as rapk verify --root and --expect-head", () => {
  it("a log cut short, signatures intact, verifies alone and fails against the head kept elsewhere (HEAD_MISMATCH, as the CLI)", async () => {
    const { text, genuineHead } = cutShort();
    expect((await opened(text)).verification?.ok).toBe(true);
    const outcome = await parseSource(text, "cut.ndjson", undefined, undefined, { expectHead: genuineHead });
    expect(outcome.ok && problemsOf(outcome.loaded)).toEqual(auditLog(text, { checkSignature, expectHead: genuineHead }).problems.map((p) => [p.code, p.line, p.message]));
    expect(outcome.ok && problemsOf(outcome.loaded)[0]?.[0]).toBe("HEAD_MISMATCH");
  });

  it("a roster founded by another key verifies alone and fails against the real root (ROOT_NOT_TRUSTED, as the CLI)", async () => {
    const { text, realRoot } = refoundedByOutsider();
    expect((await opened(text)).verification?.ok).toBe(true);
    const outcome = await parseSource(text, "refounded.ndjson", undefined, checkHere, { root: realRoot });
    expect(outcome.ok && problemsOf(outcome.loaded)).toEqual(auditLog(text, { checkSignature, root: realRoot }).problems.map((p) => [p.code, p.line, p.message]));
    expect(outcome.ok && problemsOf(outcome.loaded).map(([code]) => code)).toEqual(["ROOT_NOT_TRUSTED"]);
  });

  it("in the app: a pinned genuine log says what it was pinned to; the Members tab pins another root and the log fails, then unpins it", async () => {
    const { log, head } = signedYear();
    render(<App loader={inlineLoader} initial={{ text: log.text, name: "plan.ndjson" }} pins={{ root: head.key.publicKey, expectHead: log.versions[4]!.commit!.hash }} />);
    const ok = await screen.findByText(/Rantai riwayat terverifikasi/);
    expect(ok.textContent).toContain(`Dipatok: kunci akar ed25519:${head.key.publicKey.slice(0, 16)}, kepala log ${log.versions[4]!.commit!.hash.slice(0, 16)}…`);
    fireEvent.input(screen.getByRole("slider", { name: "Versi" }), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("tab", { name: "Anggota" }));
    const root = (await screen.findByLabelText(/Kunci publik akar/)) as HTMLInputElement;
    expect(root.value).toBe(head.key.publicKey);
    fireEvent.input(root, { target: { value: "12" } });
    expect(screen.getByText("Harus 64 digit heksadesimal.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Periksa lagi dengan patokan ini" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(root, { target: { value: "AB".repeat(32) } });
    fireEvent.click(screen.getByRole("button", { name: "Periksa lagi dengan patokan ini" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("tidak cocok dengan patokan Anda");
    expect(alert.textContent).toContain("ROOT_NOT_TRUSTED");
    // The same version is shown, checked again.
    expect((screen.getByRole("slider", { name: "Versi" }) as HTMLInputElement).value).toBe("3");
    fireEvent.input(screen.getByLabelText(/Kunci publik akar/), { target: { value: "" } });
    fireEvent.input(screen.getByLabelText(/Hash kepala log/), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Periksa lagi dengan patokan ini" }));
    await screen.findByText(/Rantai riwayat terverifikasi/);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByText(/Rantai riwayat terverifikasi/).textContent).not.toContain("Dipatok");
  });
});
