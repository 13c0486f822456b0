import { describe, expect, it } from "vitest";
import { type PlanEvent, type PlanEventInput, planDocument, stateAfter } from "@rapk/core";
import { CEILING, SAMPLING, drafted, foodSamplingLine, indicator0101, indicator0401, objective01, objective04, samplingLine, signed } from "../fixtures/seed.js";

// Defined out of code order on purpose: the document keeps the order things were defined in
// (for an imported plan, the order the paper prints them), never re-sorting by code.
const events: PlanEventInput[] = [
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

  it("keeps objectives and their indicators in the order they were defined, not by code", () => {
    expect(doc.objectives.map((o) => o.code)).toEqual(["04", "01"]);
    expect(doc.objectives.map((o) => o.indicators.map((i) => i.id))).toEqual([["04.01"], ["01.07", "01.01"]]);
  });

  it("lists each indicator's budget rows in the order they were allocated, with its budget the sum of them", () => {
    const medicines = doc.objectives[1]!.indicators[1]!;
    expect(medicines.id).toBe("01.01");
    expect(medicines.contributions.map((c) => [c.line.id, c.line.pagu, c.amount])).toEqual([
      [SAMPLING, 125_736_000, 70_412_160],
      ["DR.3165.QIA.001.055.A", 78_842_000, 29_959_960],
    ]);
    expect(medicines.budget).toBe(100_372_120);
    expect(doc.objectives[1]!.indicators[0]!).toMatchObject({ budget: 0, contributions: [] });
  });

  it("keeps an objective whose code is an array index (11) where it was defined, after 01 and 09", () => {
    const objective = (code: string, number: number): PlanEvent => ({ type: "ObjectiveDefined", data: { ...objective01.data, code, number } });
    const state = stateAfter([drafted, objective("01", 1), objective("11", 10), objective("09", 8)]);
    expect(planDocument(state).objectives.map((o) => o.code)).toEqual(["01", "11", "09"]);
  });

  it("moves a withdrawn and re-allocated budget row to the end: it is a new row", () => {
    const state = stateAfter([
      ...events,
      { type: "ContributionAllocated", data: { indicator: "01.01", line: SAMPLING, amount: 0 } },
      { type: "ContributionAllocated", data: { indicator: "01.01", line: SAMPLING, amount: 1_000 } },
      { type: "ContributionAllocated", data: { indicator: "01.01", line: "DR.3165.QIA.001.055.A", amount: 2_000 } },
    ]);
    const medicines = planDocument(state).objectives[1]!.indicators[1]!;
    expect(medicines.contributions.map((c) => [c.line.id, c.amount])).toEqual([
      ["DR.3165.QIA.001.055.A", 2_000],
      [SAMPLING, 1_000],
    ]);
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
