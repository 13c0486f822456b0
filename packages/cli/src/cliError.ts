import { type ErrorCode, type Language, RapkError, explainError, isRapkError } from "@rapk/core";

/**
 * The exit codes of `rapk`, documented in docs/cli.md and docs/reliability.md:
 * 0 ok; 1 bad input (unreadable file, malformed JSON, a log that does not verify, usage);
 * 2 the domain refused the change; 3 conflict (the log moved on, or another writer holds it);
 * 4 the store cannot be reached, or the connection was lost (the message says whether the version
 * was committed), or it did not answer in time; 5 the system refused: no permission, a read-only
 * file system, a full disk. For 3, 4 and 5 nothing was written unless the message says otherwise.
 */
export const EXIT = Object.freeze({ ok: 0, input: 1, rejected: 2, conflict: 3, store: 4, system: 5 });
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const BY_CODE: Partial<Record<ErrorCode, ExitCode>> = {
  CONFLICT: EXIT.conflict,
  LOCKED: EXIT.conflict,
  STORE_UNAVAILABLE: EXIT.store,
  CONNECTION_LOST: EXIT.store,
  STORE_TIMEOUT: EXIT.store,
  STORE_PERMISSION_DENIED: EXIT.system,
  PERMISSION_DENIED: EXIT.system,
  READ_ONLY: EXIT.system,
  DISK_FULL: EXIT.system,
};

/** The exit code of an error code that is not bad input (a conflict, a store's or the system's refusal); 1 for the rest. */
export function exitOf(code: ErrorCode): ExitCode {
  return BY_CODE[code] ?? EXIT.input;
}

/**
 * The command line's own error codes: a usage mistake, or a file it cannot use. Their message
 * already says in plain words what is wrong, so no explanation follows it.
 */
export const CLI_ERROR_CODES = ["USAGE", "FILE_UNREADABLE", "FILE_EXISTS", "FILE_UNWRITABLE"] as const satisfies readonly ErrorCode[];
export type CliErrorCode = (typeof CLI_ERROR_CODES)[number];

export interface CliErrorPlace {
  /** The file at fault, as the user named it. */
  readonly file?: string;
  /** 1-based line in that file. */
  readonly line?: number;
  /**
   * The error's code: the one behind it (core's, history's, a store's or the importer's),
   * explained in plain words after the message, or one of the command line's own
   * ({@link CLI_ERROR_CODES}); `USAGE` when omitted.
   */
  readonly code?: ErrorCode;
}

/**
 * A user's mistake or a refusal: printed as one line, `rapk: <file>:<line>: <why>`, never with a
 * stack trace. A RapkError with its code (recognise one with {@link isCliError}, never with
 * `instanceof`). Anything else that is thrown is a bug in rapk.
 */
export class CliError extends RapkError {
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(
    why: string,
    place: CliErrorPlace = {},
    readonly exitCode: ExitCode = EXIT.input,
  ) {
    super(place.code ?? "USAGE", why);
    this.name = "CliError";
    this.file = place.file;
    this.line = place.line;
  }
}

/** Whether a value is a CliError (of any copy of rapk): a rapk error that carries its exit code. */
export function isCliError(value: unknown): value is CliError {
  return isRapkError(value) && typeof (value as { exitCode?: unknown }).exitCode === "number";
}

/** What the operating system refused, said in plain English by the message itself; explained after it in Indonesian. */
export const SYSTEM_ERROR_CODES = ["NO_SUCH_FILE", "IS_A_FOLDER", "NOT_A_FILE", "SYMLINK_LOOP", "PERMISSION_DENIED", "READ_ONLY", "DISK_FULL"] as const satisfies readonly ErrorCode[];

const MEANING: Record<Language, string> = { id: "artinya:", en: "in plain words:" };
const OWN: ReadonlySet<ErrorCode> = new Set(CLI_ERROR_CODES);
const SYSTEM: ReadonlySet<ErrorCode> = new Set(SYSTEM_ERROR_CODES);
// A file's name or a message quoting input is cut here: a 10,000-character plan id is not repeated whole.
const MAX_PLACE = 200;
const MAX_WHY = 600;
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}... (${text.length - max} more characters)` : text);

/**
 * The single stderr line for an error; newlines inside a message are folded so it stays one line.
 * An error with a code behind it (not the command line's own) ends with what that code means in
 * plain words, in `language` (the place is already at the start of the line).
 */
export function errorLine(error: CliError, language: Language = "en"): string {
  const where = error.file === undefined ? "" : `${cut(oneLine(error.file), MAX_PLACE)}${error.line === undefined ? "" : `:${error.line}`}: `;
  const plain = OWN.has(error.code) || (SYSTEM.has(error.code) && language === "en") ? undefined : explainError(error.code);
  return `rapk: ${where}${cut(oneLine(error.message), MAX_WHY)}${plain ? ` (${MEANING[language]} ${plain[language]})` : ""}`;
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
