import { describeDiff } from "./diff/describe.js";
import { diffStates } from "./diff/diffStates.js";
import type { History } from "./history.js";

/**
 * What a version changed, in one line: "pagu of 2 lines changed, 2 contributions changed,
 * Rp2.000.000 moved". A function, not a field of the version, so that versions stay plain data
 * (serialising them computes nothing) and a log of 100,000 events opens without diffing them all.
 */
export function summarizeVersion(history: History, version: number): string {
  return describeDiff(diffStates(history.stateAt(version - 1), history.stateAt(version)));
}
