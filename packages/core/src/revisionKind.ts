import * as z from "zod";
import type { PlanCommandType } from "./commands/index.js";

/**
 * What kind of change a batch is (docs/domain.md, Revisions):
 * - `draft`: building the plan before it is signed; anything goes.
 * - `pok` (Revisi POK, approved by the head of the unit): moves money between or within outputs;
 *   the total ceiling must not change.
 * - `dipa` (Revisi DIPA, approved by the treasury): may change the total ceiling too.
 * - `rapk` (a revised action plan, signed again): objectives, indicators, targets, attribution,
 *   and the figures the document states (ANGGARAN per indicator, Total).
 * - `report`: monthly realisation and spending; not a revision of the plan.
 * - `roster`: who keeps the plan (members, their roles and keys) and the policy of who must sign
 *   what (docs/workflow.md); signed by the head.
 *
 * A proposal, its approval, return or withdrawal is a version of the kind of what it proposes.
 */
export const RevisionKind = z.enum(["draft", "pok", "dipa", "rapk", "report", "roster"]);
export type RevisionKind = z.infer<typeof RevisionKind>;

type Category = "structure" | "targets" | "budget" | "ceiling" | "attribution" | "signature" | "report" | "start" | "stated" | "roster" | "workflow";

const CATEGORY: Record<PlanCommandType, Category> = {
  draftPlan: "start",
  defineObjective: "structure",
  renameObjective: "structure",
  defineIndicator: "structure",
  renameIndicator: "structure",
  setTarget: "targets",
  setTargets: "targets",
  registerBudgetLine: "budget",
  reviseBudget: "budget",
  reviseCeiling: "ceiling",
  allocateContribution: "attribution",
  signPlan: "signature",
  reportRealisation: "report",
  reportSpending: "report",
  // What the document states (its ANGGARAN per indicator, its Total) changes when it is signed again.
  stateIndicatorBudget: "stated",
  statePlanTotal: "stated",
  addMember: "roster",
  changeMemberRole: "roster",
  rekeyMember: "roster",
  removeMember: "roster",
  requireRoles: "roster",
  // Approving versions afterwards is the head's, as changing the roster is.
  ratifyVersions: "roster",
  // A step of a proposal stands in a version of the proposal's own kind.
  propose: "workflow",
  approveProposal: "workflow",
  returnProposal: "workflow",
  withdrawProposal: "workflow",
};

const ALLOWED: Record<RevisionKind, readonly Category[]> = {
  draft: ["start", "structure", "targets", "budget", "ceiling", "attribution", "signature", "report", "stated", "roster", "workflow"],
  pok: ["budget", "attribution", "workflow"],
  dipa: ["budget", "ceiling", "attribution", "workflow"],
  rapk: ["structure", "targets", "attribution", "signature", "stated", "workflow"],
  report: ["report", "workflow"],
  roster: ["roster", "workflow"],
};

/** Whether a command may be part of a batch of this kind. */
export function kindAllows(kind: RevisionKind, type: PlanCommandType): boolean {
  return ALLOWED[kind].includes(CATEGORY[type]);
}

/** Whether a command changes the plan itself (as opposed to reporting on it, or a step of a proposal, which takes the proposal's kind). */
export function isPlanChange(type: PlanCommandType): boolean {
  return CATEGORY[type] !== "report" && CATEGORY[type] !== "workflow";
}

/** Whether a command is a step of a proposal (propose, approve, return, withdraw). */
export function isWorkflowStep(type: PlanCommandType): boolean {
  return CATEGORY[type] === "workflow";
}

/** The kinds that may carry a command, for error messages. */
export function kindsAllowing(type: PlanCommandType): RevisionKind[] {
  return RevisionKind.options.filter((kind) => kind !== "draft" && kindAllows(kind, type));
}

/** Why a command may not stand in a revision of some kind; see {@link kindBreach}. */
export interface KindBreach {
  readonly code: "PLAN_SIGNED_REVISION_REQUIRED" | "POK_CHANGES_CEILING" | "REVISION_KIND_MISMATCH";
  readonly message: string;
  /** The field at fault in the command. */
  readonly path: readonly string[];
}

/**
 * The one statement of the revision-kind rules, used by `decide` before a batch and by the log's
 * verifier on every stored version: once a plan is signed, a change to it needs a revision (a
 * `draft`, or no kind at all, is no licence); a revision carries only what its kind allows. The
 * ceiling changes only through `reviseCeiling` (and `draftPlan`, which no revision allows), so
 * refusing that command in a `pok` is all it takes to keep a Revisi POK's ceiling unchanged.
 */
export function kindBreach(type: PlanCommandType, kind: RevisionKind | undefined, signed: boolean): KindBreach | undefined {
  if (signed && (kind === undefined || kind === "draft") && isPlanChange(type))
    return { code: "PLAN_SIGNED_REVISION_REQUIRED", message: `the plan is signed: ${type} is accepted only in a revision (${kindsAllowing(type).join(", ")})`, path: ["type"] };
  if (kind === undefined || kindAllows(kind, type)) return undefined;
  if (kind === "pok" && type === "reviseCeiling")
    return { code: "POK_CHANGES_CEILING", message: "a Revisi POK must leave the total ceiling unchanged (that takes a Revisi DIPA)", path: ["data", "ceiling"] };
  return { code: "REVISION_KIND_MISMATCH", message: `${type} is not part of a ${kind} revision (it belongs in: ${kindsAllowing(type).join(", ")})`, path: ["type"] };
}
