import type { PlanState } from "@rapk/core";

/**
 * A member's role in a plan (issue "Who did what, provably"): `officer` (perencana / operator:
 * prepares reports and revisions), `head` (Kepala / KPA: approves), `verifier` (checks before
 * the head), `auditor` (reads). Stated here until core's roster carries it.
 */
export type Role = "officer" | "head" | "verifier" | "auditor";

export const ROLES: readonly Role[] = ["officer", "head", "verifier", "auditor"];

/** A member of a plan as the server knows one: from the plan's roster at its head. */
export interface Member {
  readonly member: string;
  readonly name: string;
  readonly role: Role;
  /** Ed25519 public key, 64 lowercase hex digits. */
  readonly publicKey: string;
}

/**
 * Who is a member of a plan, and with which role: the one place the server reads a roster, so
 * that sign-in and every rule see the same members. It reads `state.members` (member id ->
 * member), where core's roster keeps them; a plan without a roster has no members, and so no
 * one signs in to it.
 */
export type RosterLookup = (plan: string, state: PlanState) => readonly Member[];

export const rosterOf: RosterLookup = (_plan, state) => {
  const members = (state as PlanState & { readonly members?: Readonly<Record<string, Member>> }).members;
  return members === undefined ? [] : Object.values(members);
};

/** The member a public key is in a roster, if any. */
export function memberByKey(roster: readonly Member[], publicKey: string): Member | undefined {
  return roster.find((member) => member.publicKey === publicKey);
}
