import { describeDiff } from "./diff/describe.js";
import { diffStates } from "./diff/diffStates.js";
import { describeSteps } from "./describeSteps.js";
import type { History } from "./history.js";

/**
 * What a version changed, in one line: "pagu of 2 lines changed, 2 contributions changed,
 * Rp2.000.000 moved". A function, not a field of the version, so that versions stay plain data
 * (serialising them computes nothing) and a log of 100,000 events opens without diffing them all.
 */
export function summarizeVersion(history: History, version: number): string {
  const before = history.stateAt(version - 1);
  const after = history.stateAt(version);
  const { firstSeq, lastSeq } = history.versions[version - 1]!;
  const steps = describeSteps(history.events.slice(firstSeq - 1, lastSeq), before);
  const diff = describeDiff(diffStates(before, after));
  // A step that puts nothing in force (a proposal, a return) changed only the roster or proposals: its diff says "no change".
  return steps.length === 0 ? diff : diff === "no change" ? steps.join("; ") : `${steps.join("; ")}: ${diff}`;
}
