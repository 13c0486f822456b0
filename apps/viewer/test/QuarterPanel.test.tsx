import { IndicatorId, evolve } from "@rapk/core";
import { screen } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { QuarterPanel } from "../src/components/QuarterPanel.js";
import { createHistoryView } from "../src/model/historyView.js";
import { foldHistory } from "../src/model/foldedHistory.js";
import { smallHistory } from "./fixtures/history.js";
import { renderIn } from "./render.js";

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
});
