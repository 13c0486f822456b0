import type { z } from "zod";

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

export function fail<T = never>(code: string, message: string, path: readonly (string | number)[] = []): Result<T> {
  return { ok: false, error: { code, message, path } };
}

/** Turns the first zod issue into a DomainError whose message names the field and why. */
export function schemaError(code: string, what: string, error: z.ZodError): DomainError {
  const issue = error.issues[0];
  const path = issue ? issue.path.filter((p): p is string | number => typeof p !== "symbol") : [];
  const field = path.length > 0 ? path.join(".") : "(whole)";
  return { code, message: `${what}: ${field} ${issue?.message ?? "is invalid"}`, path };
}

/** Thrown by `evolve` for an event that cannot apply, and by the test helpers (`stateAfter`, `planSpec`), so callers keep the code. */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
    this.name = "DomainFailure";
  }
}
