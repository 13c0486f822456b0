import { type Member, type PlanState, Role } from "@rapk/core";

/** A member's role and a member of a plan, as core's roster keeps them (docs/workflow.md). */
export type { Member, Role };

export const ROLES: readonly Role[] = Role.options;

/**
 * Who is a member of a plan, and with which role: the one place the server reads a roster, so
 * that sign-in and every rule see the same members. It reads `state.members` (member id ->
 * member), where core's roster keeps them; a plan without a roster has no members, and so no
 * one signs in to it.
 */
export type RosterLookup = (plan: string, state: PlanState) => readonly Member[];

export const rosterOf: RosterLookup = (_plan, state) => Object.values(state.members);

/** The member a public key is in a roster, if any. */
export function memberByKey(roster: readonly Member[], publicKey: string): Member | undefined {
  return roster.find((member) => member.publicKey === publicKey);
}
