import { type CheckedCommandOf, type CommandOf, PlanCommand, type PlanCommandType } from "./commands/index.js";
import { indicatorId, lineId } from "./codes.js";
import { type DomainError, type Result, fail, ok, schemaError } from "./errors.js";
import { applyEvent } from "./applyEvent.js";
import { draftOf } from "./planDraft.js";
import type { PlanEvent } from "./events/index.js";
import { checkInvariants } from "./invariants.js";
import { type RevisionKind, kindBreach } from "./revisionKind.js";
import type { Indicator, PlanState } from "./state.js";

export interface DecideOptions {
  /** The kind of revision this batch is; see {@link RevisionKind}. Omitted: `draft` before signing, reports only after. */
  readonly kind?: RevisionKind;
}

type Handler<T extends PlanCommandType> = (command: CheckedCommandOf<T>, state: PlanState) => Result<PlanEvent[]>;

const emit = (...events: PlanEvent[]): Result<PlanEvent[]> => ok(events);
const unknownIndicator = (id: string) => fail<PlanEvent[]>("UNKNOWN_INDICATOR", `unknown indicator ${id}`, ["data", "indicator"]);
const unknownLine = (id: string) => fail<PlanEvent[]>("UNKNOWN_LINE", `unknown budget line ${id}`, ["data", "line"]);

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
};

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
    const decided = handler(command, next);
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
