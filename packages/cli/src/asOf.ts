import { isRapkError } from "@rapk/core";
import type { PlanState } from "@rapk/core";
import { CliError } from "./cliError.js";
import type { LoadedLog } from "./logFile.js";
import { headVersion, parseSelector, resolveSelector } from "./selector.js";

export interface StateAt {
  readonly state: PlanState;
  readonly version: number;
}

/**
 * The state of a log at `--as-of` (a version, or a date: the plan in force then, by the versions'
 * `effectiveAt`) and `--known-at` (a date or date-time: the plan as the log knew it then, by
 * `recordedAt`); at its head when both are omitted. Both dates never decrease along a log, so each
 * picks a prefix of it, and together they pick the shorter one.
 */
export function stateAsOf(log: LoadedLog, asOf: string | undefined, option = "--as-of", knownAt?: string): StateAt {
  let version = asOf === undefined ? headVersion(log.history) : resolveSelector(log.history, parseSelector(asOf, option), option, log.file);
  if (knownAt !== undefined) version = Math.min(version, knownVersion(log, knownAt));
  return { state: log.history.stateAt(version), version };
}

function knownVersion(log: LoadedLog, knownAt: string): number {
  const selector = parseSelector(knownAt, "--known-at");
  if ("version" in selector) throw new CliError(`--known-at ${knownAt}: expected a date or date-time (2024-03-01, 2024-03-01T09:00:00+07:00), not a version`);
  try {
    return log.history.versionKnownAt(selector.at);
  } catch (error) {
    if (isRapkError(error)) throw new CliError(`--known-at ${knownAt}: ${error.message}`, { file: log.file });
    throw error;
  }
}
