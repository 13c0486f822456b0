import type { IndicatorId } from "../codes.js";
import type { PlanState } from "../state.js";

/** An indicator's budget (ANGGARAN): the sum of its contributions, derived and never stored. */
export function indicatorBudget(state: PlanState, indicator: IndicatorId): number {
  let total = 0;
  const row = state.contributions[indicator];
  if (row) for (const amount of Object.values(row)) total += amount;
  return total;
}
