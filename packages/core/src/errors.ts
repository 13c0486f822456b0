import type { z } from "zod";
import type { ErrorCode } from "./messages/errorMessages.js";

/**
 * Why a command or event was refused: a stable `code` to branch on, a `message` for people,
 * and the `path` of the offending field (`["data", "amount"]`) so a form or a log line can
 * point at it.
 */
export interface DomainError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly path: readonly (string | number)[];
  /**
   * Set when one command of a batch was refused (decideBatch), whatever the batch's length:
   * its index (from 0, also the first element of `path`), its type when it had a valid one, and
   * the refusal in its own words. `message` says the same for people, prefixed with the
   * command's number (`command 2 (allocateContribution): unknown budget line ...`); a caller
   * that points at the command another way (the importer names the source's line) takes this one.
   */
  readonly command?: { readonly index: number; readonly type?: string; readonly message: string };
}

/**
 * The one result shape of rapk's packages: the value, or why not. `E` is a DomainError, or a
 * richer error that says more about where (history's LogError adds the line of the log).
 */
export type Result<T, E = DomainError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, path: readonly (string | number)[] = []): Result<T> {
  return { ok: false, error: { code, message, path } };
}

/** The first problem zod found: where (`path`, and as text `field`, "(whole)" at the top) and why. */
export interface SchemaIssue {
  readonly path: readonly (string | number)[];
  readonly field: string;
  readonly why: string;
}

/** The one reading of a zod error for people: its first issue's path and message. */
export function schemaIssue(error: z.ZodError): SchemaIssue {
  const issue = error.issues[0];
  const path = issue ? issue.path.filter((p): p is string | number => typeof p !== "symbol") : [];
  return { path, field: path.length > 0 ? path.join(".") : "(whole)", why: issue?.message ?? "is invalid" };
}

/** Turns the first zod issue into a DomainError whose message names the field and why. */
export function schemaError(code: ErrorCode, what: string, error: z.ZodError): DomainError {
  const { path, field, why } = schemaIssue(error);
  return { code, message: `${what}: ${field} ${why}`, path };
}

// A global symbol, the same in every copy of rapk loaded in a process (its ESM and CJS builds,
// two versions side by side), where `instanceof` sees one class per copy.
const RAPK_ERROR = Symbol.for("rapk.error");

/**
 * The one error type rapk throws: a stable `code` from {@link ErrorCode} (what programs branch on;
 * `ERROR_MESSAGES` explains each in Indonesian and English) and a `message` with the detail.
 * Recognise one with {@link isRapkError}, never with `instanceof`.
 */
export class RapkError extends Error {
  readonly [RAPK_ERROR] = true;

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "RapkError";
  }
}

/** Whether a value is an error rapk threw (any copy of rapk), and, with `codes`, one of these codes. */
export function isRapkError(value: unknown, ...codes: readonly ErrorCode[]): value is RapkError {
  if (typeof value !== "object" || value === null || (value as Record<symbol, unknown>)[RAPK_ERROR] !== true) return false;
  return codes.length === 0 || codes.includes((value as RapkError).code);
}

/** Whether a value is a DomainFailure (of any copy of rapk): a RapkError carrying its DomainError. */
export function isDomainFailure(value: unknown): value is DomainFailure {
  return isRapkError(value) && typeof (value as { error?: unknown }).error === "object" && (value as { error?: unknown }).error !== null;
}

/** Thrown by `evolve` for an event that cannot apply, and by the test helpers (`stateAfter`, `planSpec`), so callers keep the code. */
export class DomainFailure extends RapkError {
  constructor(readonly error: DomainError) {
    super(error.code, error.message);
    this.name = "DomainFailure";
  }
}
