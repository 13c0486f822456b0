import type { PlanCommand, PlanCommandType, PlanEvent, PlanEventType } from "@rapk/core";

const COMMAND_OF: Record<PlanEventType, PlanCommandType> = {
  PlanDrafted: "draftPlan",
  CeilingRevised: "reviseCeiling",
  ObjectiveDefined: "defineObjective",
  ObjectiveRenamed: "renameObjective",
  IndicatorDefined: "defineIndicator",
  IndicatorRenamed: "renameIndicator",
  TargetSet: "setTarget",
  TargetsSet: "setTargets",
  BudgetLineRegistered: "registerBudgetLine",
  BudgetRevised: "reviseBudget",
  ContributionAllocated: "allocateContribution",
  PlanSigned: "signPlan",
  RealisationReported: "reportRealisation",
  SpendingReported: "reportSpending",
};

/**
 * The command that asks for an event. A command's data has its event's shape, so a generated
 * event can be put back through `decideBatch` to prove that the history could really happen.
 */
export function commandOf(event: PlanEvent): PlanCommand {
  return { type: COMMAND_OF[event.type], data: event.data } as PlanCommand;
}
