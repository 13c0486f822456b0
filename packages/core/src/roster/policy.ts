import type { RevisionKind } from "../revisionKind.js";
import type { PlanState } from "../state.js";
import type { Role } from "./role.js";

/** Who may take part in a version of one kind: who may prepare (propose) it and whose approval puts it in force. */
export interface KindRule {
  /** The roles that may propose a version of this kind. */
  readonly prepare: readonly Role[];
  /** The roles that must each have signed (approved) a version of this kind for it to be in force. */
  readonly approve: readonly Role[];
  /** Whether the version must name the letter or decree behind it (`reference`). */
  readonly reference: boolean;
}

/** Who must sign what, kind by kind (docs/workflow.md). */
export type Policy = Readonly<Record<RevisionKind, KindRule>>;

const rule = (prepare: readonly Role[], approve: readonly Role[], reference = false): KindRule => Object.freeze({ prepare, approve, reference });

/**
 * The default policy, stated once, checked by `decide` (who may take a step) and by the log's
 * verifier (who signed each version, with the roster as it stood then):
 * - a monthly report is prepared by an officer, a verifier or the head, and approved by the head;
 * - a Revisi POK, a Revisi RAPK and a draft are prepared by an officer or the head, approved by the head;
 * - a Revisi DIPA likewise, and names the treasury's letter as its reference;
 * - the roster and the policy are changed by the head alone;
 * - an auditor signs nothing that changes the plan.
 * A unit may tighten it (RolesRequired): more roles must approve a kind; nothing is ever loosened.
 */
export const DEFAULT_POLICY: Policy = Object.freeze({
  draft: rule(["officer", "head"], ["head"]),
  report: rule(["officer", "verifier", "head"], ["head"]),
  pok: rule(["officer", "head"], ["head"]),
  rapk: rule(["officer", "head"], ["head"]),
  dipa: rule(["officer", "head"], ["head"], true),
  roster: rule(["head"], ["head"]),
});

/** The roles that may return a proposal of any kind: those who check (verifier) or approve it. */
export function mayReturn(policy: Policy, kind: RevisionKind, role: Role): boolean {
  return role === "verifier" || policy[kind].approve.includes(role);
}

/** The policy in force in a plan: the default, tightened by what the plan's roster versions required. */
export function policyOf(state: PlanState): Policy {
  const tightened = state.requirements;
  if (Object.keys(tightened).length === 0) return DEFAULT_POLICY;
  const out: Record<string, KindRule> = {};
  for (const [kind, base] of Object.entries(DEFAULT_POLICY) as [RevisionKind, KindRule][]) {
    const extra = tightened[kind] ?? [];
    out[kind] = rule(base.prepare, [...base.approve, ...extra.filter((role) => !base.approve.includes(role))], base.reference);
  }
  return Object.freeze(out) as Policy;
}

/** The roles of `rule.approve` that none of `signers` holds: empty when the version is approved as the policy asks. */
export function missingApprovals(rule: KindRule, signers: readonly Role[]): Role[] {
  return rule.approve.filter((role) => !signers.includes(role));
}
