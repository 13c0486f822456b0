import * as z from "zod";
import { BudgetLineRegistered } from "./budgetLineRegistered.js";
import { BudgetRevised } from "./budgetRevised.js";
import { CeilingRevised } from "./ceilingRevised.js";
import { ContributionAllocated } from "./contributionAllocated.js";
import { IndicatorDefined } from "./indicatorDefined.js";
import { IndicatorRenamed } from "./indicatorRenamed.js";
import { ObjectiveDefined } from "./objectiveDefined.js";
import { ObjectiveRenamed } from "./objectiveRenamed.js";
import { PlanDrafted } from "./planDrafted.js";
import { PlanSigned } from "./planSigned.js";
import { RealisationReported } from "./realisationReported.js";
import { SpendingReported } from "./spendingReported.js";
import { IndicatorBudgetStated, PlanTotalStated } from "./statedFigures.js";
import { TargetSet } from "./targetSet.js";
import { TargetsSet } from "./targetsSet.js";
import { MemberAdded } from "./memberAdded.js";
import { MemberRoleChanged } from "./memberRoleChanged.js";
import { MemberRekeyed } from "./memberRekeyed.js";
import { MemberRemoved } from "./memberRemoved.js";
import { RolesRequired } from "./rolesRequired.js";
import { RevisionProposed } from "./revisionProposed.js";
import { ProposalApproved, ProposalReturned, ProposalWithdrawn } from "./proposalDecided.js";
import { VersionsRatified } from "./versionsRatified.js";

export * from "./budgetLineRegistered.js";
export * from "./budgetRevised.js";
export * from "./ceilingRevised.js";
export * from "./contributionAllocated.js";
export * from "./indicatorDefined.js";
export * from "./indicatorRenamed.js";
export * from "./objectiveDefined.js";
export * from "./objectiveRenamed.js";
export * from "./planDrafted.js";
export * from "./planSigned.js";
export * from "./realisationReported.js";
export * from "./spendingReported.js";
export * from "./statedFigures.js";
export * from "./targetSet.js";
export * from "./targetsSet.js";
export * from "./targetValue.js";
export * from "./memberAdded.js";
export * from "./memberRoleChanged.js";
export * from "./memberRekeyed.js";
export * from "./memberRemoved.js";
export * from "./rolesRequired.js";
export * from "./revisionProposed.js";
export * from "./proposalDecided.js";
export * from "./versionsRatified.js";

/** Every fact a plan's history can hold. The `type` picks the schema. */
export const PlanEvent = z.discriminatedUnion("type", [
  PlanDrafted,
  ObjectiveDefined,
  ObjectiveRenamed,
  IndicatorDefined,
  IndicatorRenamed,
  TargetSet,
  TargetsSet,
  BudgetLineRegistered,
  BudgetRevised,
  CeilingRevised,
  ContributionAllocated,
  PlanSigned,
  RealisationReported,
  SpendingReported,
  IndicatorBudgetStated,
  PlanTotalStated,
  MemberAdded,
  MemberRoleChanged,
  MemberRekeyed,
  MemberRemoved,
  RolesRequired,
  VersionsRatified,
  RevisionProposed,
  ProposalApproved,
  ProposalReturned,
  ProposalWithdrawn,
]);
export type PlanEvent = z.infer<typeof PlanEvent>;
/**
 * An event as a test or a fixture writes it, its ids plain strings: PlanEvent brands them
 * (IndicatorId, LineId), which only a schema's check or `indicatorId`/`lineId` can give.
 */
export type PlanEventInput = z.input<typeof PlanEvent>;
export type PlanEventType = PlanEvent["type"];

/** The event type names, for documentation and exhaustive tests. */
export const PLAN_EVENT_TYPES = PlanEvent.options.map((o) => o.shape.type.value) as PlanEventType[];
