import type { ImportResult } from "../../src/index.js";

type Ok = Extract<ImportResult, { ok: true }>;
type Failed = Extract<ImportResult, { ok: false }>;

/** The result of an import that must have worked; throws with the error otherwise. */
export function ok(result: ImportResult): Ok {
  if (!result.ok) throw new Error(`import failed: ${result.error.code}: ${result.error.message}`);
  return result;
}

/** The error of an import that must have failed. */
export function failed(result: ImportResult): Failed["error"] {
  if (result.ok) throw new Error(`import worked with ${result.commands.length} commands, expected it to fail`);
  return result.error;
}

/** The state without its event count, for comparing states made by different batches. */
export function content<T extends { eventCount: number }>(state: T): Omit<T, "eventCount"> {
  const { eventCount: _, ...rest } = state;
  return rest;
}
