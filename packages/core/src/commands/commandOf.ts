import type { PlanEvent, PlanEventType } from "../events/index.js";
import type { PlanCommand, PlanCommandType } from "./index.js";

/** The command that asks for what each event records: a command's data has its event's shape. */
export const COMMAND_OF: Readonly<Record<PlanEventType, PlanCommandType>> = Object.freeze({
  PlanDrafted: "draftPlan",
  ObjectiveDefined: "defineObjective",
  ObjectiveRenamed: "renameObjective",
  IndicatorDefined: "defineIndicator",
  IndicatorRenamed: "renameIndicator",
  TargetSet: "setTarget",
  TargetsSet: "setTargets",
  BudgetLineRegistered: "registerBudgetLine",
  BudgetRevised: "reviseBudget",
  CeilingRevised: "reviseCeiling",
  ContributionAllocated: "allocateContribution",
  PlanSigned: "signPlan",
  RealisationReported: "reportRealisation",
  SpendingReported: "reportSpending",
  IndicatorBudgetStated: "stateIndicatorBudget",
  PlanTotalStated: "statePlanTotal",
  MemberAdded: "addMember",
  MemberRoleChanged: "changeMemberRole",
  MemberRekeyed: "rekeyMember",
  MemberRemoved: "removeMember",
  RolesRequired: "requireRoles",
  RevisionProposed: "propose",
  ProposalApproved: "approveProposal",
  ProposalReturned: "returnProposal",
  ProposalWithdrawn: "withdrawProposal",
  VersionsRatified: "ratifyVersions",
});

/** The command that would record this event again (used to re-decide or re-check a history). */
export function commandOf(event: PlanEvent): PlanCommand {
  return { type: COMMAND_OF[event.type], data: event.data } as PlanCommand;
}
