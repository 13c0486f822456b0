import { fireEvent, render, screen, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../src/App.js";
import { changedMessage, checkCited, missingMessage } from "../src/model/evidenceCheck.js";
import { inlineLoader } from "../src/model/inlineLoader.js";
import { digestHere } from "../src/worker/fileDigest.js";
import { RECEIPT, RECEIPT_BYTES, SHEET, SHEET_BYTES, movedSignature, signedYearWithEvidence } from "./fixtures/signed.js";

/** A file as a folder picker gives it: its name, and its path in the folder chosen. */
function fileIn(folder: string | undefined, name: string, bytes: Uint8Array): File {
  const file = new File([bytes as BlobPart], name);
  if (folder !== undefined) Object.defineProperty(file, "webkitRelativePath", { value: `${folder}/${name}` });
  return file;
}

/** `bytes` with one byte changed, the size kept. */
function edited(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  copy[100] = (copy[100]! + 1) % 256;
  return copy;
}

/** Chooses `files` in the picker labelled `label` of the Evidence tab. */
function choose(label: RegExp, files: readonly File[]): void {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  Object.defineProperty(input, "files", { value: files, configurable: true });
  fireEvent.change(input);
}

const panel = () => within(screen.getByRole("tabpanel"));
/** Each row of the evidence table, its cells' text. */
const rows = () => panel().getAllByRole("row").slice(1).map((row) => [...row.children].map((cell) => cell.textContent));

/** The downloads started (download.ts: an object URL clicked on a link), with their bytes and type. */
let downloads: { name: string; type: string; bytes: Uint8Array }[] = [];
beforeEach(() => {
  downloads = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)!;
    const entry = { name: this.download, type: blob.type, bytes: new Uint8Array() };
    downloads.push(entry);
    void blob.arrayBuffer().then((buffer) => (entry.bytes = new Uint8Array(buffer)));
  });
});
afterEach(() => vi.restoreAllMocks());

describe("checking a cited file (evidenceCheck)", () => {
  it("takes the file kept under the digest, else one of the recorded name; says missing or changed in rapk verify's words", async () => {
    expect(await checkCited(RECEIPT, [fileIn("plan.evidence", RECEIPT.sha256, RECEIPT_BYTES)], digestHere)).toMatchObject({ kind: "present", file: `plan.evidence/${RECEIPT.sha256}`, bytes: RECEIPT_BYTES });
    expect(await checkCited(RECEIPT, [fileIn(undefined, "kuitansi-januari.pdf", RECEIPT_BYTES)], digestHere)).toMatchObject({ kind: "present", file: "kuitansi-januari.pdf" });
    // The kept file is the one checked, even beside a good copy of the original.
    const both = [fileIn(undefined, "kuitansi-januari.pdf", RECEIPT_BYTES), fileIn("plan.evidence", RECEIPT.sha256, edited(RECEIPT_BYTES))];
    expect(await checkCited(RECEIPT, both, digestHere)).toEqual({ kind: "changed", code: "EVIDENCE_CHANGED", message: changedMessage(RECEIPT), file: `plan.evidence/${RECEIPT.sha256}` });
    // Another size: changed, without reading it.
    const shorter = fileIn("plan.evidence", RECEIPT.sha256, RECEIPT_BYTES.slice(1));
    const read = vi.spyOn(shorter, "arrayBuffer");
    expect(await checkCited(RECEIPT, [shorter], digestHere)).toMatchObject({ kind: "changed", code: "EVIDENCE_CHANGED" });
    expect(read).not.toHaveBeenCalled();
    expect(await checkCited(RECEIPT, [fileIn("plan.evidence", SHEET.sha256, SHEET_BYTES)], digestHere)).toEqual({ kind: "missing", code: "EVIDENCE_MISSING", message: missingMessage(RECEIPT) });
    // The words of rapk verify (packages/cli/src/evidence.ts).
    expect(missingMessage(RECEIPT)).toBe(`the report cites evidence "kuitansi-januari.pdf" (SHA-256 ${RECEIPT.sha256}), which is not kept beside the log`);
    expect(changedMessage(RECEIPT)).toBe(`the evidence "kuitansi-januari.pdf" kept under SHA-256 ${RECEIPT.sha256} no longer hashes to it: the file was changed after it was recorded`);
    expect(await digestHere(new TextEncoder().encode("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("the Evidence tab", () => {
  it("lists every cited file, checks the folder given, and downloads a present file with its recorded name, type and bytes; never a changed one", async () => {
    const { log } = signedYearWithEvidence();
    render(<App loader={inlineLoader} initial={{ text: log.text, name: "plan.ndjson" }} />);
    await screen.findByText(/Rantai riwayat terverifikasi/);
    fireEvent.click(screen.getByRole("tab", { name: "Bukti dukung" }));
    await panel().findByRole("heading", { name: "Bukti dukung yang dikutip laporan" });
    expect(panel().getByText(/dalam folder plan\.evidence\//)).toBeTruthy();
    expect(rows()).toEqual([
      ["kuitansi-januari.pdf", "application/pdf", "47.1 kB", `${RECEIPT.sha256.slice(0, 16)}…`, "3, 4, 6", "belum diperiksa", ""],
      ["rekap-maret.xlsx", SHEET.mediaType, "3.0 kB", `${SHEET.sha256.slice(0, 16)}…`, "6", "belum diperiksa", ""],
    ]);

    // The folder as the file store keeps it: the receipt intact, the spreadsheet missing.
    choose(/Pilih folder bukti/, [fileIn("plan.evidence", RECEIPT.sha256, RECEIPT_BYTES)]);
    await panel().findByText("1 berkas diberikan. Diperiksa: 1 ada dan utuh, 1 hilang (EVIDENCE_MISSING), 0 berubah (EVIDENCE_CHANGED).");
    expect(rows().map((row) => row.slice(5))).toEqual([
      [`✓ ada dan utuh: SHA-256 cocok (plan.evidence/${RECEIPT.sha256})`, "Unduh kuitansi-januari.pdf"],
      [`EVIDENCE_MISSING ${missingMessage(SHEET)}`, ""],
    ]);
    // The timeline says it beside each file a version cites.
    const cites = (n: number) => [...screen.getAllByRole("listitem").find((item) => item.querySelector(".v-number")?.textContent === String(n))!.querySelectorAll(".v-evidence")].map((span) => span.textContent);
    expect(cites(6)[0]).toMatch(/^bukti: rekap-maret\.xlsx .* ⚠ EVIDENCE_MISSING$/);
    fireEvent.click(panel().getByRole("button", { name: "Unduh kuitansi-januari.pdf" }));
    await vi.waitFor(() => expect(downloads[0]?.bytes.byteLength).toBe(RECEIPT.size));
    expect(downloads).toEqual([{ name: "kuitansi-januari.pdf", type: "application/pdf", bytes: RECEIPT_BYTES }]);

    // The spreadsheet given too, one byte of it changed: EVIDENCE_CHANGED, and no button for it.
    choose(/Pilih berkas bukti/, [fileIn("plan.evidence", RECEIPT.sha256, RECEIPT_BYTES), fileIn("plan.evidence", SHEET.sha256, edited(SHEET_BYTES))]);
    await panel().findByText(/0 hilang \(EVIDENCE_MISSING\), 1 berubah/);
    expect(rows()[1]!.slice(5)).toEqual([`EVIDENCE_CHANGED ${changedMessage(SHEET)} (plan.evidence/${SHEET.sha256})`, ""]);
    expect(panel().queryByRole("button", { name: /rekap-maret/ })).toBeNull();
    expect(cites(4)).toEqual([`bukti: kuitansi-januari.pdf (application/pdf, 47.1 kB, SHA-256 ${RECEIPT.sha256.slice(0, 16)}…) · ✓ ada dan utuh`]);
    expect(cites(6)).toEqual([
      `bukti: rekap-maret.xlsx (${SHEET.mediaType}, 3.0 kB, SHA-256 ${SHEET.sha256.slice(0, 16)}…) ⚠ EVIDENCE_CHANGED`,
      `bukti: kuitansi-januari.pdf (application/pdf, 47.1 kB, SHA-256 ${RECEIPT.sha256.slice(0, 16)}…) · ✓ ada dan utuh`,
    ]);
    // Kept while the reader looks at another tab.
    fireEvent.click(screen.getByRole("tab", { name: "Dokumen" }));
    fireEvent.click(screen.getByRole("tab", { name: "Bukti dukung" }));
    await panel().findByText(/1 berubah/);
    expect(downloads).toHaveLength(1);
  });

  it("downloads nothing of a log that does not verify, its evidence intact", async () => {
    render(<App loader={inlineLoader} initial={{ text: movedSignature().text, name: "moved.ndjson" }} language="en" />);
    await screen.findByRole("alert");
    fireEvent.click(screen.getByRole("tab", { name: "Evidence" }));
    await panel().findByRole("heading", { name: "Evidence cited by reports" });
    choose(/Choose the evidence folder/, [fileIn("moved.evidence", RECEIPT.sha256, RECEIPT_BYTES)]);
    await panel().findByText(/1 present and intact/);
    const button = panel().getByRole("button", { name: "Download kuitansi-januari.pdf" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(panel().getByText(/Downloads refused: this log does not verify/)).toBeTruthy();
    button.disabled = false;
    fireEvent.click(button);
    expect(downloads).toEqual([]);
  });

  it("says so when no report cites evidence", async () => {
    const { log } = signedYearWithEvidence();
    const firstTwo = log.text.split("\n").filter((line) => line !== "");
    const upTo = firstTwo.findIndex((line) => line.includes('"commit":2,')) + 1;
    render(<App loader={inlineLoader} initial={{ text: `${firstTwo.slice(0, upTo).join("\n")}\n`, name: "plan.ndjson" }} />);
    await screen.findByText(/Rantai riwayat terverifikasi/);
    fireEvent.click(screen.getByRole("tab", { name: "Bukti dukung" }));
    await panel().findByText("Tidak ada laporan dalam log ini yang mengutip bukti dukung.");
    expect(panel().queryByLabelText(/Pilih folder bukti/)).toBeNull();
  });
});

describe("evidence given with the log", () => {
  it("takes the log from several files chosen together and checks the others as its evidence", async () => {
    const { log } = signedYearWithEvidence();
    render(<App loader={inlineLoader} />);
    const input = document.querySelector<HTMLInputElement>("#file-input")!;
    expect(input.multiple).toBe(true);
    const files = [fileIn(undefined, RECEIPT.sha256, RECEIPT_BYTES), new File([log.text], "plan.ndjson"), fileIn(undefined, "rekap-maret.xlsx", SHEET_BYTES)];
    Object.defineProperty(input, "files", { value: files, configurable: true });
    fireEvent.change(input);
    await screen.findByText(/Rantai riwayat terverifikasi/);
    // The Evidence tab opens with them checked: the receipt by its digest, the spreadsheet by its recorded name.
    await panel().findByText("2 berkas diberikan. Diperiksa: 2 ada dan utuh, 0 hilang (EVIDENCE_MISSING), 0 berubah (EVIDENCE_CHANGED).");
    expect(screen.getByRole("tab", { name: "Bukti dukung" }).getAttribute("aria-selected")).toBe("true");
  });

  it("with a plan open, files dropped that the viewer does not open are its evidence; a log dropped with files opens with them", async () => {
    const { log } = signedYearWithEvidence();
    render(<App loader={inlineLoader} initial={{ text: log.text, name: "plan.ndjson" }} />);
    await screen.findByText(/Rantai riwayat terverifikasi/);
    const source = screen.getByText("Sumber:", { exact: false }).textContent;
    const drop = (files: readonly File[]) => {
      const event = new Event("drop", { bubbles: true, cancelable: true });
      Object.defineProperty(event, "dataTransfer", { value: { types: ["Files"], files } });
      window.dispatchEvent(event);
    };
    drop([fileIn(undefined, RECEIPT.sha256, RECEIPT_BYTES), fileIn(undefined, SHEET.sha256, edited(SHEET_BYTES))]);
    await panel().findByText(/1 ada dan utuh, 0 hilang \(EVIDENCE_MISSING\), 1 berubah/);
    // The plan shown stays.
    expect(screen.getByText("Sumber:", { exact: false }).textContent).toBe(source);
    expect(screen.queryByRole("alert")).toBeNull();
    drop([new File([movedSignature().text], "moved.ndjson"), fileIn(undefined, RECEIPT.sha256, RECEIPT_BYTES)]);
    await screen.findByRole("alert");
    await panel().findByText("1 berkas diberikan. Diperiksa: 1 ada dan utuh, 0 hilang (EVIDENCE_MISSING), 0 berubah (EVIDENCE_CHANGED).");
    expect((panel().getByRole("button", { name: "Unduh kuitansi-januari.pdf" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
