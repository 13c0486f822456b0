import { applyEvent } from "./applyEvent.js";
import type { PlanEvent } from "./events/index.js";
import { draftOf, finishDraft } from "./planDraft.js";
import type { PlanState } from "./state.js";

/**
 * The next state after one event (the decider's evolve): the input is never written, the result
 * is frozen and shares every part the event did not touch. An event that cannot apply throws a
 * DomainFailure (EVENT_NOT_APPLICABLE, EVENT_UNKNOWN): decided events always apply. To fold many
 * events use `replay`, which folds them all into one draft and reports a failure as a result.
 */
export function evolve(state: PlanState, event: PlanEvent): PlanState {
  const draft = draftOf(state);
  applyEvent(draft, event);
  return finishDraft(draft);
}
