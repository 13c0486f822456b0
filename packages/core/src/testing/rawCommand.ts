import type { PlanCommand } from "../commands/index.js";

/**
 * A value passed where a command goes, unchecked: what a file or another program might send.
 * For tests of refusals: `decide` validates every command, so a wrong one is COMMAND_INVALID.
 */
export function rawCommand(value: unknown): PlanCommand {
  return value as PlanCommand;
}
