import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { achievement, budgetSummary } from "@rapk/core";
import { quarterMonths, quarterReport } from "@rapk/report";
import { shipped } from "./fixtures.js";

const runs = Number(process.env.RAPK_PROPERTY_RUNS ?? 100);

describe("quarterReport", () => {
  const history = shipped("history");

  it("gives triwulan II the months April, May and June, and refuses a fifth quarter", () => {
    expect(quarterMonths(2)).toEqual([4, 5, 6]);
    expect(quarterMonths(4)).toEqual([10, 11, 12]);
    expect(() => quarterMonths(5)).toThrow("quarter 5: expected 1, 2, 3 or 4");
  });

  it("agrees with the monthly figures at the quarter's last month, for any version and quarter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: history.versions.length }), fc.integer({ min: 1, max: 4 }), (version, quarter) => {
        const state = history.stateAt(version);
        const report = quarterReport(state, quarter);
        const last = 3 * quarter;
        const monthly = achievement(state);
        expect(report.indicators.map((i) => [i.id, i.target, i.realisation, i.achievement, i.band?.id ?? null])).toEqual(
          monthly.map((a) => [a.indicator, a.months[last - 1]!.target, a.months[last - 1]!.realisation, a.months[last - 1]!.achievement, a.months[last - 1]!.band?.id ?? null]),
        );
        const through = budgetSummary(state, last);
        expect(report.budget.spent).toBe(through.spent);
        expect(report.lines.map((l) => [l.id, l.pagu, l.spent])).toEqual(through.lines.map((l) => [l.id, l.pagu, l.spent]));
        // The quarter's own spending is its three months' reports added up.
        for (const line of report.lines) {
          const months = state.spending[line.id] ?? {};
          expect(line.spentInQuarter).toBe([last - 2, last - 1, last].reduce((sum, m) => sum + (months[m] ?? 0), 0));
        }
      }),
      { numRuns: Math.min(runs, 60) },
    );
  });

  it("measures a cumulative indicator's quarter against the year's target too: 04.01 at June", () => {
    const report = quarterReport(history.head, 2);
    const row = report.indicators.find((i) => i.id === "04.01")!;
    expect(row.annualTarget).toBe(50);
    expect(row.target).toBe(23.32);
    expect(row.annualAchievement).toBeCloseTo((row.realisation! / 50) * 100, 10);
  });
});
