import * as z from "zod";
import { strictCopy, unknownFields } from "./strict.js";
import { MULTI_LINE_FIELDS, controlRefusal, stringsIn } from "../text/controlCharacters.js";
import {
  BudgetLineRegistered,
  BudgetRevised,
  CeilingRevised,
  ContributionAllocated,
  IndicatorDefined,
  IndicatorRenamed,
  ObjectiveDefined,
  ObjectiveRenamed,
  PlanDrafted,
  PlanSigned,
  RealisationReported,
  SpendingReported,
  TargetSet,
  TargetsSet,
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
} from "../events/index.js";

// A command asks for what an event records; its data has the same shape, so the schema is shared
// and the two can never drift apart. A command is strict where the event is not: a field it does
// not know (`notes` for `note`) is refused, never dropped, since a dropped field is a change that
// nobody asked to lose. (An event line with one is refused by the log reader, as NOT_CANONICAL.)
// A command is also where text comes in, so it holds no control character (controlCharacters.ts):
// the event schema does not refuse one, since a log written before the gate must still be read.
const command = <T extends string, D extends z.ZodObject>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data: strictCopy(data).superRefine(refuseControls) }, unknownFields(["type", "data"]));

function refuseControls(data: unknown, ctx: z.RefinementCtx): void {
  for (const { path, text } of stringsIn(data)) {
    const why = controlRefusal(text, MULTI_LINE_FIELDS.has(String(path[path.length - 1])));
    if (why) ctx.addIssue({ code: "custom", path, message: why });
  }
}

export const DraftPlan = command("draftPlan", PlanDrafted.shape.data);
export const DefineObjective = command("defineObjective", ObjectiveDefined.shape.data);
export const RenameObjective = command("renameObjective", ObjectiveRenamed.shape.data);
export const DefineIndicator = command("defineIndicator", IndicatorDefined.shape.data);
export const RenameIndicator = command("renameIndicator", IndicatorRenamed.shape.data);
export const SetTarget = command("setTarget", TargetSet.shape.data);
export const SetTargets = command("setTargets", TargetsSet.shape.data);
export const RegisterBudgetLine = command("registerBudgetLine", BudgetLineRegistered.shape.data);
export const ReviseBudget = command("reviseBudget", BudgetRevised.shape.data);
export const ReviseCeiling = command("reviseCeiling", CeilingRevised.shape.data);
export const AllocateContribution = command("allocateContribution", ContributionAllocated.shape.data);
export const SignPlan = command("signPlan", PlanSigned.shape.data);
export const ReportRealisation = command("reportRealisation", RealisationReported.shape.data);
export const ReportSpending = command("reportSpending", SpendingReported.shape.data);
export const StateIndicatorBudget = command("stateIndicatorBudget", IndicatorBudgetStated.shape.data);
export const StatePlanTotal = command("statePlanTotal", PlanTotalStated.shape.data);
export const AddMember = command("addMember", MemberAdded.shape.data);
export const ChangeMemberRole = command("changeMemberRole", MemberRoleChanged.shape.data);
export const RekeyMember = command("rekeyMember", MemberRekeyed.shape.data);
export const RemoveMember = command("removeMember", MemberRemoved.shape.data);
export const RequireRoles = command("requireRoles", RolesRequired.shape.data);
// The steps of a proposal: who takes them (`by`), the proposal's number and kind come from the
// plan and from who signs (decide's options), not from the command.
export const Propose = command("propose", RevisionProposed.shape.data.pick({ commands: true }));
export const ApproveProposal = command("approveProposal", ProposalApproved.shape.data.pick({ proposal: true }));
export const ReturnProposal = command("returnProposal", ProposalReturned.shape.data.pick({ proposal: true, reason: true }));
export const RatifyVersions = command("ratifyVersions", VersionsRatified.shape.data);
export const WithdrawProposal = command("withdrawProposal", ProposalWithdrawn.shape.data.pick({ proposal: true }));

/** Everything a user can ask of a plan. */
export const PlanCommand = z.discriminatedUnion("type", [
  DraftPlan,
  DefineObjective,
  RenameObjective,
  DefineIndicator,
  RenameIndicator,
  SetTarget,
  SetTargets,
  RegisterBudgetLine,
  ReviseBudget,
  ReviseCeiling,
  AllocateContribution,
  SignPlan,
  ReportRealisation,
  ReportSpending,
  StateIndicatorBudget,
  StatePlanTotal,
  AddMember,
  ChangeMemberRole,
  RekeyMember,
  RemoveMember,
  RequireRoles,
  RatifyVersions,
  Propose,
  ApproveProposal,
  ReturnProposal,
  WithdrawProposal,
]);
/**
 * A command as a program writes it: its ids are plain strings (`"01.07"`). `decide` checks it
 * against the schema, which brands the ids of the events it records (see IndicatorId, LineId).
 */
export type PlanCommand = z.input<typeof PlanCommand>;
export type PlanCommandType = PlanCommand["type"];
export type CommandOf<T extends PlanCommandType> = Extract<PlanCommand, { type: T }>;
/** A command once its schema has checked it: what decide's handlers receive, ids branded. */
export type CheckedCommandOf<T extends PlanCommandType> = Extract<z.output<typeof PlanCommand>, { type: T }>;

export const PLAN_COMMAND_TYPES = PlanCommand.options.map((o) => o.shape.type.value) as PlanCommandType[];
