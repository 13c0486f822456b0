import { DomainFailure } from "../errors.js";
import type { PlanEvent } from "../events/index.js";
import { replay } from "../replay.js";
import { type PlanState, initialState } from "../state.js";

/**
 * The state the events make, for tests and specifications where every event is known to apply:
 * `replay` unwrapped, throwing a DomainFailure (its message naming the event's index) otherwise.
 */
export function stateAfter(events: Iterable<PlanEvent>, from: PlanState = initialState()): PlanState {
  const replayed = replay(events, from);
  if (replayed.ok) return replayed.value;
  throw new DomainFailure({ ...replayed.error, message: `event ${replayed.index}: ${replayed.error.message}` });
}
