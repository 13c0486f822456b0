import type { PlanState } from "../state.js";
import { achievement } from "./achievement.js";
import { type Band, BPOM_BANDS } from "./bands.js";
import { budgetSummary } from "./budgetSummary.js";

/**
 * One plan in a rollup across plans (a ministry's view of its units): who and which year, the
 * money (ceiling, pagu, allocated, spent through the last month reported, penyerapan), and how
 * its indicators stand in the latest month for which any realisation was reported.
 */
export interface PlanRollup {
  readonly unit: string | null;
  readonly agency: string | null;
  readonly year: number | null;
  readonly ceiling: number;
  readonly pagu: number;
  readonly allocated: number;
  /** All spending reported, every month. */
  readonly spent: number;
  /** Penyerapan: spent / pagu, a ratio; null when the pagu is 0. */
  readonly absorption: number | null;
  readonly indicators: number;
  /** The latest month (1..12) with a realisation reported for any indicator; null before the first report. */
  readonly latestMonth: number | null;
  /** Indicators per band id (every band present, 0 when none) in `latestMonth`. */
  readonly bands: Readonly<Record<string, number>>;
  /** Indicators with no achievement in `latestMonth` (nothing reported, or a blank or zero target). */
  readonly unrated: number;
}

/** The summary of one plan's state for a rollup; the bands are BPOM's unless others are given. */
export function planRollup(state: PlanState, bands: readonly Band[] = BPOM_BANDS): PlanRollup {
  const budget = budgetSummary(state);
  const rows = achievement(state, bands);
  let latestMonth: number | null = null;
  for (const row of rows) if (row.latest && (latestMonth === null || row.latest.month > latestMonth)) latestMonth = row.latest.month;
  const counts: Record<string, number> = Object.fromEntries(bands.map((band) => [band.id, 0]));
  let unrated = 0;
  for (const row of rows) {
    const band = latestMonth === null ? null : row.months[latestMonth - 1]?.band;
    if (band) counts[band.id] = (counts[band.id] ?? 0) + 1;
    else unrated += 1;
  }
  return {
    unit: state.plan?.unit ?? null,
    agency: state.plan?.agency ?? null,
    year: state.plan?.year ?? null,
    ceiling: budget.ceiling,
    pagu: budget.pagu,
    allocated: budget.allocated,
    spent: budget.spent,
    absorption: budget.pagu === 0 ? null : budget.spent / budget.pagu,
    indicators: rows.length,
    latestMonth,
    bands: counts,
    unrated,
  };
}
