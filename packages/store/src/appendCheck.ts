import { type CommittedVersion, type LogHead, checkSealed } from "@rapk/history";
import { type AppendExpectation, StoreConflict, StoreError } from "./eventStore.js";

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
