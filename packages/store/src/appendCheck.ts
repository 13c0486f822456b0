import { type CommittedVersion, type LogHead, checkSealed } from "@rapk/history";
import { type AppendExpectation, type AppendedHead, StoreConflict, StoreError } from "./eventStore.js";

/**
 * The check every store makes right before it commits, against the head it holds at that
 * moment: the expectations, then the version itself (checkSealed). Throws StoreConflict or
 * StoreError; returns quietly when the version may be committed.
 */
export function checkAppend(plan: string, head: LogHead, version: CommittedVersion, expect: AppendExpectation = {}): void {
  const expected = { version: expect.expectedVersion ?? version.version - 1, head: expect.expectedHead ?? version.events[0]?.prev };
  if (expect.expectedVersion !== undefined && expect.expectedVersion !== head.version)
    throw new StoreConflict(plan, expected, head, `expected version ${expect.expectedVersion}`);
  if (expect.expectedHead !== undefined && expect.expectedHead !== head.head)
    throw new StoreConflict(plan, expected, head, `expected head ${expect.expectedHead}`);
  const problem = checkSealed(head, version);
  if (problem?.code === "CONFLICT") throw new StoreConflict(plan, expected, head, `the version ${problem.message}`);
  if (problem) throw new StoreError("VERSION_INVALID", `plan ${plan}: the version ${problem.message}; nothing was appended`, plan);
}

/** Whether {@link alreadyCommitted} needs the log's head hash at `version.version`: it is before the head. */
export function sentAgainBefore(head: LogHead, version: CommittedVersion): boolean {
  return Number.isSafeInteger(version.version) && version.version >= 1 && version.version < head.version;
}

/**
 * Whether `version` is one the log holds already: the same sealed version sent again (a writer
 * that lost the answer to its append and sends it once more). It is when its number is at or
 * before the head and the log's version of that number has its head hash (`committedHead`, the
 * log's head hash at that version, asked only when {@link sentAgainBefore}). A version sent again
 * must still be well made in itself (checkSealed against the head it names), else it is
 * VERSION_INVALID. Returns the log's head saying `alreadyCommitted`, or undefined when the version
 * is not in the log (then checkAppend says whether it may be appended).
 */
export function alreadyCommitted(plan: string, head: LogHead, version: CommittedVersion, committedHead?: string): AppendedHead | undefined {
  if (!Number.isSafeInteger(version.version) || version.version < 1 || version.version > head.version) return undefined;
  const held = version.version === head.version ? head.head : committedHead;
  if (held !== version.head) return undefined;
  const first = version.events[0];
  const problem = first ? checkSealed({ version: version.version - 1, seq: first.seq - 1, head: first.prev }, version) : { message: "holds no events" };
  if (problem) throw new StoreError("VERSION_INVALID", `plan ${plan}: the version sent again as version ${version.version} ${problem.message}; nothing was appended`, plan);
  return { ...head, alreadyCommitted: true };
}
