import { applyEvent } from "./applyEvent.js";
import { type DomainError, isDomainFailure, schemaError } from "./errors.js";
import { PlanEvent } from "./events/index.js";
import { deepFreeze, draftOf, finishDraft } from "./planDraft.js";
import { type PlanState, initialState } from "./state.js";

/** The state the events make, or the first event that cannot apply: its 0-based `index` among them and why. */
export type ReplayResult =
  | { readonly ok: true; readonly value: PlanState }
  | { readonly ok: false; readonly error: DomainError; readonly index: number };

export interface ReplayOptions {
  /** The events were validated against their schema where they entered (a log read, a decision): do not check them again. */
  readonly checked?: boolean;
}

const typeOf = (event: unknown): string => {
  const type = (event as { type?: unknown } | null)?.type;
  return typeof type === "string" ? type.slice(0, 60) : "no type";
};

/**
 * Folds events onto a state (the initial state by default) in one plan draft: the same result as
 * evolving one by one, without a frozen intermediate state per event, and `from` is never
 * written. The first event that cannot apply (EVENT_NOT_APPLICABLE, EVENT_UNKNOWN) stops it and
 * is named by its index. No events gives back `from` itself (frozen).
 *
 * Each event is checked against its schema first, so an event of the wrong shape (a
 * BudgetLineRegistered without its pagu, a month of 13) is EVENT_INVALID at its index, never a
 * state with `undefined` in it. A reader that has validated every event already (history's log
 * reader, events just decided) passes `{ checked: true }` and skips the second check.
 */
export function replay(events: Iterable<PlanEvent>, from: PlanState = initialState(), options: ReplayOptions = {}): ReplayResult {
  const draft = draftOf(from);
  let index = 0;
  try {
    for (const event of events) {
      if (options.checked) applyEvent(draft, event);
      else {
        const parsed = PlanEvent.safeParse(event);
        if (!parsed.success) return { ok: false, error: schemaError("EVENT_INVALID", `event ${index} (${typeOf(event)})`, parsed.error), index };
        applyEvent(draft, parsed.data);
      }
      index += 1;
    }
  } catch (error) {
    if (isDomainFailure(error)) return { ok: false, error: error.error, index };
    throw error;
  }
  return { ok: true, value: index === 0 ? deepFreeze(from) : finishDraft(draft) };
}
