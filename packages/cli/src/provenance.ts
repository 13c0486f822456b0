import type { PrintProvenance } from "@rapk/report";
import type { LoadedLog } from "./logFile.js";

/**
 * What a printed page says about where it came from: the version, when it took effect, and the
 * hash at the end of that version in the log (its head then), which `rapk verify` can be held against.
 */
export function provenanceOf(log: LoadedLog, version: number): PrintProvenance {
  if (version === 0) return { version: 0, effectiveAt: "", headHash: "0".repeat(64) };
  const v = log.history.versions[version - 1]!;
  // The version's head: its commit record's hash (v2), or its last event's hash (v1).
  return { version, effectiveAt: v.effectiveAt, headHash: log.versions[version - 1]!.head };
}
