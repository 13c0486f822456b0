import { type DomainError, type PlanEvent, type PlanState, replay } from "@rapk/core";
import { HistoryError } from "./historyError.js";

export type FoldResult = { readonly ok: true; readonly state: PlanState } | { readonly ok: false; readonly index: number; readonly error: DomainError };

/** `events[start..end)`, walked in place (no copy of the slice). */
function* range<T>(events: readonly T[], start: number, end: number): Generator<T> {
  for (let i = start; i < end; i++) yield events[i] as T;
}

/**
 * The state after applying `events[start..end)` to `from`: core's replay of the range (one plan
 * draft, sharing what the range does not touch). An event that cannot be applied is reported with
 * its index in `events`.
 */
export function foldRange(events: readonly PlanEvent[], start: number, end: number, from: PlanState): FoldResult {
  if (start >= end) return { ok: true, state: from };
  // A history's events were validated where they were read (a log reader, a store): not again for every range.
  const replayed = replay(range(events, start, end), from, { checked: true });
  return replayed.ok ? { ok: true, state: replayed.value } : { ok: false, index: start + replayed.index, error: replayed.error };
}

/** {@link foldRange} for a whole log's events, throwing a HistoryError that names the line (index + 1). */
export function replayRange(events: readonly PlanEvent[], start: number, end: number, from: PlanState): PlanState {
  const folded = foldRange(events, start, end, from);
  if (folded.ok) return folded.state;
  const line = folded.index + 1;
  throw new HistoryError(folded.error.code, `line ${line}: ${folded.error.message}; run verify on the log`, line);
}
