import { COMMAND_OF, type PlanEventType, type PlanState, type RevisionKind, isPlanChange, kindAllows, kindsAllowing } from "@rapk/core";

export interface KindBreach {
  readonly code: string;
  readonly message: string;
}

/**
 * Whether an event may stand in a version of this kind, given the state before the version: the
 * rules appendRevision enforces (through core's decideBatch), checked again on a stored log so
 * that a version's kind can be trusted (a "pok" version never changed the ceiling).
 */
export function kindBreach(type: PlanEventType, kind: RevisionKind, before: PlanState): KindBreach | undefined {
  const command = COMMAND_OF[type];
  if (kind === "pok" && command === "reviseCeiling")
    return { code: "POK_CHANGES_CEILING", message: `${type} in a pok version: a Revisi POK must leave the total ceiling unchanged` };
  if (!kindAllows(kind, command))
    return { code: "REVISION_KIND_MISMATCH", message: `${type} is not part of a ${kind} version (it belongs in: ${kindsAllowing(command).join(", ")})` };
  if (kind === "draft" && before.signature && isPlanChange(command))
    return { code: "PLAN_SIGNED_REVISION_REQUIRED", message: `${type} in a draft version after the plan was signed: it needs a ${kindsAllowing(command).join(", ")} version` };
  return undefined;
}
