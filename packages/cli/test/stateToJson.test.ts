import { describe, expect, it } from "vitest";
import { decideBatch, initialState, stateAfter, type PlanCommand } from "@rapk/core";
import { stateToJson } from "../src/stateToJson.js";

const line = (ro: string, component: string, sub: string, pagu: number) => ({
  type: "registerBudgetLine" as const,
  data: { output: { code: ro, name: `RO ${ro}` }, component: { code: component, name: `Komponen ${component}` }, subComponent: { code: sub, name: `Sub ${sub}` }, pagu },
});

function smallPlan() {
  const commands: PlanCommand[] = [
    { type: "draftPlan", data: { unit: "Loka POM di Kabupaten Rejang Lebong", agency: "Badan Pengawas Obat dan Makanan", year: 2024, ceiling: 1_000_000 } },
    { type: "defineObjective", data: { code: "11", number: 10, name: "Terkelolanya Keuangan UPT secara Akuntabel" } },
    { type: "defineObjective", data: { code: "01", number: 1, name: "Terwujudnya Obat dan Makanan yang memenuhi syarat" } },
    { type: "defineIndicator", data: { objective: "11", code: "04", name: "Presentase Realisasi Penggunaan Produk dalam Negeri", unit: "percent", direction: "higher", shape: "year-end" } },
    { type: "defineIndicator", data: { objective: "01", code: "07", name: "Persentase UMKM", unit: "percent", direction: "higher", shape: "cumulative" } },
    { type: "setTargets", data: { indicator: "11.04", values: [null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 60] } },
    { type: "setTargets", data: { indicator: "01.07", values: [0, 0, 10, 20, 30, 50, 60, 70, 75, 78, 81, 100] } },
    line("DR.3165.QIA.005", "053", "A", 600_000),
    line("DR.3165.BKB.001", "051", "B", 300_000),
    { type: "allocateContribution", data: { indicator: "01.07", line: "DR.3165.QIA.005.053.A", amount: 250_000 } },
    { type: "allocateContribution", data: { indicator: "11.04", line: "DR.3165.QIA.005.053.A", amount: 100_000 } },
    { type: "allocateContribution", data: { indicator: "01.07", line: "DR.3165.BKB.001.051.B", amount: 300_000 } },
    { type: "reportRealisation", data: { indicator: "01.07", month: 3, value: 12.5, numerator: 1, denominator: 8 } },
    { type: "reportSpending", data: { line: "DR.3165.BKB.001.051.B", month: 4, amount: 40_000 } },
    { type: "reportSpending", data: { line: "DR.3165.BKB.001.051.B", month: 2, amount: 60_000 } },
    { type: "signPlan", data: { place: "Rejang Lebong", date: "2024-02-22", name: "Pupa Feshirawan Putra, S.Farm., Apt", title: "Kepala LokaPOM di Kabupaten Rejang Lebong" } },
  ];
  const decided = decideBatch(commands, initialState(), { kind: "draft" });
  if (!decided.ok) throw new Error(decided.error.message);
  return stateAfter(decided.value);
}

describe("stateToJson", () => {
  const json = stateToJson(smallPlan(), 3);

  it("carries the plan header, the signature and the version", () => {
    expect(json.plan).toEqual({ year: 2024, unit: "Loka POM di Kabupaten Rejang Lebong", agency: "Badan Pengawas Obat dan Makanan", title: null, ceiling: 1_000_000, statedTotal: null });
    expect(json.signature).toEqual({ place: "Rejang Lebong", date: "2024-02-22", name: "Pupa Feshirawan Putra, S.Farm., Apt", title: "Kepala LokaPOM di Kabupaten Rejang Lebong" });
    expect(json.version).toBe(3);
    expect(json.events).toBe(16);
  });

  it("keeps objectives and indicators in the order of the commands, never sorted by code", () => {
    expect(json.objectives.map((o) => [o.code, o.number, o.indicators])).toEqual([
      ["11", 10, ["11.04"]],
      ["01", 1, ["01.07"]],
    ]);
    expect(json.indicators.map((i) => i.id)).toEqual(["11.04", "01.07"]);
  });

  it("keeps a blank target null, never 0, and always twelve slots", () => {
    const indicator = json.indicators.find((i) => i.id === "11.04")!;
    expect(indicator.targets).toHaveLength(12);
    expect(indicator.targets[0]).toBeNull();
    expect(indicator.targets[1]).toBe(0);
    expect(indicator.targets[11]).toBe(60);
    expect(indicator).toMatchObject({ objective: "11", code: "04", unit: "percent", direction: "higher", shape: "year-end" });
  });

  it("derives an indicator's budget from its contributions", () => {
    const indicator = json.indicators.find((i) => i.id === "01.07")!;
    // In the order they were allocated (the indicator's budget rows), not by line id.
    expect(indicator.contributions).toEqual([
      { line: "DR.3165.QIA.005.053.A", amount: 250_000 },
      { line: "DR.3165.BKB.001.051.B", amount: 300_000 },
    ]);
    expect(indicator.budget).toBe(550_000);
    expect(indicator.realisations).toEqual([{ month: 3, value: 12.5, numerator: 1, denominator: 8 }]);
  });

  it("gives every line, in the order registered, its pagu, allocation, what is left and what was spent", () => {
    expect(json.lines.map((l) => [l.id, l.pagu, l.allocated, l.unallocated, l.spent])).toEqual([
      ["DR.3165.QIA.005.053.A", 600_000, 350_000, 250_000, 0],
      ["DR.3165.BKB.001.051.B", 300_000, 300_000, 0, 100_000],
    ]);
    const line = json.lines[1]!;
    expect(line.output).toEqual({ code: "DR.3165.BKB.001", name: "RO DR.3165.BKB.001" });
    expect(line.component).toEqual({ code: "051", name: "Komponen 051" });
    expect(line.subComponent).toEqual({ code: "B", name: "Sub B" });
    expect(line.spending).toEqual([
      { month: 2, amount: 60_000 },
      { month: 4, amount: 40_000 },
    ]);
    expect(json.totals).toEqual({ ceiling: 1_000_000, pagu: 900_000, allocated: 650_000, unallocated: 250_000, unattributed: 0, spent: 100_000 });
  });

  it("is plain JSON: it survives a round trip unchanged", () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("projects the empty state (version 0) without a plan", () => {
    const empty = stateToJson(initialState(), 0);
    expect(empty).toMatchObject({ version: 0, events: 0, plan: null, signature: null, objectives: [], indicators: [], lines: [] });
    expect(empty.totals).toEqual({ ceiling: 0, pagu: 0, allocated: 0, unallocated: 0, unattributed: 0, spent: 0 });
  });
});
