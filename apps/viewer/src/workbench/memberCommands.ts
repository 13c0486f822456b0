import { MemberId, PublicKey, Role, type PlanState } from "@rapk/core";

/** Why a member can not be added as typed; the page words it. */
export type MemberProblem = "entryNotJson" | "entryNotPublic" | "entryHasSecret" | "badMemberId" | "memberTaken" | "keyTaken" | "badRole";

export interface MemberDraft {
  /** The public entry `rapk keygen` printed: `{"name", "publicKey"}`, pasted or read from its file. */
  readonly entry: string;
  readonly member: string;
  readonly role: string;
}

export type BuiltMember =
  | { readonly ok: true; readonly command: { readonly type: "addMember"; readonly data: { member: string; name: string; role: Role; publicKey: string } } }
  | { readonly ok: false; readonly problems: readonly MemberProblem[] };

/**
 * The roster step's addMember, from a member's public entry, the id and the role the head gives
 * them, checked by core's own schemas and against the roster as it stands. A key file (its secret
 * half) is refused: the head is handed only the public entry.
 */
export function buildAddMember(draft: MemberDraft, state: PlanState): BuiltMember {
  const problems: MemberProblem[] = [];
  let name = "";
  let publicKey = "";
  try {
    const parsed = (JSON.parse(draft.entry) ?? {}) as { name?: unknown; publicKey?: unknown; secretKey?: unknown };
    if (parsed.secretKey !== undefined) problems.push("entryHasSecret");
    else if (typeof parsed.name !== "string" || parsed.name.trim() === "" || !PublicKey.safeParse(parsed.publicKey).success) problems.push("entryNotPublic");
    else {
      name = parsed.name.trim();
      publicKey = parsed.publicKey as string;
      if (Object.values(state.members).some((m) => m.publicKey === publicKey)) problems.push("keyTaken");
    }
  } catch {
    problems.push("entryNotJson");
  }
  const member = draft.member.trim();
  if (!MemberId.safeParse(member).success) problems.push("badMemberId");
  else if (state.members[member] !== undefined) problems.push("memberTaken");
  const role = Role.safeParse(draft.role);
  if (!role.success) problems.push("badRole");
  if (problems.length > 0 || !role.success) return { ok: false, problems };
  return { ok: true, command: { type: "addMember", data: { member, name, role: role.data, publicKey } } };
}
