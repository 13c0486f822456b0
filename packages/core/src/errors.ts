import type { z } from "zod";
import type { ErrorCode } from "./messages/errorMessages.js";

/**
 * Why a command or event was refused: a stable `code` to branch on, a `message` for people,
 * and the `path` of the offending field (`["data", "amount"]`) so a form or a log line can
 * point at it.
 */
export interface DomainError {
  readonly code: string;
  readonly message: string;
  readonly path: readonly (string | number)[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError };

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

/** Thrown by `evolve` for an event that cannot apply, and by the test helpers (`stateAfter`, `planSpec`), so callers keep the code. */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
    this.name = "DomainFailure";
  }
}
