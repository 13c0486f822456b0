import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BPOM_BANDS, type PlanEventInput, planRollup, stateAfter } from "@rapk/core";
import { CEILING, LAB_SAMPLE_TARGETS, SAMPLING, seedDraft } from "../fixtures/seed.js";

const reported = (indicator: string, month: number, value: number): PlanEventInput => ({ type: "RealisationReported", data: { indicator, month, value } });
const spent = (month: number, amount: number): PlanEventInput => ({ type: "SpendingReported", data: { line: SAMPLING, month, amount } });

describe("planRollup (one plan's row in a rollup)", () => {
  it("given a drafted plan with nothing reported, then every indicator is unrated and no month is the latest", () => {
    const summary = planRollup(stateAfter(seedDraft));
    expect(summary).toMatchObject({ unit: "Loka POM di Kabupaten Rejang Lebong", year: 2024, ceiling: CEILING, pagu: 204_578_000, allocated: 100_588_800 });
    expect(summary).toMatchObject({ spent: 0, absorption: 0, indicators: 2, latestMonth: null, unrated: 2 });
    expect(Object.values(summary.bands).every((count) => count === 0)).toBe(true);
  });

  it("given reports in months 1 and 2, then the bands count month 2 only and an indicator not reported then is unrated", () => {
    // 01.01 reaches 99.3 of 99.3 in February (100 %, Baik); 04.01 was reported in January only.
    const state = stateAfter([...seedDraft, reported("04.01", 1, LAB_SAMPLE_TARGETS[0]! / 2), reported("01.01", 2, 99.3), spent(1, 10_000_000), spent(2, 15_147_200)]);
    const summary = planRollup(state);
    expect(summary.latestMonth).toBe(2);
    expect(summary.bands.good).toBe(1);
    expect(summary.bands["very-poor"]).toBe(0);
    expect(summary.unrated).toBe(1);
    expect(summary.spent).toBe(25_147_200);
    expect(summary.absorption).toBeCloseTo(25_147_200 / 204_578_000, 12);
  });

  it("given no plan yet, then it is empty, not an error", () => {
    expect(planRollup(stateAfter([]))).toMatchObject({ unit: null, year: null, ceiling: 0, pagu: 0, absorption: null, indicators: 0, unrated: 0 });
  });

  it("property: every indicator is counted once, in one band or as unrated", () => {
    const report = fc.record({ indicator: fc.constantFrom("01.01", "04.01"), month: fc.integer({ min: 1, max: 12 }), value: fc.double({ min: 0, max: 200, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(report, { maxLength: 20 }), (reports) => {
        const summary = planRollup(stateAfter([...seedDraft, ...reports.map((r) => reported(r.indicator, r.month, r.value))]));
        const counted = Object.values(summary.bands).reduce((sum, count) => sum + count, 0) + summary.unrated;
        expect(counted).toBe(summary.indicators);
        expect(Object.keys(summary.bands)).toEqual(BPOM_BANDS.map((band) => band.id));
        expect(summary.latestMonth).toBe(reports.length === 0 ? null : Math.max(...reports.map((r) => r.month)));
      }),
      { numRuns: Number(process.env.RAPK_PROPERTY_RUNS) || 1000 },
    );
  });
});
