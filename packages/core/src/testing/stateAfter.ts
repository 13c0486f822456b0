import { DomainFailure } from "../errors.js";
import type { PlanEvent, PlanEventInput } from "../events/index.js";
import { replay } from "../replay.js";
import { type PlanState, initialState } from "../state.js";

/**
 * The state the events make, for tests and specifications where every event is known to apply:
 * `replay` unwrapped, throwing a DomainFailure (its message naming the event's index) otherwise.
 * Takes events as a test writes them, ids as plain strings: the brands are types only, and the
 * fold checks what it needs (an unknown indicator is refused here as anywhere).
 */
export function stateAfter(events: Iterable<PlanEventInput>, from: PlanState = initialState()): PlanState {
  const replayed = replay(events as Iterable<PlanEvent>, from);
  if (replayed.ok) return replayed.value;
  throw new DomainFailure({ ...replayed.error, message: `event ${replayed.index}: ${replayed.error.message}` });
}
