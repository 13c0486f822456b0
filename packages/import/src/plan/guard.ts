import { isDomainFailure } from "@rapk/core";
import type { ImportResult, ImportSuccess } from "../types.js";
import { type Noticed, toFindings } from "./noticed.js";

/**
 * Runs an import of `text` so that it always returns a result with its findings (in source
 * order, with pages and messages in both languages): a reading failure becomes `{ ok: false }`
 * with its code and line, and anything unexpected becomes INTERNAL_ERROR with its message,
 * never a thrown exception or a stack trace.
 */
export function guard(text: unknown, run: (findings: Noticed[]) => ImportSuccess): ImportResult {
  const noticed: Noticed[] = [];
  try {
    return { ...run(noticed), findings: toFindings(noticed, text) };
  } catch (error) {
    if (isDomainFailure(error)) return { ok: false, error: error.error, findings: toFindings(noticed, text) };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: "INTERNAL_ERROR", message: `the importer failed unexpectedly: ${message}` }, findings: toFindings(noticed, text) };
  }
}
