import { type DomainError, type ErrorCode, decideBatch, indicatorId, initialState, lineId, replay } from "@rapk/core";
import { failAt } from "../failure.js";
import { MAX_COMMANDS } from "../input/limits.js";
import type { ImportSuccess } from "../types.js";
import type { SourcedCommand } from "./sourced.js";

export interface FinishOptions {
  /** The line that states the plan's total ceiling, blamed when the budget lines exceed it. */
  readonly ceilingLine?: number;
}

// An invariant names what it is about by its path in the state (["lines", id, "pagu"]); the
// source line is where that thing was read.
function sourceLine(error: DomainError, sourced: readonly SourcedCommand[], options: FinishOptions): number | undefined {
  const [head, key] = error.path;
  if (typeof head === "number") return sourced[head]?.line;
  if (head === "plan") return options.ceilingLine ?? sourced[0]?.line;
  const find = (match: (s: SourcedCommand) => boolean) => sourced.find(match)?.line;
  if (head === "lines")
    return find(({ command: c }) => c.type === "registerBudgetLine" && lineId(c.data.output.code, c.data.component.code, c.data.subComponent.code) === key);
  if (head === "indicators" || head === "contributions" || head === "realisations")
    return find(({ command: c }) => c.type === "defineIndicator" && indicatorId(c.data.objective, c.data.code) === key);
  return undefined;
}

/**
 * Decides the commands read from a source as one `draft` batch. Refusal by core is an import
 * error naming the source line: the source itself breaks a rule of the plan.
 */
export function finish(sourced: readonly SourcedCommand[], options: FinishOptions = {}): ImportSuccess {
  if (sourced.length > MAX_COMMANDS)
    failAt("PLAN_TOO_LARGE", undefined, `the source makes ${sourced.length} commands; the importer takes up to ${MAX_COMMANDS} (a published RAPK makes about 150)`);
  const commands = sourced.map((s) => s.command);
  const decided = decideBatch(commands, initialState(), { kind: "draft" });
  if (!decided.ok) {
    const line = sourceLine(decided.error, sourced, options);
    // Core numbers the commands of the batch; the line number says more to whoever wrote the source.
    const message = decided.error.command?.message ?? decided.error.message;
    failAt(decided.error.code as ErrorCode, line, `the plan read from the source is refused: ${message}`);
  }
  const replayed = replay(decided.value, undefined, { checked: true });
  // Events that decide accepted always apply; anything else is a fault in core, not in the source.
  if (!replayed.ok) throw new Error(`core's replay refused the events its decide accepted: ${replayed.error.message}`);
  return { ok: true, commands, state: replayed.value };
}
