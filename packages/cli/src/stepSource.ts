import type { Command } from "commander";
import type { RevisionKind } from "@rapk/core";
import type { LoadedLog } from "./logFile.js";
import type { RevisionSource } from "./writeRevision.js";

/** What a step rapk writes for its user (approve, return, member add, ...) takes besides its arguments. */
export interface StepMetaOptions {
  readonly reason?: string;
  readonly reference?: string;
  readonly at?: string;
  readonly actor?: string;
}

/** Adds --reason, --reference, --at and --actor to a step's command. */
export function stepMetaOptions(command: Command, reason: string): Command {
  return command
    .option("--reason <text>", reason)
    .option("--reference <ref>", "the letter or decree behind it (a Revisi DIPA's approval names the treasury's letter)")
    .option("--at <date-time>", "when it takes effect, an ISO date-time with offset (default: now)")
    .option("--actor <name>", "who takes it, as recorded in the version (default: the signing member's name)");
}

/**
 * A revision rapk makes from the log and the step's options: one kind, its commands, and a
 * reason said for it when --reason gives none. The actor left out is the signing member's name,
 * filled in by the writer (writeRevision).
 */
export function stepSource(label: string, options: StepMetaOptions, make: (log: LoadedLog) => { kind: RevisionKind; reason: string; commands: readonly unknown[] }): RevisionSource {
  return {
    file: label,
    read: async (log) => {
      const { kind, reason, commands } = make(log);
      const meta = {
        ...(options.actor === undefined ? {} : { actor: options.actor }),
        reason: options.reason ?? reason,
        kind,
        ...(options.reference === undefined ? {} : { reference: options.reference }),
        ...(options.at === undefined ? {} : { effectiveAt: options.at }),
      };
      return { revision: { meta, commands } };
    },
  };
}
