import type { PlanCommand } from "@rapk/core";

/** A command with the 1-based source line it was read from, so a refusal can name the line. */
export interface SourcedCommand {
  readonly command: PlanCommand;
  readonly line: number;
}
