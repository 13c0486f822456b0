import { type ErrorCode, RapkError } from "@rapk/core";
import type { ImportError } from "./types.js";

/**
 * Thrown inside the importer where reading cannot go on (an unreadable amount, a duplicated
 * indicator); the entry points turn it into `{ ok: false, error }`, so callers never see it.
 */
export class ImportFailure extends RapkError {
  constructor(readonly error: ImportError) {
    super(error.code, error.message);
    this.name = "ImportFailure";
  }
}

/** Stops the import with a code and a message that names the line. */
export function failAt(code: ErrorCode, line: number | undefined, message: string): never {
  throw new ImportFailure(line === undefined ? { code, message } : { code, message: `line ${line}: ${message}`, line });
}
