import { serializeLog } from "@rapk/history";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { App } from "../src/App.js";
import { inlineLoader } from "../src/model/inlineLoader.js";
import { MAX_FILE_BYTES } from "../src/model/limits.js";
import { newestFirst } from "../src/model/foldedHistory.js";
import type { Loader, RestOfStates } from "../src/model/source.js";
import { smallHistory } from "./fixtures/history.js";
import { readSeed, readShippedSeedLog } from "./fixtures/seed.js";
import { EVIL } from "./fixtures/plan.js";

const SEED = readSeed();
const LOG = serializeLog(smallHistory());

async function renderApp(loader: Loader = inlineLoader) {
  const view = render(<App loader={loader} initial={{ text: LOG, name: "example.ndjson" }} />);
  await screen.findByText(/Rantai riwayat terverifikasi/);
  return view;
}

function choose(file: File) {
  const input = screen.getByLabelText("Buka berkas (NDJSON, TXT, CSV)") as HTMLInputElement;
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  fireEvent.change(input);
}

describe("App", () => {
  it("opens the initial log at its newest version, verified", async () => {
    await renderApp();
    expect(screen.getByText("Rantai riwayat terverifikasi: 25 peristiwa, 4 versi.")).toBeTruthy();
    expect((screen.getByRole("slider", { name: "Versi" }) as HTMLInputElement).value).toBe("4");
    expect(screen.getByRole("tab", { name: "Dokumen", selected: true })).toBeTruthy();
    expect(screen.getByRole("tabpanel").querySelector("table.rapk")).toBeTruthy();
  });

  it("shows the plan as of the version picked on the timeline", async () => {
    await renderApp();
    const row = () => screen.getByRole("button", { name: /Persentase UMKM/ }).closest("tr")!;
    const b11 = () => row().querySelectorAll("td.target")[10]!.textContent;
    expect(b11()).toBe("85");
    fireEvent.input(screen.getByRole("slider", { name: "Versi" }), { target: { value: "3" } });
    expect(b11()).toBe("81");
  });

  it("switches every panel between the four tabs, and compares the selected version with the one before", async () => {
    await renderApp();
    fireEvent.input(screen.getByRole("slider", { name: "Versi" }), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("tab", { name: "Bandingkan" }));
    expect(screen.getByRole("region", { name: "4 perubahan" }).textContent).toContain("Rp2.000.000");
    fireEvent.click(screen.getByRole("tab", { name: "Anggaran" }));
    expect(screen.getByRole("heading", { name: "Aturan" })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Capaian" }));
    expect(screen.getAllByRole("img", { name: /Target dan realisasi indikator/ })).toHaveLength(3);
    fireEvent.keyDown(screen.getByRole("tab", { name: "Capaian" }), { key: "Home" });
    expect(screen.getByRole("tab", { name: "Dokumen", selected: true })).toBeTruthy();
  });

  it("switches the labels to English and back", async () => {
    await renderApp();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("heading", { name: "Timeline" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
    expect(screen.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "Bahasa Indonesia" }));
    expect(screen.getByRole("heading", { name: "Lini masa" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("id");
  });

  it("imports a published table chosen in the file input and lists the findings", async () => {
    await renderApp();
    choose(new File([SEED], "rapk-2024-loka-pom-rejang-lebong.txt", { type: "text/plain" }));
    await screen.findByText(/Diimpor dari tabel terbitan/);
    const findings = screen.getByText(/Temuan impor \(\d+\)/).closest("details")!;
    expect(within(findings).getAllByRole("row").length).toBeGreaterThan(1);
    expect(screen.getByText("rapk-2024-loka-pom-rejang-lebong.txt")).toBeTruthy();
  });

  it("shows each finding in the viewer's language, with its code, and where the plan was imported from", async () => {
    await renderApp();
    choose(new File([SEED], "rapk-2024-loka-pom-rejang-lebong.txt", { type: "text/plain" }));
    await screen.findByText(/Diimpor dari tabel terbitan/);
    const findings = () => screen.getByText(/(Temuan impor|Import findings) \(\d+\)/).closest("details")!;
    const row = () => within(findings()).getByText("11.04").closest("tr")!;
    expect(row().textContent).toContain("BLANK_TARGET");
    expect(row().textContent).toContain("Baris 140: Indikator 11.04 tidak punya target untuk bulan Januari");
    expect(findings().textContent).toMatch(/Diimpor dari rapk-2024-loka-pom-rejang-lebong\.txt \([\d.]+ byte, SHA-256 [0-9a-f]{64}\) oleh @rapk\/import@/);
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(row().textContent).toContain("Line 140: Indicator 11.04 has no target for January");
    expect(row().textContent).toContain("BLANK_TARGET");
    expect(findings().textContent).toMatch(/Imported from rapk-2024-loka-pom-rejang-lebong\.txt \([\d,]+ bytes, SHA-256 [0-9a-f]{64}\) by @rapk\/import@/);
  });

  it("opening a log that records an import, says what the import found (closed until asked), from the log alone", async () => {
    const shipped = readShippedSeedLog();
    render(<App loader={inlineLoader} initial={{ text: shipped, name: "loka-pom-rejang-lebong-2024.ndjson" }} />);
    await screen.findByText(/Rantai riwayat terverifikasi/);
    const findings = screen.getByText("Temuan impor (21)").closest("details")!;
    expect(findings.open).toBe(false);
    expect(findings.textContent).toContain("Diimpor dari rapk-2024-loka-pom-rejang-lebong.txt");
    expect(within(findings).getByText("09.03").closest("tr")!.textContent).toContain("Baris 121: Anggaran indikator 09.03 tertulis Rp398.300.000");
  });

  it("announces a tampered log with the first bad line", async () => {
    await renderApp();
    const lines = LOG.split("\n");
    lines[9] = lines[9]!.replace(/"pagu":\d+/, '"pagu":1');
    choose(new File([lines.join("\n")], "tampered.ndjson"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("rantai rusak pada baris 10");
  });

  it("refuses a file over the size limit before reading it", async () => {
    const loader = vi.fn(inlineLoader);
    await renderApp(loader);
    const big = new File(["x"], "huge.ndjson");
    Object.defineProperty(big, "size", { value: MAX_FILE_BYTES + 1 });
    choose(big);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Berkas terlalu besar (64.0 MB); batasnya 64.0 MB.");
    expect(loader).toHaveBeenCalledTimes(1);
    // The plan shown before is closed, and the alert says so: nothing on screen can pass for the file just opened.
    expect(alert.textContent).toContain("Rencana sebelumnya ditutup: tidak ada rencana yang ditampilkan.");
    expect(screen.queryByRole("slider", { name: "Versi" })).toBeNull();
    expect(screen.queryByText(/Rantai riwayat terverifikasi/)).toBeNull();
  });

  it("says which line of a malformed file is wrong", async () => {
    await renderApp();
    choose(new File(['{"seq":1,"version":1}\n'], "broken.ndjson"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("baris 1");
  });

  it("shows hostile names from a file as text", async () => {
    await renderApp();
    choose(new File([serializeLog(smallHistory({ indicatorName: EVIL, actor: EVIL }))], "hostile.ndjson"));
    await waitFor(() => expect(screen.getAllByText(EVIL).length).toBeGreaterThan(0));
    expect(document.querySelector("img")).toBeNull();
    expect(document.body.dataset.pwned).toBeUndefined();
  });

  it("ignores the result of a file superseded by a newer one", async () => {
    let release: (() => void) | undefined;
    const slow: Loader = async (input) => {
      if ("file" in input && input.file.name === "slow.ndjson") await new Promise<void>((r) => (release = r));
      return inlineLoader(input);
    };
    await renderApp(slow);
    choose(new File([SEED], "slow.ndjson"));
    choose(new File([SEED], "fast.txt"));
    await screen.findByText("fast.txt");
    release?.();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByText("fast.txt")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows a large log's newest version at once and says the earlier ones are arriving, until their plans come", async () => {
    // A loader that, as the worker does for a large log, gives the newest plan first and the others later.
    let deliver: () => void = () => undefined;
    const newestOnly: Loader = async (input, signal) => {
      const outcome = await inlineLoader(input, signal);
      if (!outcome.ok) return outcome;
      const { first, rest } = newestFirst(outcome.loaded.history);
      return { ok: true, loaded: { ...outcome.loaded, history: first }, rest: new Promise<RestOfStates>((resolve) => (deliver = () => resolve(rest))) };
    };
    await renderApp(newestOnly);
    const row = () => screen.getByRole("button", { name: /Persentase UMKM/ }).closest("tr")!;
    expect(row().querySelectorAll("td.target")[10]!.textContent).toBe("85");
    expect(screen.getByText("Versi-versi sebelumnya masih dimuat…")).toBeTruthy();
    fireEvent.input(screen.getByRole("slider", { name: "Versi" }), { target: { value: "3" } });
    expect(screen.getByText("Rencana pada versi 3 masih dimuat…")).toBeTruthy();
    expect(screen.getByRole("tabpanel").querySelector("table.rapk")).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "Bandingkan" }));
    expect(screen.getByText("Rencana pada versi 2 masih dimuat…")).toBeTruthy();
    deliver();
    await waitFor(() => expect(screen.queryByText("Versi-versi sebelumnya masih dimuat…")).toBeNull());
    expect(screen.getByRole("region", { name: "4 perubahan" }).textContent).toContain("Rp2.000.000");
    fireEvent.click(screen.getByRole("tab", { name: "Dokumen" }));
    expect(row().querySelectorAll("td.target")[10]!.textContent).toBe("81");
  });

  it("says so when a large log's earlier versions cannot be read, instead of saying they are arriving for ever", async () => {
    let fail: (error: Error) => void = () => undefined;
    const failsLater: Loader = async (input, signal) => {
      const outcome = await inlineLoader(input, signal);
      if (!outcome.ok) return outcome;
      const { first } = newestFirst(outcome.loaded.history);
      return { ok: true, loaded: { ...outcome.loaded, history: first }, rest: new Promise<RestOfStates>((_, reject) => (fail = reject)) };
    };
    await renderApp(failsLater);
    expect(screen.getByText("Versi-versi sebelumnya masih dimuat…")).toBeTruthy();
    fail(new Error("the worker stopped"));
    await waitFor(() => expect(screen.queryByText("Versi-versi sebelumnya masih dimuat…")).toBeNull());
    expect(screen.getAllByRole("alert").map((a) => a.textContent)).toContain("Versi-versi sebelumnya tidak dapat dibaca: the worker stopped. Versi terbaru tetap ditampilkan.");
    // The newest plan stays; an earlier one says it cannot be shown.
    const row = () => screen.getByRole("button", { name: /Persentase UMKM/ }).closest("tr")!;
    expect(row().querySelectorAll("td.target")[10]!.textContent).toBe("85");
    fireEvent.input(screen.getByRole("slider", { name: "Versi" }), { target: { value: "3" } });
    expect(screen.getByText("Rencana pada versi 3 tidak dapat dibaca.")).toBeTruthy();
  });
});

