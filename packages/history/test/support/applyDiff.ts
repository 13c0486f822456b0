import type { PlanState } from "@rapk/core";
import type { Change, PlanDiff } from "../../src/index.js";

/**
 * The test oracle of diffStates: a diff is complete when applying it to `a` gives `b` back. Kept
 * with the tests (nothing in the product applies a diff), on a deep copy instead of immer.
 */
type Writable<T> = { -readonly [K in keyof T]: T[K] extends string ? T[K] : T[K] extends object ? Writable<T[K]> : T[K] };
type Draft<T> = Writable<T>;

type Row<V> = Record<string | number, V>;

function setCell<V>(table: Record<string, Row<V>>, key: string, cell: string | number, value: V | null): void {
  if (value === null) {
    const row = table[key];
    if (!row) return;
    delete row[cell];
    // An empty row is never kept (the evolve of core does the same), so states stay comparable.
    if (Object.keys(row).length === 0) delete table[key];
  } else {
    (table[key] ??= {})[cell] = value;
  }
}

function apply(state: Draft<PlanState>, change: Change): void {
  switch (change.kind) {
    case "plan-changed":
      state.plan = change.to;
      return;
    case "ceiling-changed":
      // Replaced, not mutated: after a plan-changed in the same diff the plan is b's frozen object.
      if (state.plan && state.plan.ceiling !== change.to) state.plan = { ...state.plan, ceiling: change.to };
      return;
    case "objective-added":
      state.objectives[change.objective] = change.to;
      return;
    case "objective-removed":
      delete state.objectives[change.objective];
      return;
    case "objective-renamed": {
      const objective = state.objectives[change.objective];
      if (objective) objective.name = change.to;
      return;
    }
    case "objective-renumbered": {
      const objective = state.objectives[change.objective];
      if (!objective) return;
      if (change.to === null) delete objective.number;
      else objective.number = change.to;
      return;
    }
    case "indicator-added":
      state.indicators[change.indicator] = change.to as Draft<typeof change.to>;
      return;
    case "indicator-removed":
      delete state.indicators[change.indicator];
      return;
    case "indicator-renamed": {
      const indicator = state.indicators[change.indicator];
      if (indicator) indicator.name = change.to;
      return;
    }
    case "indicator-redefined": {
      const indicator = state.indicators[change.indicator];
      if (indicator) (indicator as Record<string, unknown>)[change.field] = change.to;
      return;
    }
    case "target-changed": {
      const indicator = state.indicators[change.indicator];
      if (indicator) indicator.targets[change.month - 1] = change.to;
      return;
    }
    case "line-added":
      state.lines[change.line] = change.to;
      return;
    case "line-removed":
      delete state.lines[change.line];
      return;
    case "line-renamed": {
      const line = state.lines[change.line];
      if (line) line[change.part].name = change.to;
      return;
    }
    case "pagu-changed": {
      const line = state.lines[change.line];
      if (line) line.pagu = change.to;
      return;
    }
    case "contribution-changed":
      setCell(state.contributions, change.indicator, change.line, change.to === 0 ? null : change.to);
      return;
    case "realisation-changed":
      setCell(state.realisations, change.indicator, change.month, change.to);
      return;
    case "spending-changed":
      setCell(state.spending, change.line, change.month, change.to);
      return;
    case "signature-changed":
      state.signature = change.to;
      return;
    default: {
      const unknown: never = change;
      throw new TypeError(`applyDiff: unknown change ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Applies a diff to a copy of a state: `applyDiff(a, diffStates(a, b))` has the content of `b`.
 * Every change sets its `to` value (it does not check `from`), in the diff's order. The
 * bookkeeping count `eventCount` is kept from `a`: a diff is not made of events.
 */
export function applyDiff(state: PlanState, diff: PlanDiff): PlanState {
  const copy = structuredClone(state) as Draft<PlanState>;
  for (const change of diff.changes) apply(copy, structuredClone(change) as Change);
  return copy as PlanState;
}
