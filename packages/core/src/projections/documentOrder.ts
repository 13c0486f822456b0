import type { Indicator, Objective, PlanState } from "../state.js";

/**
 * The document's order (docs/domain.md, "Its structure"): objectives as the document prints them,
 * each with its indicators in the order they were defined, which for an imported plan is the
 * order of the printed rows and for a plan built by commands the order of its commands. Nothing is
 * sorted by code: the NO. column of the paper must match what is shown. Budget lines and each
 * indicator's budget rows keep their order in the state's records (see PlanState).
 */
export function documentOrder(state: PlanState): { readonly objective: Objective; readonly indicators: readonly Indicator[] }[] {
  const byObjective = new Map<string, Indicator[]>();
  for (const indicator of Object.values(state.indicators)) {
    const own = byObjective.get(indicator.objective);
    if (own) own.push(indicator);
    else byObjective.set(indicator.objective, [indicator]);
  }
  return Object.values(state.objectives)
    .sort((a, b) => a.position - b.position)
    .map((objective) => ({ objective, indicators: byObjective.get(objective.code) ?? [] }));
}

/** Every indicator in the document's order: by objective as printed, then as defined. */
export function indicatorsInOrder(state: PlanState): Indicator[] {
  return documentOrder(state).flatMap((entry) => entry.indicators);
}
