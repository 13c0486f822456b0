import type { EvidenceRef, PlanState } from "@rapk/core";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { checkSignature, generateSigningKey } from "@rapk/history/signing";
import { ApiError, type LandedVersion, type PlanRow, type Session, type StepRequest, type WorkbenchApi } from "../src/workbench/api.js";
import { buildPok } from "../src/workbench/pokCommands.js";
import { buildReport, parseRupiah, ratioValue } from "../src/workbench/reportCommands.js";
import { buildTargets } from "../src/workbench/targetCommands.js";
import { Workbench } from "../src/workbench/Workbench.js";
import { smallPlan as smallPlanState } from "./fixtures/plan.js";

const officerKey = generateSigningKey();
const headKey = generateSigningKey();
const PLAN = "loka-2024";

/** A key file as `rapk keygen` writes it. */
const keyFile = (key: { publicKey: string; secretKey: string }, name = "Siti Rahma") =>
  new File([`${JSON.stringify({ name, publicKey: key.publicKey, secretKey: key.secretKey }, null, 2)}\n`], "siti.key", { type: "application/json" });

interface Call {
  readonly what: string;
  readonly body: unknown;
}

/**
 * The server as the workbench sees it, in memory: it checks each signature it is sent against
 * the key that signed in (as the real server does), and records every call with what it carried.
 */
class FakeServer implements WorkbenchApi {
  calls: Call[] = [];
  version = 2;
  signedInKey: string | undefined;
  conflictOnce = false;
  uploads: File[] = [];
  constructor(
    public current: PlanState,
    readonly role: string,
  ) {}
  private record(what: string, body: unknown = null) {
    this.calls.push({ what, body });
  }
  /** A session the cookie still holds, as after a reload of the page. */
  existing: Session | null = null;
  async session() {
    return this.existing;
  }
  async challenge() {
    this.record("challenge");
    return { challenge: "c1", message: "rapk sign-in http://127.0.0.1 c1 until 2024-07-05T03:02:00.000Z", expiresAt: "2024-07-05T03:02:00.000Z" };
  }
  async signIn(body: { challenge: string; publicKey: string; signature: string }): Promise<Session> {
    this.record("signIn", body);
    if (!checkSignature({ publicKey: body.publicKey, signature: body.signature }, "rapk sign-in http://127.0.0.1 c1 until 2024-07-05T03:02:00.000Z"))
      throw new ApiError(401, "BAD_SIGNATURE", "the signature does not hold");
    this.signedInKey = body.publicKey;
    return { publicKey: body.publicKey, name: this.role === "head" ? "Kepala Loka" : "Siti Rahma", csrfToken: "t", expiresAt: "", plans: [{ plan: PLAN, member: this.role === "head" ? "kepala" : "siti", name: "x", role: this.role }] };
  }
  async signOut() {
    this.record("signOut");
  }
  async plans(): Promise<PlanRow[]> {
    return [
      {
        plan: PLAN,
        version: this.version,
        head: "0".repeat(64),
        role: this.role,
        verified: true,
        unit: "Loka POM di Kabupaten Rejang Lebong",
        agency: "Badan POM",
        year: 2024,
        ceiling: 500_000_000,
        pagu: 225_436_000,
        allocated: 200_000_000,
        spent: 12_500_000,
        absorption: 12_500_000 / 225_436_000,
        indicators: 3,
        latestMonth: 5,
        bands: { "very-good": 1, good: 1, fair: 0 },
        unrated: 1,
      },
    ];
  }
  async state() {
    this.record("state");
    return { version: this.version, state: this.current };
  }
  async proposals() {
    return {
      version: this.version,
      proposals: Object.values(this.current.proposals).map((p) => ({ proposal: p.proposal, kind: p.kind, by: p.by, status: p.status, commands: p.commands.length, ...(p.returnReason ? { returnReason: p.returnReason } : {}) })),
    };
  }
  prepared: { head: string; step: StepRequest; expectVersion: number } | undefined;
  async prepare(_plan: string, expectVersion: number, step: StepRequest) {
    this.record("prepare", { expectVersion, ...step });
    if (this.conflictOnce) {
      this.conflictOnce = false;
      this.version += 1;
      throw new ApiError(409, "CONFLICT", "the plan is at version 3, not 2");
    }
    const head = "ab".repeat(32);
    this.prepared = { head, step, expectVersion };
    return { draft: "d1", plan: PLAN, version: this.version + 1, head, says: ["proposal 1 (report) by siti, 2 commands, waiting for approval"], expiresAt: "" };
  }
  async commit(_plan: string, draft: string, signature: string) {
    this.record("commit", { draft, signature });
    if (!checkSignature({ publicKey: this.signedInKey!, signature }, this.prepared!.head)) throw new ApiError(403, "BAD_SIGNATURE", "no");
    this.version += 1;
    return { plan: PLAN, version: this.version, head: this.prepared!.head, signers: [] };
  }
  async uploadEvidence(_plan: string, file: File): Promise<EvidenceRef> {
    this.uploads.push(file);
    this.record("upload", file.name);
    // Kept under a digest of its own (the count of uploads so far, as a hex digit).
    return { name: file.name, mediaType: file.type, size: file.size, sha256: String(this.uploads.length).repeat(64) };
  }
  listeners: ((landed: LandedVersion) => void)[] = [];
  watch(_plan: string, onVersion: (landed: LandedVersion) => void) {
    this.listeners.push(onVersion);
    return () => {
      this.listeners = this.listeners.filter((listener) => listener !== onVersion);
    };
  }
  /** Someone else's version lands: the stream tells every open view. */
  land(actor: string, publicKey: string) {
    this.version += 1;
    for (const listener of this.listeners) listener({ plan: PLAN, version: this.version, head: "cd".repeat(32), kind: "report", actor, signers: [{ publicKey }] });
  }
  evidenceUrl(plan: string, sha256: string) {
    return `/api/plans/${plan}/evidence/${sha256}`;
  }
}

function choose(label: RegExp, ...files: File[]) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  Object.defineProperty(input, "files", { value: files, configurable: true });
  fireEvent.change(input);
}

const type = (label: RegExp | string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

async function signInAs(server: FakeServer, key: { publicKey: string; secretKey: string }) {
  render(<Workbench api={server} />);
  choose(/Berkas kunci/, keyFile(key));
  fireEvent.click(screen.getByRole("button", { name: "Masuk" }));
  await screen.findByRole("heading", { name: "Rencana Anda" });
}

async function openPlan() {
  fireEvent.click(screen.getByRole("button", { name: `Buka ${PLAN}` }));
  await screen.findByRole("tablist", { name: "Bagian" });
}

/** The small plan with proposal 1 of the officer's (June's realisation of 01.01, citing a receipt) waiting. */
function pendingState(): PlanState {
  const evidence = [{ name: "kwitansi.pdf", mediaType: "application/pdf", size: 2048, sha256: "a".repeat(64) }];
  const base = smallPlanState();
  return {
    ...base,
    members: {
      kepala: { member: "kepala", name: "Kepala Loka", role: "head", publicKey: headKey.publicKey },
      siti: { member: "siti", name: "Siti Rahma", role: "officer", publicKey: officerKey.publicKey },
    },
    proposals: {
      "1": {
        proposal: 1,
        kind: "report",
        by: "siti",
        status: "pending",
        commands: [{ type: "reportRealisation", data: { indicator: "01.01", month: 6, value: 63.89, numerator: 23, denominator: 36, note: "sampel Juni", evidence } }],
      } as PlanState["proposals"][string],
    },
  };
}

describe("the report's commands", () => {
  it("computes the value as core checks it (23 of 36 is 63.89) and reads Rupiah whole or grouped the Indonesian way", () => {
    expect(ratioValue(23, 36)).toBe(63.89);
    expect(ratioValue(1, 3)).toBe(33.33);
    expect(parseRupiah("12.500.000")).toBe(12_500_000);
    expect(parseRupiah("Rp12500000")).toBe(12_500_000);
    expect(parseRupiah("12,5")).toBe("wholeRupiah");
    expect(parseRupiah("1.50")).toBe("wholeRupiah");
  });

  it("refuses, field by field, what core's decide refuses (a percentage over 100) and what the pagu does not hold, and cites the evidence on every report", () => {
    const state = smallPlanState();
    const evidence: EvidenceRef[] = [{ name: "kwitansi.pdf", mediaType: "application/pdf", size: 10, sha256: "f".repeat(64) }];
    const built = buildReport(
      {
        month: 6,
        indicators: { "01.01": { numerator: "23", denominator: "36", value: "", note: " sampel Juni ", obstacles: "", followUp: "" }, "01.07": { numerator: "50", denominator: "20", value: "", note: "", obstacles: "", followUp: "" } },
        spending: { "DR.3165.QIA.005.053.A": { amount: "12.500.000", note: "" }, "DR.3165.BDC.001.051.A": { amount: "18400001", note: "" } },
      },
      state,
      evidence,
    );
    expect(built.commands).toEqual([
      { type: "reportRealisation", data: { indicator: "01.01", month: 6, value: 63.89, numerator: 23, denominator: 36, note: "sampel Juni", evidence } },
      { type: "reportSpending", data: { line: "DR.3165.QIA.005.053.A", month: 6, amount: 12_500_000, evidence } },
    ]);
    expect(built.problems.map((p) => [p.at, typeof p.problem === "string" ? p.problem : p.problem.code])).toEqual([
      [{ indicator: "01.07", field: "numerator" }, "PERCENT_OUT_OF_RANGE"],
      [{ line: "DR.3165.BDC.001.051.A", field: "amount" }, "LINE_OVERSPENT"],
    ]);
  });
});

describe("a Revisi POK's commands", () => {
  const QIA = "DR.3165.QIA.005.053.A";
  const KIE = "DR.3165.BDC.001.051.B";
  it("moves pagu between lines as reviseBudget commands, the total kept, and refuses what core's decideBatch refuses: the ceiling passed, a line below its allocation", () => {
    const state = smallPlanState();
    const moved = buildPok({ [QIA]: "115.736.000", [KIE]: "91300000" }, state);
    expect(moved.problems).toEqual([]);
    expect(moved.commands).toEqual([
      { type: "reviseBudget", data: { line: QIA, pagu: 115_736_000 } },
      { type: "reviseBudget", data: { line: KIE, pagu: 91_300_000 } },
    ]);
    expect(moved.totalAfter).toBe(moved.totalBefore);
    const over = buildPok({ [KIE]: "400000000" }, state);
    expect(over.commands).toEqual([]);
    expect(over.problems.map((p) => (typeof p.problem === "string" ? p.problem : p.problem.code))).toEqual(["CEILING_EXCEEDED"]);
    const below = buildPok({ [QIA]: "90000000" }, state);
    expect(below.problems).toEqual([{ line: QIA, problem: expect.objectContaining({ code: "LINE_OVER_ALLOCATED" }) }]);
    // Typing the pagu a line has already changes nothing.
    expect(buildPok({ [QIA]: "125736000" }, state).commands).toEqual([]);
  });
});

describe("a target revision's commands", () => {
  it("sets each month typed anew, and refuses what core refuses on the month it names: a cumulative indicator going down", () => {
    const state = smallPlanState();
    // 01.07 is cumulative: 0, 0, 10, 20, 30, 50, 60, ...
    expect(buildTargets({ indicator: "01.07", months: { 6: "55", 7: "60" } }, state)).toEqual({ commands: [{ type: "setTarget", data: { indicator: "01.07", month: 6, value: 55 } }], problems: [] });
    const down = buildTargets({ indicator: "01.07", months: { 6: "25" } }, state);
    expect(down.commands).toEqual([]);
    expect(down.problems).toEqual([{ month: 6, problem: expect.objectContaining({ code: "CUMULATIVE_DECREASES" }) }]);
    expect(buildTargets({ indicator: "01.07", months: { 6: "lima" } }, state).problems).toEqual([{ month: 6, problem: "notANumber" }]);
  });
});

describe("the workbench", () => {
  it("signs in by signing the challenge with the key file's key, sending the public key and a signature, never the secret key", async () => {
    const server = new FakeServer(smallPlanState(), "officer");
    await signInAs(server, officerKey);
    expect(server.signedInKey).toBe(officerKey.publicKey);
    expect(JSON.stringify(server.calls)).not.toContain(officerKey.secretKey);
    expect(screen.getByText(/Masuk sebagai Siti Rahma/)).toBeTruthy();
    // The roll-up figures of the plan the member belongs to.
    const row = screen.getByRole("row", { name: /Loka POM/ });
    expect(within(row).getByText("Rp12.500.000")).toBeTruthy();
    expect(within(row).getByText("5,5 %")).toBeTruthy();
    expect(within(row).getByText("Mei")).toBeTruthy();
    expect(within(row).getByText("Sangat Baik: 1")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Keluar" }));
    await screen.findByRole("heading", { name: "Masuk dengan kunci Anda" });
    expect(server.calls.at(-1)?.what).toBe("signOut");
  });

  it("after a reload in an open session, takes the key file back without a new challenge", async () => {
    const server = new FakeServer(smallPlanState(), "officer");
    // This tab signed in before the reload (Workbench marks it; the cookie itself is HttpOnly).
    sessionStorage.setItem("rapk-workbench-signed-in", "1");
    server.existing = { publicKey: officerKey.publicKey, name: "Siti Rahma", csrfToken: "t", expiresAt: "", plans: [{ plan: PLAN, member: "siti", name: "Siti Rahma", role: "officer" }] };
    render(<Workbench api={server} />);
    expect((await screen.findByText(/Sesi Siti Rahma masih terbuka/)).textContent).toMatch(/pilih berkas kunci lagi/);
    choose(/Berkas kunci/, keyFile(officerKey));
    fireEvent.click(screen.getByRole("button", { name: "Masuk" }));
    await screen.findByRole("heading", { name: "Rencana Anda" });
    expect(server.calls.map((c) => c.what)).toEqual([]);
  });

  it("refuses a file that is not a key file, or whose public key is not its secret key's, before asking the server", async () => {
    const server = new FakeServer(smallPlanState(), "officer");
    render(<Workbench api={server} />);
    choose(/Berkas kunci/, new File(["not json"], "x.key"));
    fireEvent.click(screen.getByRole("button", { name: "Masuk" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/bukan JSON/);
    choose(/Berkas kunci/, keyFile({ publicKey: headKey.publicKey, secretKey: officerKey.secretKey }));
    fireEvent.click(screen.getByRole("button", { name: "Masuk" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/bukan milik kunci rahasianya/));
    expect(server.calls).toEqual([]);
  });

  it("fills June's report: the value computed as typed, spending, evidence uploaded and cited; proposes it signed by the officer's key on the version it was made on", async () => {
    const server = new FakeServer(smallPlanState(), "officer");
    await signInAs(server, officerKey);
    await openPlan();
    fireEvent.change(screen.getByLabelText("Bulan"), { target: { value: "6" } });
    type(/^Pembilang: 01\.01/, "23");
    type(/^Penyebut: 01\.01/, "36");
    expect(screen.getByLabelText(/^Nilai: 01\.01/).textContent).toBe("63,89");
    type(/^Hambatan: 01\.01/, "cuaca");
    type(/^Jumlah \(Rupiah\): DR\.3165\.QIA\.005\.053\.A/, "12.500.000");
    choose(/Berkas bukti dukung/, new File(["%PDF-1.4"], "kwitansi juni.pdf", { type: "application/pdf" }), new File(["a,b\n"], "rekap.csv", { type: "text/csv" }));
    const preview = within(screen.getByRole("region", { name: "Yang akan diusulkan" }));
    expect(preview.getByText(/Realisasi 01\.01 .*, Juni: 63,89 \(23\/36\)/)).toBeTruthy();
    expect(preview.getByText(/Anggaran DR\.3165\.QIA\.005\.053\.A .*Juni: Rp12\.500\.000/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Usulkan dan tandatangani" }));
    expect(await screen.findByText(/Diusulkan: proposal 1 \(report\)/)).toBeTruthy();
    const evidence = [
      { name: "kwitansi juni.pdf", mediaType: "application/pdf", size: 8, sha256: "1".repeat(64) },
      { name: "rekap.csv", mediaType: "text/csv", size: 4, sha256: "2".repeat(64) },
    ];
    expect(server.calls.find((c) => c.what === "prepare")?.body).toEqual({
      expectVersion: 2,
      step: "propose",
      kind: "report",
      reason: "Laporan bulanan Juni",
      commands: [
        { type: "reportRealisation", data: { indicator: "01.01", month: 6, value: 63.89, numerator: 23, denominator: 36, obstacles: "cuaca", evidence } },
        { type: "reportSpending", data: { line: "DR.3165.QIA.005.053.A", month: 6, amount: 12_500_000, evidence } },
      ],
    });
    expect(server.version).toBe(3);
    // The form is cleared for the next report once the proposal landed.
    expect((screen.getByLabelText(/^Pembilang: 01\.01/) as HTMLInputElement).value).toBe("");
  });

  it("marks a field core refuses and proposes nothing until it is fixed", async () => {
    const server = new FakeServer(smallPlanState(), "officer");
    await signInAs(server, officerKey);
    await openPlan();
    type(/^Pembilang: 01\.01/, "40");
    type(/^Penyebut: 01\.01/, "20");
    const numerator = screen.getByLabelText(/^Pembilang: 01\.01/);
    expect(numerator.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(numerator.getAttribute("aria-describedby")!)!.textContent).toMatch(/PERCENT_OUT_OF_RANGE/);
    expect((screen.getByRole("button", { name: "Usulkan dan tandatangani" }) as HTMLButtonElement).disabled).toBe(true);
    type(/^Pembilang: 01\.01/, "20");
    expect(numerator.getAttribute("aria-invalid")).toBe(null);
    expect((screen.getByRole("button", { name: "Usulkan dan tandatangani" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("given someone else's version landed first, says so with nothing written, and re-bases the form on the reloaded plan keeping what was typed", async () => {
    const server = new FakeServer(smallPlanState(), "officer");
    await signInAs(server, officerKey);
    await openPlan();
    type(/^Jumlah \(Rupiah\): DR\.3165\.QIA\.005\.053\.A/, "1000000");
    server.conflictOnce = true;
    fireEvent.click(screen.getByRole("button", { name: "Usulkan dan tandatangani" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/sudah berubah/);
    expect(server.calls.some((c) => c.what === "commit")).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Muat ulang rencana dan coba lagi" }));
    await screen.findByText(/pada versi 3/);
    expect((screen.getByLabelText(/^Jumlah \(Rupiah\): DR\.3165\.QIA\.005\.053\.A/) as HTMLInputElement).value).toBe("1000000");
    fireEvent.click(screen.getByRole("button", { name: "Usulkan dan tandatangani" }));
    await screen.findByText(/Diusulkan:/);
    expect(server.calls.filter((c) => c.what === "prepare").map((c) => (c.body as { expectVersion: number }).expectVersion)).toEqual([2, 3]);
  });

  it("when someone else's version lands while the form is open, reads the plan again and says so, keeping what was typed for the new version", async () => {
    const server = new FakeServer(smallPlanState(), "officer");
    await signInAs(server, officerKey);
    await openPlan();
    type(/^Jumlah \(Rupiah\): DR\.3165\.QIA\.005\.053\.A/, "1000000");
    server.land("Verifikator", headKey.publicKey);
    expect((await screen.findByText(/Versi 3 baru saja masuk \(Verifikator\)/)).getAttribute("role")).toBe("status");
    await screen.findByText(/pada versi 3/);
    expect((screen.getByLabelText(/^Jumlah \(Rupiah\): DR\.3165\.QIA\.005\.053\.A/) as HTMLInputElement).value).toBe("1000000");
    fireEvent.click(screen.getByRole("button", { name: "Usulkan dan tandatangani" }));
    await screen.findByText(/Diusulkan:/);
    expect(server.calls.filter((c) => c.what === "prepare").map((c) => (c.body as { expectVersion: number }).expectVersion)).toEqual([3]);
    // The member's own version, heard on the stream, is not announced as someone else's.
    server.land("Siti Rahma", officerKey.publicKey);
    await screen.findByText(/pada versi 5/);
    expect(screen.queryByText(/Versi 5 baru saja masuk/)).toBe(null);
  });

  it("shows the head the pending proposal with its commands and evidence, approves it signed by the head's key, and returns only with a reason; in English too", async () => {
    const server = new FakeServer(pendingState(), "head");
    await signInAs(server, headKey);
    await openPlan();
    const card = within(await screen.findByRole("article", { name: "Usulan 1 (report) oleh Siti Rahma" }));
    expect(card.getByText(/Realisasi 01\.01 .*Juni: 63,89 \(23\/36\)/)).toBeTruthy();
    expect(card.getByText("Catatan: sampel Juni")).toBeTruthy();
    expect(card.getByText(/^Pemeriksaan: aturan rencana terpenuhi/)).toBeTruthy();
    const diff = within(card.getByRole("table", { name: "Yang berubah pada rencana bila disetujui sekarang" }));
    const row = diff.getByRole("row", { name: /Realisasi dilaporkan/ });
    expect(within(row).getByText("63,89")).toBeTruthy();
    expect(card.getByRole("link", { name: "Unduh kwitansi.pdf (2.0 kB)" }).getAttribute("href")).toBe(`/api/plans/${PLAN}/evidence/${"a".repeat(64)}`);
    fireEvent.click(card.getByRole("button", { name: "Kembalikan" }));
    expect(card.getByText("Tulis alasan pengembalian.")).toBeTruthy();
    expect(server.calls.some((c) => c.what === "prepare")).toBe(false);
    fireEvent.click(card.getByRole("button", { name: "Setujui dan tandatangani" }));
    expect((await screen.findByRole("status")).textContent).toBe("Usulan 1 disetujui.");
    expect(server.calls.find((c) => c.what === "prepare")?.body).toEqual({ expectVersion: 2, step: "approve", proposal: 1 });
    expect(server.calls.some((c) => c.what === "commit")).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("tab", { name: "Approvals" })).toBeTruthy();
    expect(screen.getByRole("article", { name: "Proposal 1 (report) by Siti Rahma" })).toBeTruthy();
    expect(screen.getByLabelText("Why it goes back")).toBeTruthy();
  });

  it("proposes a Revisi POK of kind pok, the line a refusal names marked", async () => {
    const server = new FakeServer(smallPlanState(), "officer");
    await signInAs(server, officerKey);
    await openPlan();
    fireEvent.click(screen.getByRole("tab", { name: "Revisi POK" }));
    type(/^Pagu baru: DR\.3165\.QIA\.005\.053\.A/, "90000000");
    expect(screen.getByLabelText(/^Pagu baru: DR\.3165\.QIA\.005\.053\.A/).getAttribute("aria-invalid")).toBe("true");
    type(/^Pagu baru: DR\.3165\.QIA\.005\.053\.A/, "115736000");
    type(/^Pagu baru: DR\.3165\.BDC\.001\.051\.B/, "91.300.000");
    expect(screen.getByText("Pagu DR.3165.QIA.005.053.A PENGADAAN SAMPEL: Rp125.736.000 → Rp115.736.000")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Usulkan dan tandatangani" }));
    await screen.findByText(/Diusulkan:/);
    expect(server.calls.find((c) => c.what === "prepare")?.body).toMatchObject({ expectVersion: 2, step: "propose", kind: "pok", reason: "Revisi POK", commands: [{ type: "reviseBudget" }, { type: "reviseBudget" }] });
  });

  it("says in the inbox when a pending proposal would be refused if approved now, in core's words", async () => {
    const base = pendingState();
    const overspending = { ...base.proposals["1"]!, commands: [{ type: "reportSpending", data: { line: "DR.3165.BDC.001.051.A", month: 6, amount: 18_400_001 } }] } as PlanState["proposals"][string];
    const server = new FakeServer({ ...base, proposals: { "1": overspending } }, "head");
    await signInAs(server, headKey);
    await openPlan();
    const card = within(await screen.findByRole("article", { name: "Usulan 1 (report) oleh Siti Rahma" }));
    expect(card.getByText(/^Pemeriksaan: bila disetujui sekarang, usulan ini ditolak: .*LINE_OVERSPENT/)).toBeTruthy();
  });

  it("lets the officer withdraw their own pending proposal, signed, and not decide it", async () => {
    const server = new FakeServer(pendingState(), "officer");
    await signInAs(server, officerKey);
    await openPlan();
    fireEvent.click(screen.getByRole("tab", { name: "Persetujuan" }));
    const card = within(await screen.findByRole("article", { name: "Usulan 1 (report) oleh Siti Rahma" }));
    expect(card.queryByRole("button", { name: "Setujui dan tandatangani" })).toBe(null);
    fireEvent.click(card.getByRole("button", { name: "Tarik usulan ini (ditandatangani)" }));
    expect(await screen.findByText("Usulan 1 ditarik.")).toBeTruthy();
    expect(server.calls.find((c) => c.what === "prepare")?.body).toEqual({ expectVersion: 2, step: "withdraw", proposal: 1 });
  });

  it("proposes a target revision of kind rapk from the targets tab", async () => {
    const server = new FakeServer(smallPlanState(), "officer");
    await signInAs(server, officerKey);
    await openPlan();
    fireEvent.click(screen.getByRole("tab", { name: "Revisi target" }));
    fireEvent.change(screen.getByLabelText("Indikator"), { target: { value: "01.07" } });
    type(/^Target baru: Juni, 01\.07/, "25");
    expect(screen.getByLabelText(/^Target baru: Juni, 01\.07/).getAttribute("aria-invalid")).toBe("true");
    type(/^Target baru: Juni, 01\.07/, "55");
    expect(screen.getByText(/^Target 01\.07 .*, Juni: 55$/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Usulkan dan tandatangani" }));
    await screen.findByText(/Diusulkan:/);
    expect(server.calls.find((c) => c.what === "prepare")?.body).toMatchObject({ step: "propose", kind: "rapk", commands: [{ type: "setTarget", data: { indicator: "01.07", month: 6, value: 55 } }] });
  });

  it("shows what the month already reported, which a new report supersedes", async () => {
    const base = smallPlanState();
    const server = new FakeServer({ ...base, realisations: { "01.01": { 6: { value: 50, numerator: 1, denominator: 2 } } }, spending: { "DR.3165.QIA.005.053.A": { 5: 2_000_000, 6: 1_000_000 } } }, "officer");
    await signInAs(server, officerKey);
    await openPlan();
    fireEvent.change(screen.getByLabelText("Bulan", { exact: true }), { target: { value: "6" } });
    expect(screen.getByText("bulan ini sudah dilaporkan: 50 (laporan baru menggantikannya)")).toBeTruthy();
    const line = screen.getByRole("row", { name: /^DR\.3165\.QIA\.005\.053\.A/ });
    // The other months' spending, and this month's as reported.
    expect(within(line).getByText("Rp2.000.000")).toBeTruthy();
    expect(within(line).getByText("bulan ini sudah dilaporkan: Rp1.000.000 (laporan baru menggantikannya)")).toBeTruthy();
  });

  it("shows the head the roster in a Members tab and adds a member from the public entry keygen printed, as a roster step signed by the head's key; refuses a key file or an id taken", async () => {
    const server = new FakeServer(pendingState(), "head");
    await signInAs(server, headKey);
    await openPlan();
    fireEvent.click(screen.getByRole("tab", { name: "Anggota" }));
    const roster = within(screen.getByRole("table", { name: "Anggota rencana (roster pada versi ini)" }));
    expect(within(roster.getByRole("row", { name: /kepala/ })).getByText("Kepala Loka")).toBeTruthy();
    expect(within(roster.getByRole("row", { name: /siti/ })).getByText("perencana")).toBeTruthy();
    const newcomer = generateSigningKey();
    // A key file holds the secret half: the head is handed only the public entry.
    type("Entri publik (JSON dari rapk keygen)", JSON.stringify({ name: "Budi Santoso", publicKey: newcomer.publicKey, secretKey: newcomer.secretKey }));
    type("ID anggota", "siti");
    expect(screen.getByText(/^Ini berkas kunci dengan kunci rahasia/)).toBeTruthy();
    expect(screen.getByText("ID anggota ini sudah ada di roster.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Tambah dan tandatangani" }) as HTMLButtonElement).disabled).toBe(true);
    choose(/pilih berkas entri publik/, new File([`${JSON.stringify({ name: "Budi Santoso", publicKey: newcomer.publicKey })}\n`], "budi.pub.json", { type: "application/json" }));
    // The chosen file's text is the entry: only the id taken is left to fix.
    await waitFor(() => expect(screen.queryByText(/^Ini berkas kunci/)).toBeNull());
    expect(screen.getByText("ID anggota ini sudah ada di roster.")).toBeTruthy();
    type("ID anggota", "budi");
    fireEvent.change(screen.getByLabelText("Peran"), { target: { value: "officer" } });
    expect(screen.getByText(`Menambah Budi Santoso sebagai budi (perencana), kunci ed25519:${newcomer.publicKey.slice(0, 16)}`)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Tambah dan tandatangani" }));
    await screen.findByText(/^Ditambahkan: /);
    expect(server.calls.find((c) => c.what === "prepare")?.body).toEqual({
      expectVersion: 2,
      step: "roster",
      reason: "Menambah Budi Santoso ke tim",
      commands: [{ type: "addMember", data: { member: "budi", name: "Budi Santoso", role: "officer", publicKey: newcomer.publicKey } }],
    });
    expect(server.calls.some((c) => c.what === "commit")).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("tab", { name: "Members" })).toBeTruthy();
  });

  it("gives the Members tab to the head only", async () => {
    const server = new FakeServer(pendingState(), "officer");
    await signInAs(server, officerKey);
    await openPlan();
    expect(screen.queryByRole("tab", { name: "Anggota" })).toBeNull();
    expect(screen.getAllByRole("tab")).toHaveLength(4);
  });

  it("gives every input a label", async () => {
    const server = new FakeServer(smallPlanState(), "officer");
    await signInAs(server, officerKey);
    await openPlan();
    const inputs = [...document.querySelectorAll("input, select, textarea")];
    expect(inputs.length).toBeGreaterThan(20);
    for (const input of inputs) expect({ input: input.outerHTML, labelled: (input as HTMLInputElement).labels?.length ?? 0 }).toMatchObject({ labelled: 1 });
  });
});
