import { type PlanCommand, type PlanState, decideBatch } from "@rapk/core";
import { type FieldProblem, parseMeasure } from "./reportCommands.js";

/** A target revision as typed: one indicator, month (1..12) -> its new target, as text (blank: unchanged). */
export interface TargetDraft {
  readonly indicator: string;
  readonly months: Readonly<Record<number, string>>;
}

export interface BuiltTargets {
  readonly commands: readonly PlanCommand[];
  /** A month's field refused (not a number, negative), or core's refusal on the month it names when it names one. */
  readonly problems: readonly { readonly month?: number; readonly problem: FieldProblem }[];
}

/**
 * A target revision (kind `rapk`): a setTarget for each month whose target is typed anew, decided
 * as one batch by core's own decideBatch on the plan as the server gave it, so a cumulative
 * indicator that would go down (CUMULATIVE_DECREASES) is refused here, on its month.
 */
export function buildTargets(draft: TargetDraft, state: PlanState): BuiltTargets {
  const indicator = state.indicators[draft.indicator];
  if (!indicator) return { commands: [], problems: [] };
  const commands: PlanCommand[] = [];
  const months: number[] = [];
  const problems: { month?: number; problem: FieldProblem }[] = [];
  for (let month = 1; month <= 12; month++) {
    const typed = parseMeasure(draft.months[month] ?? "");
    if (typed === undefined) continue;
    if (typed === "notANumber" || typed < 0) {
      problems.push({ month, problem: typed === "notANumber" ? "notANumber" : "negative" });
      continue;
    }
    if (typed === indicator.targets[month - 1]) continue;
    commands.push({ type: "setTarget", data: { indicator: indicator.id, month, value: typed } } as PlanCommand);
    months.push(month);
  }
  if (problems.length === 0 && commands.length > 0) {
    const decided = decideBatch(commands, state, { kind: "rapk" });
    if (!decided.ok) {
      const { code, message, path } = decided.error;
      // A command's refusal names the command; the invariant's, the indicator's target by its index.
      const month = typeof path[0] === "number" ? months[path[0]] : path[2] === "targets" && typeof path[3] === "number" ? path[3] + 1 : undefined;
      problems.push({ ...(month !== undefined ? { month } : {}), problem: { code, message } });
    }
  }
  return { commands: problems.length === 0 ? commands : [], problems };
}
