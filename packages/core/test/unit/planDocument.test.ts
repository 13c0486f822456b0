import { describe, expect, it } from "vitest";
import { type PlanEvent, planDocument, stateAfter } from "@rapk/core";
import { CEILING, SAMPLING, drafted, foodSamplingLine, indicator0101, indicator0401, objective01, objective04, samplingLine, signed } from "../fixtures/seed.js";

// Defined out of order on purpose: the document orders by code, not by history.
const events: PlanEvent[] = [
  drafted,
  objective04,
  objective01,
  indicator0401,
  { type: "IndicatorDefined", data: { ...indicator0101.data, code: "07", name: "Persentase UMKM yang memenuhi standar", shape: "stepped" } },
  indicator0101,
  foodSamplingLine,
  samplingLine,
  { type: "ContributionAllocated", data: { indicator: "01.01", line: SAMPLING, amount: 70_412_160 } },
  { type: "ContributionAllocated", data: { indicator: "01.01", line: "DR.3165.QIA.001.055.A", amount: 29_959_960 } },
  { type: "ContributionAllocated", data: { indicator: "04.01", line: SAMPLING, amount: 30_176_640 } },
  signed,
];

describe("planDocument", () => {
  const doc = planDocument(stateAfter(events));

  it("orders objectives and their indicators by code", () => {
    expect(doc.objectives.map((o) => o.code)).toEqual(["01", "04"]);
    expect(doc.objectives.map((o) => o.indicators.map((i) => i.id))).toEqual([["01.01", "01.07"], ["04.01"]]);
  });

  it("lists each indicator's budget rows by line id, with its budget the sum of them", () => {
    const medicines = doc.objectives[0]!.indicators[0]!;
    expect(medicines.contributions.map((c) => [c.line.id, c.line.pagu, c.amount])).toEqual([
      ["DR.3165.QIA.001.055.A", 78_842_000, 29_959_960],
      [SAMPLING, 125_736_000, 70_412_160],
    ]);
    expect(medicines.budget).toBe(100_372_120);
    expect(doc.objectives[0]!.indicators[1]!).toMatchObject({ budget: 0, contributions: [] });
  });

  it("carries the plan, its Total and the signature", () => {
    expect(doc.plan?.unit).toBe("Loka POM di Kabupaten Rejang Lebong");
    expect(doc.ceiling).toBe(CEILING);
    expect(doc.signature).toEqual(signed.data);
  });

  it("is empty before the plan is drafted", () => {
    expect(planDocument(stateAfter([]))).toEqual({ plan: null, objectives: [], ceiling: 0, signature: null });
  });
});
