import { type DomainError, DomainFailure, type PlanEvent, type PlanState, applyEvent, createPlanDraft, finishPlanDraft } from "@rapk/core";
import { HistoryError } from "./historyError.js";

export type FoldResult = { readonly ok: true; readonly state: PlanState } | { readonly ok: false; readonly index: number; readonly error: DomainError };

/**
 * The state after applying `events[start..end)` to `from`, in one core plan draft (copy on
 * write, sharing what the range does not touch, frozen once), without copying the slice. An event
 * that cannot be applied (core throws EVENT_NOT_APPLICABLE) is reported with its index.
 */
export function foldRange(events: readonly PlanEvent[], start: number, end: number, from: PlanState): FoldResult {
  if (start >= end) return { ok: true, state: from };
  const draft = createPlanDraft(from);
  let index = start;
  try {
    for (; index < end; index++) applyEvent(draft, events[index] as PlanEvent);
  } catch (error) {
    if (error instanceof DomainFailure) return { ok: false, index, error: error.error };
    throw error;
  }
  return { ok: true, state: finishPlanDraft(draft) };
}

/** {@link foldRange} for a whole log's events, throwing a HistoryError that names the line (index + 1). */
export function replayRange(events: readonly PlanEvent[], start: number, end: number, from: PlanState): PlanState {
  const folded = foldRange(events, start, end, from);
  if (folded.ok) return folded.state;
  const line = folded.index + 1;
  throw new HistoryError(folded.error.code, `line ${line}: ${folded.error.message}; run verify on the log`, line);
}
