import { describe, expect, it } from "vitest";
import { IndicatorId, budgetSummary, indicatorBudget, stateAfter } from "@rapk/core";
import { CEILING, FOOD_SAMPLING, FOOD_SAMPLING_PAGU, SAMPLING, SAMPLING_PAGU, TO_LAB_SAMPLES, TO_MEDICINES, foodSamplingLine, seedDraft } from "../fixtures/seed.js";

const state = stateAfter([
  ...seedDraft,
  { type: "SpendingReported", data: { line: SAMPLING, month: 1, amount: 10_000_000 } },
  { type: "SpendingReported", data: { line: SAMPLING, month: 3, amount: 99_000_000 } },
  { type: "SpendingReported", data: { line: SAMPLING, month: 3, amount: 21_434_000 } },
  { type: "SpendingReported", data: { line: SAMPLING, month: 7, amount: 5_000_000 } },
]);

describe("budgetSummary", () => {
  it("gives each line its pagu, allocated, unallocated, spent and absorption, in the order the lines were registered", () => {
    // seedDraft registers SAMPLING (…QIA.005…) before FOOD_SAMPLING (…QIA.001…): not the order of their ids.
    const summary = budgetSummary(state);
    expect(summary.lines).toEqual([
      {
        id: SAMPLING,
        pagu: SAMPLING_PAGU,
        allocated: TO_MEDICINES + TO_LAB_SAMPLES,
        unallocated: 25_147_200,
        unattributed: 0,
        spent: 36_434_000,
        absorption: 36_434_000 / SAMPLING_PAGU,
      },
      { id: FOOD_SAMPLING, pagu: FOOD_SAMPLING_PAGU, allocated: 0, unallocated: FOOD_SAMPLING_PAGU, unattributed: 0, spent: 0, absorption: 0 },
    ]);
  });

  it("totals the lines and carries the plan's ceiling", () => {
    expect(budgetSummary(state)).toMatchObject({ ceiling: CEILING, pagu: 204_578_000, allocated: 100_588_800, spent: 36_434_000 });
  });

  it("counts spending only through the month asked for (a later report for a month replaces the earlier one)", () => {
    expect(budgetSummary(state, 3).lines[0]!.spent).toBe(31_434_000);
    expect(budgetSummary(state, 2).spent).toBe(10_000_000);
  });

  it("carries what the document attributes to no indicator beside the unallocated, and totals it", () => {
    // Given the food line registered with KONTRIBUSI printed on a row under no indicator
    const stated = stateAfter(seedDraft.map((e) => (e === foodSamplingLine ? { ...foodSamplingLine, data: { ...foodSamplingLine.data, unattributed: 3_500_000 } } : e)));
    // When the budget is summed up
    const summary = budgetSummary(stated);
    // Then the line says so, beside an unallocated that is unchanged, and the total carries it
    expect(summary.lines.find((l) => l.id === FOOD_SAMPLING)).toMatchObject({ unattributed: 3_500_000, unallocated: FOOD_SAMPLING_PAGU });
    expect(summary.unattributed).toBe(3_500_000);
    expect(stated.lines[FOOD_SAMPLING]).toMatchObject({ unattributed: 3_500_000 });
  });

  it("gives no absorption for a line whose pagu is 0", () => {
    const zero = stateAfter([...seedDraft, { type: "BudgetRevised", data: { line: FOOD_SAMPLING, pagu: 0 } }]);
    expect(budgetSummary(zero).lines.find((l) => l.id === FOOD_SAMPLING)!.absorption).toBeNull();
  });

  it("is empty for a plan not yet drafted", () => {
    expect(budgetSummary(stateAfter([]))).toEqual({ lines: [], ceiling: 0, pagu: 0, allocated: 0, unattributed: 0, spent: 0 });
  });
});

describe("indicatorBudget (ANGGARAN)", () => {
  it("is the sum of the indicator's contributions", () => {
    expect(indicatorBudget(state, IndicatorId.parse("01.01"))).toBe(70_412_160);
    expect(indicatorBudget(state, IndicatorId.parse("04.01"))).toBe(30_176_640);
    expect(indicatorBudget(state, IndicatorId.parse("05.01"))).toBe(0);
  });
});
