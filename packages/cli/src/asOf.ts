import type { PlanState } from "@rapk/core";
import type { LoadedLog } from "./logFile.js";
import { headVersion, parseSelector, resolveSelector } from "./selector.js";

export interface StateAt {
  readonly state: PlanState;
  readonly version: number;
}

/** The state of a log at `--as-of` (a version or a date), or at its head when omitted. */
export function stateAsOf(log: LoadedLog, asOf: string | undefined, option = "--as-of"): StateAt {
  if (asOf === undefined) return { state: log.history.head, version: headVersion(log.history) };
  const version = resolveSelector(log.history, parseSelector(asOf, option), option, log.file);
  return { state: log.history.stateAt(version), version };
}
