import { isRapkError } from "@rapk/core";
import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";
import type { History } from "@rapk/history";
import { CliError } from "./cliError.js";

/** A `<version|date>` argument: a version number, or an ISO date or date-time. */
export type Selector = { readonly version: number } | { readonly at: string };

const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** Reads `--as-of 2`, `--from 2024-03-01`, `--to 2024-03-01T09:00:00+07:00`; the option is named in the error. */
export function parseSelector(text: string, option: string): Selector {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const version = Number(trimmed);
    if (!Number.isSafeInteger(version)) throw new CliError(`${option} ${text}: version number is too large`);
    return { version };
  }
  if (ISO.test(trimmed) && isValid(parseISO(trimmed))) return { at: trimmed };
  throw new CliError(`${option} ${text}: expected a version number (2) or an ISO date or date-time (2024-03-01, 2024-03-01T09:00:00+07:00)`);
}

/** The head version of a history: the last batch, 0 for an empty log. */
export function headVersion(history: History): number {
  return history.versions.at(-1)?.number ?? 0;
}

/**
 * The version a selector points at in this history; a version the log does not have is an error.
 * A date means the end of that day, a date-time without offset a wall-clock time, both in the
 * log's own offset (history.versionAt); a date before the first version is version 0.
 */
export function resolveSelector(history: History, selector: Selector, option: string, file: string): number {
  const head = headVersion(history);
  if ("version" in selector) {
    if (selector.version > head)
      throw new CliError(`${option} ${selector.version}: the log has versions 0-${head} only`, { file });
    return selector.version;
  }
  try {
    return history.versionAt(selector.at);
  } catch (error) {
    if (isRapkError(error)) throw new CliError(`${option} ${selector.at}: ${error.message}`, { file });
    throw error;
  }
}
