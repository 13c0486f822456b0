import { type ErrorCode, type Language, RapkError, explainError, isRapkError } from "@rapk/core";

/**
 * The exit codes of `rapk`, documented in docs/cli.md:
 * 0 ok; 1 bad input (unreadable file, malformed JSON, a log that does not verify, usage);
 * 2 the domain refused the change; 3 conflict (the log moved on, or another writer holds it).
 */
export const EXIT = Object.freeze({ ok: 0, input: 1, rejected: 2, conflict: 3 });
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

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

const MEANING: Record<Language, string> = { id: "artinya:", en: "in plain words:" };
const OWN: ReadonlySet<ErrorCode> = new Set(CLI_ERROR_CODES);

/**
 * The single stderr line for an error; newlines inside a message are folded so it stays one line.
 * An error with a code behind it (not the command line's own) ends with what that code means in
 * plain words, in `language` (the place is already at the start of the line).
 */
export function errorLine(error: CliError, language: Language = "en"): string {
  const where = error.file === undefined ? "" : `${error.file}${error.line === undefined ? "" : `:${error.line}`}: `;
  const plain = OWN.has(error.code) ? undefined : explainError(error.code);
  return `rapk: ${where}${oneLine(error.message)}${plain ? ` (${MEANING[language]} ${plain[language]})` : ""}`;
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
