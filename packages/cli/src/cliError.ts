import { type Language, explainError } from "@rapk/core";

/**
 * The exit codes of `rapk`, documented in docs/cli.md:
 * 0 ok; 1 bad input (unreadable file, malformed JSON, a log that does not verify, usage);
 * 2 the domain refused the change; 3 conflict (the log moved on, or another writer holds it).
 */
export const EXIT = Object.freeze({ ok: 0, input: 1, rejected: 2, conflict: 3 });
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CliErrorPlace {
  /** The file at fault, as the user named it. */
  readonly file?: string;
  /** 1-based line in that file. */
  readonly line?: number;
  /** The error code behind it (core's, history's or the importer's), explained in plain words after the message. */
  readonly code?: string;
}

/**
 * A user's mistake or a refusal: printed as one line, `rapk: <file>:<line>: <why>`, never with a
 * stack trace. Anything else that is thrown is a bug in rapk.
 */
export class CliError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly code: string | undefined;

  constructor(
    why: string,
    place: CliErrorPlace = {},
    readonly exitCode: ExitCode = EXIT.input,
  ) {
    super(why);
    this.name = "CliError";
    this.file = place.file;
    this.line = place.line;
    this.code = place.code;
  }
}

const MEANING: Record<Language, string> = { id: "artinya:", en: "in plain words:" };

/**
 * The single stderr line for an error; newlines inside a message are folded so it stays one line.
 * An error with a code of rapk's ends with what that code means in plain words, in `language`
 * (the place is already at the start of the line).
 */
export function errorLine(error: CliError, language: Language = "en"): string {
  const where = error.file === undefined ? "" : `${error.file}${error.line === undefined ? "" : `:${error.line}`}: `;
  const plain = error.code === undefined ? undefined : explainError(error.code);
  return `rapk: ${where}${oneLine(error.message)}${plain ? ` (${MEANING[language]} ${plain[language]})` : ""}`;
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
