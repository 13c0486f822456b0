import { stoppedAfter } from "../failure.js";
import type { ImportResult, ImportSuccess } from "../types.js";
import { toFindings } from "./noticed.js";
import type { Staged } from "./staged.js";

/**
 * Runs an import of `text` so that it always returns a result with its findings (in source
 * order, with pages and messages in both languages): a reading failure becomes `{ ok: false }`
 * with its code, its line and the findings noticed before it, and anything unexpected becomes
 * INTERNAL_ERROR with its message, never a thrown exception or a stack trace.
 */
export function guard(text: unknown, run: () => Staged<ImportSuccess>): ImportResult {
  try {
    const { value, findings } = run();
    return { ...value, findings: toFindings(findings, text) };
  } catch (error) {
    const failure = stoppedAfter([], error);
    return { ok: false, error: failure.error, findings: toFindings(failure.findings, text) };
  }
}
