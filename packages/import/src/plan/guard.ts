import { ImportFailure } from "../failure.js";
import type { Finding, ImportResult } from "../types.js";
import { byLine } from "./byLine.js";

/**
 * Runs an import so that it always returns a result: a reading failure becomes `{ ok: false }`
 * with its code and line, and anything unexpected becomes INTERNAL_ERROR with its message,
 * never a thrown exception or a stack trace.
 */
export function guard(run: (findings: Finding[]) => ImportResult): ImportResult {
  const findings: Finding[] = [];
  try {
    return run(findings);
  } catch (error) {
    if (error instanceof ImportFailure) return { ok: false, error: error.error, findings: byLine(findings) };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: "INTERNAL_ERROR", message: `the importer failed unexpectedly: ${message}` }, findings: byLine(findings) };
  }
}
