import { type ErrorCode, RapkError, isDomainFailure } from "@rapk/core";
import type { Noticed } from "./plan/noticed.js";
import type { ImportError } from "./types.js";

/**
 * Thrown inside the importer where reading cannot go on (an unreadable amount, a duplicated
 * indicator), with the findings noticed before it; the entry points turn it into
 * `{ ok: false, error, findings }`, so callers never see it.
 */
export class ImportFailure extends RapkError {
  constructor(
    readonly error: ImportError,
    readonly findings: readonly Noticed[] = [],
  ) {
    super(error.code, error.message);
    this.name = "ImportFailure";
  }
}

/** Stops the import with a code and a message that names the line, keeping the findings the stage noticed before it stopped. */
export function failAt(code: ErrorCode, line: number | undefined, message: string, findings: readonly Noticed[] = []): never {
  throw new ImportFailure(line === undefined ? { code, message } : { code, message: `line ${line}: ${message}`, line }, findings);
}

/**
 * What stopped the import, with the findings noticed before it first. A failure of the importer
 * itself (a TypeError: a bug) becomes INTERNAL_ERROR with its message, never a stack trace.
 */
export function stoppedAfter(findings: readonly Noticed[], error: unknown): ImportFailure {
  // Recognised by its shape (a rapk error carrying its error), not by class: core's DomainFailure counts too.
  if (isDomainFailure(error)) {
    const own = (error as { findings?: readonly Noticed[] }).findings ?? [];
    return new ImportFailure(error.error, [...findings, ...own]);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ImportFailure({ code: "INTERNAL_ERROR", message: `the importer failed unexpectedly: ${message}` }, findings);
}
