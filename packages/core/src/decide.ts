import { type CheckedCommandOf, type CommandOf, PlanCommand, type PlanCommandType } from "./commands/index.js";
import { indicatorId, lineId } from "./codes.js";
import { type DomainError, type Result, fail, ok, schemaError } from "./errors.js";
import { applyEvent } from "./applyEvent.js";
import { draftOf } from "./planDraft.js";
import type { PlanEvent } from "./events/index.js";
import { checkInvariants } from "./invariants.js";
import { type RevisionKind, isWorkflowStep, kindBreach } from "./revisionKind.js";
import { type Policy, mayReturn, policyOf } from "./roster/policy.js";
import type { Indicator, Member, PlanState, Proposal } from "./state.js";
import { evolve } from "./evolve.js";

export interface DecideOptions {
  /** The kind of revision this batch is; see {@link RevisionKind}. Omitted: `draft` before signing, reports only after. */
  readonly kind?: RevisionKind;
  /**
   * The member (id in the roster) who takes this batch and will sign it. Given, the policy is
   * checked before anything is decided (roster/policy.ts): an officer proposes but does not
   * approve, an auditor takes no step at all. A step of a proposal needs it.
   */
  readonly by?: string;
}

/** What a handler knows besides the command and the plan: the batch's kind and who takes it. */
interface Context {
  readonly kind: RevisionKind | undefined;
  readonly by: Member | undefined;
  /** The plan before the batch (frozen): a step of a proposal stands alone in its batch, so its handler decides against this. */
  readonly before: PlanState;
}

type Handler<T extends PlanCommandType> = (command: CheckedCommandOf<T>, state: PlanState, context: Context) => Result<PlanEvent[]>;

const emit = (...events: PlanEvent[]): Result<PlanEvent[]> => ok(events);
const unknownIndicator = (id: string) => fail<PlanEvent[]>("UNKNOWN_INDICATOR", `unknown indicator ${id}`, ["data", "indicator"]);
const unknownLine = (id: string) => fail<PlanEvent[]>("UNKNOWN_LINE", `unknown budget line ${id}`, ["data", "line"]);
const unknownMember = (id: string) => fail<PlanEvent[]>("UNKNOWN_MEMBER", `there is no member ${id} in the roster`, ["data", "member"]);
const keyHolder = (s: PlanState, publicKey: string) => Object.values(s.members).find((member) => member.publicKey === publicKey);
const notAllowed = (message: string) => fail<PlanEvent[]>("ROLE_NOT_ALLOWED", message, ["type"]);

/** The pending proposal a step acts on, with the step's member checked against the policy of its kind. */
function pendingProposal(s: PlanState, number: number, context: Context, may: (policy: Policy, proposal: Proposal, by: Member) => string | undefined): Result<Proposal> {
  const proposal = s.proposals[String(number)];
  if (!proposal) return fail("UNKNOWN_PROPOSAL", `there is no proposal ${number}`, ["data", "proposal"]);
  if (proposal.status !== "pending") return fail("PROPOSAL_NOT_PENDING", `proposal ${number} is already ${proposal.status}${proposal.decidedBy ? ` (by ${proposal.decidedBy})` : ""}`, ["data", "proposal"]);
  if (context.kind !== undefined && context.kind !== proposal.kind)
    return fail("REVISION_KIND_MISMATCH", `proposal ${number} is a ${proposal.kind} proposal, not ${context.kind}`, ["data", "proposal"]);
  if (!context.by) return fail("MEMBER_REQUIRED", "a step of a proposal is taken by a member of the roster: say who (by)", ["type"]);
  const refused = may(policyOf(s), proposal, context.by);
  return refused ? fail("ROLE_NOT_ALLOWED", refused, ["type"]) : ok(proposal);
}

// Each handler checks what only it can know (does the thing it names exist?); the invariants of
// the resulting state are checked once for all of them, after the batch.
const handlers: { [T in PlanCommandType]: Handler<T> } = {
  draftPlan: (c, s) => (s.plan ? fail("PLAN_ALREADY_DRAFTED", "the plan is already drafted", []) : emit({ type: "PlanDrafted", data: c.data })),
  reviseCeiling: (c, s) =>
    s.plan?.ceiling === c.data.ceiling
      ? fail("NO_CHANGE", `the ceiling is already ${c.data.ceiling}`, ["data", "ceiling"])
      : emit({ type: "CeilingRevised", data: c.data }),
  defineObjective: (c, s) =>
    s.objectives[c.data.code]
      ? fail("OBJECTIVE_EXISTS", `objective ${c.data.code} is already defined`, ["data", "code"])
      : emit({ type: "ObjectiveDefined", data: c.data }),
  renameObjective: (c, s) =>
    s.objectives[c.data.code]
      ? emit({ type: "ObjectiveRenamed", data: c.data })
      : fail("UNKNOWN_OBJECTIVE", `unknown objective ${c.data.code}`, ["data", "code"]),
  defineIndicator: (c, s) => {
    const id = indicatorId(c.data.objective, c.data.code);
    if (!s.objectives[c.data.objective]) return fail("UNKNOWN_OBJECTIVE", `unknown objective ${c.data.objective}`, ["data", "objective"]);
    if (s.indicators[id]) return fail("INDICATOR_EXISTS", `indicator ${id} is already defined`, ["data", "code"]);
    return emit({ type: "IndicatorDefined", data: c.data });
  },
  renameIndicator: (c, s) =>
    s.indicators[c.data.indicator] ? emit({ type: "IndicatorRenamed", data: c.data }) : unknownIndicator(c.data.indicator),
  setTarget: (c, s) => (s.indicators[c.data.indicator] ? emit({ type: "TargetSet", data: c.data }) : unknownIndicator(c.data.indicator)),
  setTargets: (c, s) => (s.indicators[c.data.indicator] ? emit({ type: "TargetsSet", data: c.data }) : unknownIndicator(c.data.indicator)),
  registerBudgetLine: (c, s) => {
    const id = lineId(c.data.output.code, c.data.component.code, c.data.subComponent.code);
    return s.lines[id]
      ? fail("LINE_EXISTS", `budget line ${id} is already registered`, ["data", "subComponent", "code"])
      : emit({ type: "BudgetLineRegistered", data: c.data });
  },
  reviseBudget: (c, s) => {
    const line = s.lines[c.data.line];
    if (!line) return unknownLine(c.data.line);
    if (line.pagu === c.data.pagu) return fail("NO_CHANGE", `budget line ${c.data.line} already has pagu ${c.data.pagu}`, ["data", "pagu"]);
    return emit({ type: "BudgetRevised", data: c.data });
  },
  allocateContribution: (c, s) => {
    if (!s.indicators[c.data.indicator]) return unknownIndicator(c.data.indicator);
    if (!s.lines[c.data.line]) return unknownLine(c.data.line);
    return emit({ type: "ContributionAllocated", data: c.data });
  },
  signPlan: (c) => emit({ type: "PlanSigned", data: c.data }),
  reportRealisation: (c, s) => {
    const { indicator, numerator, denominator, value } = c.data;
    const measured = s.indicators[indicator];
    if (!measured) return unknownIndicator(indicator);
    if (!withinPercent(measured, value))
      return fail("PERCENT_OUT_OF_RANGE", `value ${value} is over 100 %: indicator ${indicator} is a percentage and none of its targets goes above 100`, ["data", "value"]);
    if ((numerator === undefined) !== (denominator === undefined))
      return fail("RATIO_INCOMPLETE", "numerator and denominator go together", ["data", numerator === undefined ? "numerator" : "denominator"]);
    if (numerator !== undefined && denominator !== undefined) {
      const expected = (numerator / denominator) * 100;
      // Published reports round to two decimals: 23/36 is reported as 63.89.
      if (Math.abs(expected - value) > 0.005 + 1e-9)
        return fail("RATIO_MISMATCH", `value ${value} is not ${numerator}/${denominator} = ${expected.toFixed(2)} %`, ["data", "value"]);
    }
    return emit({ type: "RealisationReported", data: c.data });
  },
  stateIndicatorBudget: (c, s) => (s.indicators[c.data.indicator] ? emit({ type: "IndicatorBudgetStated", data: c.data }) : unknownIndicator(c.data.indicator)),
  statePlanTotal: (c) => emit({ type: "PlanTotalStated", data: c.data }),
  reportSpending: (c, s) => (s.lines[c.data.line] ? emit({ type: "SpendingReported", data: c.data }) : unknownLine(c.data.line)),
  addMember: (c, s) => {
    if (s.members[c.data.member]) return fail("MEMBER_EXISTS", `member ${c.data.member} is already in the roster`, ["data", "member"]);
    const holder = keyHolder(s, c.data.publicKey);
    if (holder) return fail("KEY_IN_USE", `member ${holder.member} already signs with this key`, ["data", "publicKey"]);
    return emit({ type: "MemberAdded", data: c.data });
  },
  changeMemberRole: (c, s) => {
    const member = s.members[c.data.member];
    if (!member) return unknownMember(c.data.member);
    if (member.role === c.data.role) return fail("NO_CHANGE", `member ${c.data.member} is already ${c.data.role}`, ["data", "role"]);
    return emit({ type: "MemberRoleChanged", data: c.data });
  },
  rekeyMember: (c, s) => {
    if (!s.members[c.data.member]) return unknownMember(c.data.member);
    const holder = keyHolder(s, c.data.publicKey);
    if (holder) return holder.member === c.data.member ? fail("NO_CHANGE", `member ${c.data.member} already signs with this key`, ["data", "publicKey"]) : fail("KEY_IN_USE", `member ${holder.member} already signs with this key`, ["data", "publicKey"]);
    return emit({ type: "MemberRekeyed", data: c.data });
  },
  removeMember: (c, s) => (s.members[c.data.member] ? emit({ type: "MemberRemoved", data: c.data }) : unknownMember(c.data.member)),
  requireRoles: (c, s) => {
    if (c.data.roles.includes("auditor")) return fail("ROLE_NOT_ALLOWED", "an auditor signs nothing that changes the plan, so no kind can require one", ["data", "roles"]);
    const required = policyOf(s)[c.data.kind].approve;
    if (c.data.roles.every((role) => required.includes(role))) return fail("NO_CHANGE", `a ${c.data.kind} version already needs ${required.join(" and ")}`, ["data", "roles"]);
    return emit({ type: "RolesRequired", data: c.data });
  },
  ratifyVersions: (c) => emit({ type: "VersionsRatified", data: c.data }),
  propose: (c, s, context) => {
    const kind = context.kind;
    if (kind === undefined) return fail("REVISION_KIND_MISMATCH", "a proposal names the kind of revision it is (meta.kind)", ["type"]);
    if (!context.by) return fail("MEMBER_REQUIRED", "a proposal is made by a member of the roster: say who (by)", ["type"]);
    const { role, member } = context.by;
    if (!policyOf(s)[kind].prepare.includes(role)) return notAllowed(`member ${member} is ${role}: a ${kind} is proposed by ${policyOf(s)[kind].prepare.join(", ")}`);
    // Checked against the plan now (and again when approved: another approval may come first).
    const checked = decideBatch(c.data.commands as unknown as PlanCommand[], context.before, { kind });
    if (!checked.ok) return checked;
    const proposal = Object.keys(s.proposals).length + 1;
    return emit({ type: "RevisionProposed", data: { proposal, kind, by: member, commands: c.data.commands } });
  },
  approveProposal: (c, s, context) => {
    const pending = pendingProposal(s, c.data.proposal, context, (policy, proposal, by) =>
      policy[proposal.kind].approve.includes(by.role) ? undefined : `member ${by.member} is ${by.role}: a ${proposal.kind} proposal is approved by ${policy[proposal.kind].approve.join(" and ")}`,
    );
    if (!pending.ok) return pending;
    const approved: PlanEvent = { type: "ProposalApproved", data: { proposal: c.data.proposal, by: (context.by as Member).member } };
    // Decided again against the plan as it stands now: what takes effect is what the plan allows today.
    const decided = decideBatch(pending.value.commands as unknown as PlanCommand[], evolve(context.before, approved), { kind: pending.value.kind });
    return decided.ok ? emit(approved, ...decided.value) : decided;
  },
  returnProposal: (c, s, context) => {
    const pending = pendingProposal(s, c.data.proposal, context, (policy, proposal, by) =>
      mayReturn(policy, proposal.kind, by.role) ? undefined : `member ${by.member} is ${by.role}: a proposal is returned by a verifier or by who approves it`,
    );
    return pending.ok ? emit({ type: "ProposalReturned", data: { ...c.data, by: (context.by as Member).member } }) : pending;
  },
  withdrawProposal: (c, s, context) => {
    const pending = pendingProposal(s, c.data.proposal, context, (_, proposal, by) =>
      by.member === proposal.by ? undefined : `proposal ${proposal.proposal} was made by ${proposal.by}: only they can withdraw it`,
    );
    return pending.ok ? emit({ type: "ProposalWithdrawn", data: { ...c.data, by: (context.by as Member).member } }) : pending;
  },
};

/**
 * Who takes a batch, checked before it is decided: a member of the roster, whose role may take
 * it. A batch of plan changes (not a step of a proposal) is in force at once, so it needs a role
 * that approves its kind; a step of a proposal is checked by its own handler.
 */
function memberBreach(commands: readonly PlanCommand[], state: PlanState, kind: RevisionKind | undefined, by: string | undefined): Result<Member | undefined> {
  if (by === undefined) return ok(undefined);
  const member = state.members[by];
  // The roster's first version is taken by the head it adds.
  const founding = Object.keys(state.members).length === 0;
  if (!member && founding) return ok(undefined);
  if (!member) return fail("UNKNOWN_MEMBER", `there is no member ${by} in the roster`, ["by"]);
  if (member.role === "auditor") return fail("ROLE_NOT_ALLOWED", `member ${by} is an auditor: an auditor reads, and signs nothing that changes the plan`, ["by"]);
  const steps = commands.filter((command) => isWorkflowStep(command.type)).length;
  if (steps > 0 && commands.length > 1) return fail("COMMAND_INVALID", "a step of a proposal (propose, approve, return, withdraw) is a version of its own", [0]);
  if (steps > 0) return ok(member);
  const rule = policyOf(state)[kind ?? "draft"];
  if (!rule.approve.includes(member.role)) return fail("ROLE_NOT_ALLOWED", `member ${by} is ${member.role}: a ${kind ?? "draft"} takes effect when approved by ${rule.approve.join(" and ")}; propose it instead`, ["by"]);
  return ok(member);
}

/**
 * A percentage (Persentase) is reported in 0..100, unless the indicator itself says otherwise: a
 * target above 100 (a growth, say) shows that its percentage may pass 100. Other units (level,
 * index, score) have no upper bound here.
 */
function withinPercent(indicator: Indicator, value: number): boolean {
  return indicator.unit !== "percent" || value <= 100 || indicator.targets.some((target) => target !== null && target > 100);
}

/** The refusal of command `index` of a batch: the same shape for a batch of one as of many. */
function at(index: number, error: DomainError, type?: string): DomainError {
  return {
    ...error,
    message: `command ${index + 1}${type ? ` (${type})` : ""}: ${error.message}`,
    path: [index, ...error.path],
    command: { index, ...(type ? { type } : {}), message: error.message },
  };
}

/**
 * Decides a batch of commands all-or-nothing: either every command is accepted and the events
 * of all of them are returned, or nothing is and the first error says why. Invariants are
 * checked on the state after the whole batch, so a batch may lower a pagu and reallocate at once.
 *
 * Typed as `PlanCommand[]` so that a program's typo fails to compile (build them with
 * {@link planCommand}); each command is still validated against its schema here, because commands
 * also come from files and other programs: a wrong one is COMMAND_INVALID, never an exception.
 */
export function decideBatch(commands: readonly PlanCommand[], state: PlanState, options: DecideOptions = {}): Result<PlanEvent[]> {
  const kind: RevisionKind | undefined = options.kind ?? (state.signature ? undefined : "draft");
  const by = memberBreach(commands, state, kind, options.by);
  if (!by.ok) return by;
  const context: Context = { kind: options.kind ?? kind, by: by.value, before: state };
  const events: PlanEvent[] = [];
  // The whole batch folds into one copy-on-write draft: each command sees the ones before it,
  // the cost stays linear in the batch, and a refusal simply drops the draft (the input state is
  // never written).
  const draft = draftOf(state);
  const next = draft.state;
  for (let i = 0; i < commands.length; i++) {
    const parsed = PlanCommand.safeParse(commands[i]);
    if (!parsed.success) return { ok: false, error: at(i, schemaError("COMMAND_INVALID", "invalid command", parsed.error)) };
    const command = parsed.data;
    const breach = kindBreach(command.type, kind, Boolean(state.signature));
    if (breach) return { ok: false, error: at(i, { code: breach.code, message: breach.message, path: [...breach.path] }, command.type) };
    if (command.type !== "draftPlan" && !next.plan) return { ok: false, error: at(i, { code: "PLAN_NOT_DRAFTED", message: "no plan has been drafted yet", path: ["type"] }, command.type) };
    const handler = handlers[command.type] as Handler<typeof command.type>;
    const decided = handler(command, next, context);
    if (!decided.ok) return { ok: false, error: at(i, decided.error, command.type) };
    for (const event of decided.value) applyEvent(draft, event);
    events.push(...decided.value);
  }
  const violation = checkInvariants(next)[0];
  if (violation) return { ok: false, error: { code: violation.code, message: violation.message, path: violation.path } };
  return ok(events);
}

/**
 * Decides one command against a state: the events it causes, or why it is refused, the path
 * and message about the command itself (no batch, so no command number).
 */
export function decide(command: PlanCommand, state: PlanState, options: DecideOptions = {}): Result<PlanEvent[]> {
  const decided = decideBatch([command], state, options);
  if (decided.ok || !decided.error.command) return decided;
  const { command: refused, ...error } = decided.error;
  return { ok: false, error: { ...error, message: refused.message, path: error.path.slice(1) } };
}

/**
 * A typed command: `planCommand("setTarget", { indicator: "01.07", month: 3, value: 25 })`. The
 * type name picks the shape of `data`, so a misspelt field fails to compile.
 */
export function planCommand<T extends PlanCommandType>(type: T, data: CommandOf<T>["data"]): CommandOf<T> {
  return { type, data } as CommandOf<T>;
}
