import { applyEvent } from "./applyEvent.js";
import { type DomainError, isDomainFailure } from "./errors.js";
import type { PlanEvent } from "./events/index.js";
import { deepFreeze, draftOf, finishDraft } from "./planDraft.js";
import { type PlanState, initialState } from "./state.js";

/** The state the events make, or the first event that cannot apply: its 0-based `index` among them and why. */
export type ReplayResult =
  | { readonly ok: true; readonly value: PlanState }
  | { readonly ok: false; readonly error: DomainError; readonly index: number };

/**
 * Folds events onto a state (the initial state by default) in one plan draft: the same result as
 * evolving one by one, without a frozen intermediate state per event, and `from` is never
 * written. The first event that cannot apply (EVENT_NOT_APPLICABLE, EVENT_UNKNOWN) stops it and
 * is named by its index. No events gives back `from` itself (frozen).
 */
export function replay(events: Iterable<PlanEvent>, from: PlanState = initialState()): ReplayResult {
  const draft = draftOf(from);
  let index = 0;
  try {
    for (const event of events) {
      applyEvent(draft, event);
      index += 1;
    }
  } catch (error) {
    if (isDomainFailure(error)) return { ok: false, error: error.error, index };
    throw error;
  }
  return { ok: true, value: index === 0 ? deepFreeze(from) : finishDraft(draft) };
}
