import { indicatorId } from "@rapk/core";
import type { BudgetEntry, Entry, IndicatorEntry, ObjectiveEntry } from "./entries.js";

/** Where a table entry goes in the plan, as the structure's state machine decides it. */
export type Placement =
  | { readonly kind: "objective"; readonly entry: ObjectiveEntry }
  | { readonly kind: "indicator"; readonly objective: string; readonly entry: IndicatorEntry }
  /** An indicator whose objective row was lost with a missing page: left out. */
  | { readonly kind: "objectiveUnknown"; readonly entry: IndicatorEntry }
  | { readonly kind: "attributed"; readonly indicator: string; readonly entry: BudgetEntry }
  /** A budget row whose numbering shows its indicator is on a missing page: its line is kept, its contribution goes nowhere. */
  | { readonly kind: "unattributed"; readonly entry: BudgetEntry };

/** Where the next budget row goes: on from row `last` of an indicator, or to no indicator in the source. */
type Rows = { readonly to: "indicator"; readonly indicator: string; readonly last: number } | { readonly to: "nobody" };

/**
 * The one state of the structure pass, a fold over the table's lines in order.
 * - `outside`: no objective is known: before the first objective row, or after an objective row
 *   was lost with a missing page (until the next objective row).
 * - `objective`: under objective `objective`, whose last indicator code so far is `lastIndicator`
 *   (`""` before its first); `gap` once a missing page was seen since the objective row (an orphan
 *   fragment); `rows` says where the next budget row goes.
 */
export type StructureState =
  | { readonly kind: "outside" }
  | { readonly kind: "objective"; readonly objective: string; readonly lastIndicator: string; readonly gap: boolean; readonly rows: Rows };

/** A line the structure pass reads: an entry, or an orphan fragment (evidence of a missing page). */
export type StructureLine = Entry | { readonly kind: "orphan"; readonly line: number };

export const START: StructureState = { kind: "outside" };

const under = (objective: string, code: string, gap: boolean): StructureState => ({
  kind: "objective",
  objective,
  lastIndicator: code,
  gap,
  rows: { to: "indicator", indicator: indicatorId(objective, code), last: 0 },
});

/**
 * One line of the structure pass: the next state and where the line's entry goes. A budget row
 * belongs to the indicator above only when its number follows on (1. first, then 2., ...); after
 * a missing page, an indicator code that does not rise shows that an objective row was lost with
 * the page.
 */
export function placeLine(state: StructureState, line: StructureLine): { readonly state: StructureState; readonly placement?: Placement } {
  switch (line.kind) {
    case "orphan":
      return { state: state.kind === "objective" ? { ...state, gap: true } : state };
    case "objective": {
      const code = line.objective.code;
      const next: StructureState = line.indicator ? under(code, line.indicator.code, false) : { kind: "objective", objective: code, lastIndicator: "", gap: false, rows: { to: "nobody" } };
      return { state: next, placement: { kind: "objective", entry: line } };
    }
    case "indicator":
      if (state.kind === "outside" || (state.gap && line.indicator.code <= state.lastIndicator))
        return { state: { kind: "outside" }, placement: { kind: "objectiveUnknown", entry: line } };
      return { state: under(state.objective, line.indicator.code, state.gap), placement: { kind: "indicator", objective: state.objective, entry: line } };
    case "budget":
      if (state.kind === "objective" && state.rows.to === "indicator" && line.number === state.rows.last + 1)
        return { state: { ...state, rows: { ...state.rows, last: line.number } }, placement: { kind: "attributed", indicator: state.rows.indicator, entry: line } };
      return { state: state.kind === "objective" ? { ...state, rows: { to: "nobody" } } : state, placement: { kind: "unattributed", entry: line } };
  }
}

/** The entries and the orphans' lines merged in line order (both come in line order). */
export function structureLines(entries: readonly Entry[], orphans: readonly number[]): StructureLine[] {
  const lines: StructureLine[] = [];
  let orphanAt = 0;
  for (const entry of entries) {
    while (orphanAt < orphans.length && (orphans[orphanAt] as number) < entry.line) lines.push({ kind: "orphan", line: orphans[orphanAt++] as number });
    lines.push(entry);
  }
  return lines;
}

/** Folds the structure pass over the lines: where each entry goes, in line order. */
export function placeEntries(entries: readonly Entry[], orphans: readonly number[]): Placement[] {
  const placements: Placement[] = [];
  let state = START;
  for (const line of structureLines(entries, orphans)) {
    const step = placeLine(state, line);
    state = step.state;
    if (step.placement) placements.push(step.placement);
  }
  return placements;
}
