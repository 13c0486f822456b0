import { z } from "zod";
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
 */
export const RevisionKind = z.enum(["draft", "pok", "dipa", "rapk", "report"]);
export type RevisionKind = z.infer<typeof RevisionKind>;

type Category = "structure" | "targets" | "budget" | "ceiling" | "attribution" | "signature" | "report" | "start" | "stated";

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
};

const ALLOWED: Record<RevisionKind, readonly Category[]> = {
  draft: ["start", "structure", "targets", "budget", "ceiling", "attribution", "signature", "report", "stated"],
  pok: ["budget", "attribution"],
  dipa: ["budget", "ceiling", "attribution"],
  rapk: ["structure", "targets", "attribution", "signature", "stated"],
  report: ["report"],
};

/** Whether a command may be part of a batch of this kind. */
export function kindAllows(kind: RevisionKind, type: PlanCommandType): boolean {
  return ALLOWED[kind].includes(CATEGORY[type]);
}

/** Whether a command changes the plan itself (as opposed to reporting on it). */
export function isPlanChange(type: PlanCommandType): boolean {
  return CATEGORY[type] !== "report";
}

/** The kinds that may carry a command, for error messages. */
export function kindsAllowing(type: PlanCommandType): RevisionKind[] {
  return RevisionKind.options.filter((kind) => kind !== "draft" && kindAllows(kind, type));
}
