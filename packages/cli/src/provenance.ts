import type { PrintProvenance, PrintRevision } from "@rapk/report";
import type { LoadedLog } from "./logFile.js";
import { signersOf } from "./verifiedRead.js";

/**
 * What a printed page says about where it came from: the version, when it took effect, the hash
 * at the end of that version in the log (its head then, as verifying the log recomputed it),
 * which `rapk verify` can be held against, and who signed it; for a log printed `--unverified`,
 * its problem and no head.
 */
export function provenanceOf(log: LoadedLog, version: number): PrintProvenance {
  const unverified = log.verification.ok ? {} : { unverified: `line ${log.verification.problem.line}: ${log.verification.problem.code}` };
  if (version === 0) return { version: 0, effectiveAt: "", headHash: "0".repeat(64), ...unverified };
  const v = log.history.versions[version - 1]!;
  const signers = signersOf(log, version);
  // The version's head: its commit record's hash (v2, v3), or its last event's hash (v1).
  return { version, effectiveAt: v.effectiveAt, headHash: log.versions[version - 1]!.head, ...(signers ? { signers } : {}), ...unverified };
}

/** Which revision of the RAPK the plan at `version` of a log is (@rapk/report's revisionAt). */
export async function revisionOf(log: LoadedLog, version: number): Promise<PrintRevision | undefined> {
  // Loaded with the command that prints: every command's start-up does not pay for the report package.
  const { revisionAt } = await import("@rapk/report");
  return revisionAt(log.history.versions, version);
}
