import { type ErrorCode, type Member, type PlanEvent, type PlanState, type Role, missingApprovals, mayReturn, policyOf } from "@rapk/core";
import type { CommitRecord, CommitSignature } from "./commit.js";
import type { TrustedKey } from "./trust.js";

/** Who signed a version, as the roster (or the trust file) of the time knows them; `member` absent for a key nobody held. */
export interface Signer {
  readonly publicKey: string;
  /** The key's fingerprint as rapk prints it: `ed25519:` and its first 16 hex digits. */
  readonly fingerprint: string;
  readonly member?: string;
  readonly name?: string;
  readonly role?: Role;
}

/** A problem with who signed a version (its line is the commit record's). */
export interface SignerProblem {
  readonly code: ErrorCode;
  readonly message: string;
  /** It lacks only an approval, which a later version may give by ratifying it (VersionsRatified). */
  readonly ratifiable?: boolean;
}

/** What the policy made of a version: its signers, whether it is in force as signed, and if not why. */
export interface SignerReading {
  readonly signers: readonly Signer[];
  /** Whether the policy applied at all: the log had a roster, or the trust file named roles. */
  readonly checked: boolean;
  readonly problems: readonly SignerProblem[];
}

/** Where a roster's authority comes from: the keys an auditor pins (trust file, `--root`), checked on the roster's first version. */
export interface RootAnchor {
  readonly keys: ReadonlySet<string>;
  /** How the anchor was given, for messages: "the trust file", "--root". */
  readonly named: string;
}

export const fingerprintOf = (publicKey: string): string => `ed25519:${publicKey.slice(0, 16)}`;

/** The roster a trust file makes for a log written before rosters: its keys that carry a role. */
export function trustRoster(keys: readonly TrustedKey[]): Readonly<Record<string, Member>> | undefined {
  const members: Record<string, Member> = {};
  for (const key of keys) if (key.role) members[key.publicKey] = { member: key.name, name: key.name, role: key.role, publicKey: key.publicKey };
  return Object.keys(members).length > 0 ? members : undefined;
}

/**
 * Reads who signed a committed version (its signatures already checked: `good` holds the ones
 * that hold) against the roster and the policy as they stood before it (docs/workflow.md):
 * - the roster's first version is signed by a head it adds, and by the pinned root when one is given;
 * - every signer held a key of the roster then (UNKNOWN_SIGNER); an auditor signs nothing (ROLE_NOT_ALLOWED);
 * - a step of a proposal is signed by the member it names (SIGNER_MISMATCH), who may take it;
 * - a version that puts changes in force (an approval, or a change made directly) is signed by
 *   every role the policy requires of its kind (POLICY_NOT_MET), with its reference where required.
 */
export function readSigners(commit: CommitRecord, good: readonly CommitSignature[], events: readonly PlanEvent[], before: PlanState, after: PlanState, trusted: Readonly<Record<string, Member>> | undefined, anchor: RootAnchor | undefined): SignerReading {
  const v = `version ${commit.commit}`;
  const founding = Object.keys(before.members).length === 0 && Object.keys(after.members).length > 0;
  const roster = founding ? after.members : Object.keys(before.members).length > 0 ? before.members : trusted;
  const byKey = new Map<string, Member>();
  for (const member of Object.values(roster ?? {})) byKey.set(member.publicKey, member);
  const signers: Signer[] = good.map((signature) => {
    const member = byKey.get(signature.publicKey);
    const signer: Signer = { publicKey: signature.publicKey, fingerprint: fingerprintOf(signature.publicKey) };
    return member ? { ...signer, member: member.member, name: member.name, role: member.role } : signer;
  });
  if (!roster) return { signers, checked: false, problems: [] };

  const problems: SignerProblem[] = [];
  const problem = (code: ErrorCode, message: string, ratifiable = false) => problems.push({ code, message, ...(ratifiable ? { ratifiable } : {}) });
  for (const signer of signers) {
    if (!signer.member) problem("UNKNOWN_SIGNER", `${v} is signed by key ${signer.fingerprint}, which no member of the roster held ${founding ? "in it" : "before it"}: a key removed or re-keyed, or one from outside the plan`);
    else if (signer.role === "auditor") problem("ROLE_NOT_ALLOWED", `${v} is signed by ${signer.member}, an auditor: an auditor signs nothing that changes the plan`);
  }
  const signedBy = (member: string) => signers.some((signer) => signer.member === member);
  const roles = signers.flatMap((signer) => (signer.role ? [signer.role] : []));
  if (founding) {
    if (!signers.some((signer) => signer.role === "head")) problem("POLICY_NOT_MET", `${v} starts the roster but is not signed by a head it adds: the roster's first version is signed by its head, the plan's root of trust`);
    if (anchor && !good.some((signature) => anchor.keys.has(signature.publicKey)))
      problem("ROOT_NOT_TRUSTED", `${v} starts the roster but is signed by ${good.map((s) => fingerprintOf(s.publicKey)).join(", ") || "no key"}, not by a root key of ${anchor.named}`);
    return { signers, checked: true, problems };
  }

  const policy = policyOf(before);
  const kind = commit.metadata.kind;
  const first = events[0];
  const step = first && (first.type === "RevisionProposed" || first.type === "ProposalReturned" || first.type === "ProposalWithdrawn" || first.type === "ProposalApproved") ? first : undefined;
  if (step) {
    const by = step.data.by;
    if (!signedBy(by)) problem("SIGNER_MISMATCH", `${v} records a step taken by ${by}, but ${by} did not sign it`);
    const member = roster[by] ?? [...byKey.values()].find((m) => m.member === by);
    const proposal = step.type === "RevisionProposed" ? step.data : before.proposals[String(step.data.proposal)];
    if (member && proposal) {
      if (step.type === "RevisionProposed" && !policy[proposal.kind].prepare.includes(member.role)) problem("ROLE_NOT_ALLOWED", `${v}: ${by} is ${member.role}, and a ${proposal.kind} is proposed by ${policy[proposal.kind].prepare.join(", ")}`);
      if (step.type === "ProposalReturned" && !mayReturn(policy, proposal.kind, member.role)) problem("ROLE_NOT_ALLOWED", `${v}: ${by} is ${member.role}, and may not return a ${proposal.kind} proposal`);
      if (step.type === "ProposalWithdrawn" && by !== proposal.by) problem("ROLE_NOT_ALLOWED", `${v}: proposal ${proposal.proposal} was made by ${proposal.by}; only they can withdraw it`);
    }
    if (step.type !== "ProposalApproved") return { signers, checked: true, problems };
  }
  const rule = policy[kind];
  const missing = missingApprovals(rule, roles);
  if (missing.length > 0)
    problem("POLICY_NOT_MET", `${v} (${kind}) is in force only when approved by ${rule.approve.join(" and ")}, but is signed by ${signers.map(describe).join(", ") || "nobody"}: it lacks ${missing.join(" and ")}`, true);
  if (rule.reference && commit.metadata.reference === undefined) problem("REFERENCE_REQUIRED", `${v} (${kind}) names no reference: a ${kind} cites the letter behind it`);
  return { signers, checked: true, problems };
}

function describe(signer: Signer): string {
  return signer.member ? `${signer.member} (${signer.role})` : signer.fingerprint;
}
