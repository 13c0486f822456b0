import { IndicatorId, evolve } from "@rapk/core";
import { fireEvent, screen, waitFor } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { monthCode } from "@rapk/core";
import { QuarterPanel } from "../src/components/QuarterPanel.js";
import { createHistoryView } from "../src/model/historyView.js";
import { foldHistory } from "../src/model/foldedHistory.js";
import { smallHistory } from "./fixtures/history.js";
import { renderIn } from "./render.js";
import { quarterReport } from "@rapk/report";
import { quarterHtml } from "../src/print/quarterHtml.js";

const state = () => {
  const head = createHistoryView(foldHistory(smallHistory())).at(4).state;
  return evolve(head, { type: "RealisationReported", data: { indicator: IndicatorId.parse("01.07"), month: 2, value: 0, obstacles: "Reagen terlambat", followUp: "Pengadaan dipercepat" } });
};

describe("QuarterPanel", () => {
  it("shows the quarter's figures at its last month and the year's target, per indicator", () => {
    const { container } = renderIn(<QuarterPanel state={state()} quarter={1} onQuarter={() => undefined} baseName="x" />, "en");
    expect(screen.getByRole("heading", { name: "Quarterly performance report, quarter 1 (January–March)" })).toBeTruthy();
    const row = Array.from(container.querySelectorAll("table.quarter-table tbody tr")).find((tr) => tr.textContent!.startsWith("01.07"))!;
    // 01.07 targets 10 in March and 100 for the year; 4 was reported for March. Two decimals, as the PDF.
    expect(Array.from(row.querySelectorAll("td")).map((td) => td.textContent)).toEqual(["10", "4", "40.00%", "Very poor", "100", "4.00%"]);
  });

  it("lists the quarter's obstacles and follow-up", () => {
    renderIn(<QuarterPanel state={state()} quarter={1} onQuarter={() => undefined} baseName="x" />);
    const notes = screen.getByRole("list");
    expect(notes.textContent).toContain("01.07 · Februari");
    expect(notes.textContent).toContain("HambatanReagen terlambat");
    expect(notes.textContent).toContain("Rencana tindak lanjutPengadaan dipercepat");
  });

  it("says when a quarter has no notes", () => {
    renderIn(<QuarterPanel state={state()} quarter={3} onQuarter={() => undefined} baseName="x" />);
    expect(screen.getByText("Tidak ada catatan pada triwulan ini.")).toBeTruthy();
  });

  it("prints the quarterly report's own layout, with the tab's figures rounded as the PDF rounds them", async () => {
    const provenance = { version: 4, effectiveAt: "2024-02-28T09:00:00+07:00", headHash: "ab".repeat(32), signers: "Kepala (head, ed25519:0011223344556677)" };
    const printed: string[] = [];
    const { container } = renderIn(<QuarterPanel state={state()} quarter={1} onQuarter={() => undefined} baseName="x" provenance={provenance} onPrint={(html) => printed.push(html)} />);
    fireEvent.click(screen.getByRole("button", { name: "Cetak laporan triwulan (PDF)" }));
    await waitFor(() => expect(printed).toHaveLength(1));
    const sheet = document.createElement("div");
    sheet.innerHTML = printed[0]!;
    expect(sheet.querySelector("h1")!.textContent).toMatch(/^LAPORAN KINERJA TRIWULAN I TAHUN 2024/);
    expect([...sheet.querySelectorAll(".header-block tr")].map((tr) => tr.textContent)).toEqual([
      expect.stringMatching(/^Unit kerja/),
      "TriwulanI (Januari - Maret 2024)",
      "Versi4",
      "Berlaku sejak28 Februari 2024",
    ]);
    const [achievement, lines, absorption, notes] = [...sheet.querySelectorAll("table:not(.header-block)")] as HTMLTableElement[];
    const headings = [...achievement!.querySelectorAll("thead th")].map((th) => th.textContent);
    expect(headings.slice(4, 7)).toEqual([1, 2, 3].map((m) => `REALISASI ${monthCode(m)}`));
    // Every indicator's target, achievement, year's target and share of it: the tab's text, the print's.
    const tab = [...container.querySelectorAll("table.quarter-table tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    const print = [...achievement!.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    expect(print.map((cells) => [cells[3], cells[8], cells[10], cells[11]].map((c) => c || "–"))).toEqual(tab.map((cells) => [cells[0], cells[2], cells[4], cells[5]]));
    expect(print.find((cells) => cells[0] === "01.07")!.slice(7, 10)).toEqual(["4", "40,00 %", "Sangat Kurang"]);
    // Per line its name; the absorption against the DIPA ceiling and against the lines, both labelled.
    expect(lines!.querySelector("tbody td:nth-child(2)")!.textContent).not.toBe("");
    expect([...absorption!.querySelectorAll("tbody tr td:first-child")].map((td) => td.textContent)).toEqual([expect.stringMatching(/^Penyerapan terhadap pagu DIPA \(Rp/), expect.stringMatching(/^Penyerapan terhadap pagu baris anggaran yang dirinci/), ...(absorption!.querySelectorAll("tbody tr").length === 3 ? [expect.stringMatching(/tidak dirinci/)] : [])]);
    expect(notes!.textContent).toContain("Reagen terlambat");
    expect(sheet.querySelector(".footer")!.textContent).toBe(`rapk · versi 4 · berlaku 28 Februari 2024 (2024-02-28T09:00:00+07:00) · hash kepala log ${"ab".repeat(32)} · ditandatangani Kepala (head, ed25519:0011223344556677)`);
  });

  it("rounds a measure as the PDF does, to four decimals", () => {
    const measured = evolve(state(), { type: "RealisationReported", data: { indicator: IndicatorId.parse("01.07"), month: 3, value: 4.12345 } });
    const { container } = renderIn(<QuarterPanel state={measured} quarter={1} onQuarter={() => undefined} baseName="x" />);
    const row = [...container.querySelectorAll("table.quarter-table tbody tr")].find((tr) => tr.textContent!.startsWith("01.07"))!;
    expect(row.querySelectorAll("td")[1]!.textContent).toBe("4,1235");
  });

  it("escapes every name in the quarterly print: markup from a file is text", () => {
    const report = quarterReport(state(), 1);
    const evil = `<img src=x onerror="window.__pwned=1"></style><script>window.__pwned=2</script>`;
    const hostile = { ...report, unit: evil, indicators: report.indicators.map((i) => ({ ...i, name: evil })), signature: report.signature && { ...report.signature, name: evil } };
    const sheet = document.createElement("div");
    sheet.innerHTML = quarterHtml(hostile, { version: 1, effectiveAt: "2024-02-22T09:00:00+07:00", headHash: "0".repeat(64), signers: evil }, "id");
    expect(sheet.querySelectorAll("img, script")).toHaveLength(0);
    expect(sheet.querySelectorAll("style")).toHaveLength(1);
    expect(sheet.querySelector(".header-block td")!.textContent).toBe(evil);
    expect(sheet.querySelector(".signature .name")!.textContent).toBe(evil);
  });
});
