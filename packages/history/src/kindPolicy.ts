import { COMMAND_OF, type KindBreach, type PlanEventType, type PlanState, type RevisionKind, kindBreach as commandBreach } from "@rapk/core";

/**
 * Whether an event may stand in a stored version of this kind, given the state before the
 * version: core's rules for the command the event comes from, checked again on a stored log so
 * that a version's kind can be trusted (a "pok" version never changed the ceiling).
 */
export function kindBreach(type: PlanEventType, kind: RevisionKind, before: PlanState): KindBreach | undefined {
  const breach = commandBreach(COMMAND_OF[type], kind, Boolean(before.signature));
  return breach && { ...breach, message: `${type} in a ${kind} version: ${breach.message}` };
}
