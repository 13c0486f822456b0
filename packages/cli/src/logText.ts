import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { isRapkError } from "@rapk/core";
import { ChunkedLineCursor, type Lines, type LogText } from "@rapk/history";
import { CliError, exitOf, isCliError } from "./cliError.js";
import { MAX_TEXT_BYTES, fsFailure, pathOf, readText } from "./files.js";
import type { Io } from "./io.js";

/** How much of a large log is read at a time. */
const PIECE_BYTES = 4 * 1024 * 1024;

/**
 * A log file too large to read whole (over {@link MAX_TEXT_BYTES}, near the longest string
 * JavaScript holds), read in pieces each time its text is asked for: the version reader holds a
 * line at a time and the plan it folds, never the text. The pieces are read synchronously, since
 * the reader pulls them as it goes; each reading opens the file again, so a log that does not
 * verify can be read a second time for what it claims.
 */
export class LargeLogFile {
  private readonly open = new Set<number>();

  constructor(
    /** The file's absolute path. */
    readonly path: string,
    /** The file as the user named it, for messages. */
    readonly file: string,
  ) {}

  /** The file's text from its start, in pieces, checked as UTF-8 as it goes (a byte-order mark is the line reader's). */
  lines(): Lines {
    let fd: number | undefined;
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const buffer = Buffer.allocUnsafe(PIECE_BYTES);
    let offset = 0;
    let ended = false;
    return new ChunkedLineCursor(() => {
      if (ended) return undefined;
      try {
        if (fd === undefined) fd = this.opened();
        const read = readSync(fd, buffer, 0, PIECE_BYTES, offset);
        offset += read;
        if (read === 0) {
          ended = true;
          this.close(fd);
          return decoder.decode() || undefined;
        }
        return decoder.decode(buffer.subarray(0, read), { stream: true });
      } catch (error) {
        ended = true;
        if (fd !== undefined) this.close(fd);
        if (isCliError(error)) throw error;
        if (error instanceof TypeError) throw new CliError(`is not UTF-8 text (near byte ${offset})`, { file: this.file, code: "FILE_UNREADABLE" });
        throw fsFailure(error, this.file, "read");
      }
    });
  }

  /** Closes what a reading that stopped early (at a line at fault) left open. */
  closeAll(): void {
    for (const fd of this.open) this.close(fd);
  }

  private opened(): number {
    const fd = openSync(this.path, constants.O_RDONLY | constants.O_NONBLOCK);
    this.open.add(fd);
    // The file was a regular one when it was found too large; a path swapped for a pipe since is refused too.
    if (!fstatSync(fd).isFile()) {
      this.close(fd);
      throw new CliError("is not a regular file (a device, a pipe or a socket); rapk reads regular files only", { file: this.file, code: "NOT_A_FILE" });
    }
    return fd;
  }

  private close(fd: number): void {
    if (!this.open.delete(fd)) return;
    try {
      closeSync(fd);
    } catch {
      // Closing a file only read cannot lose anything.
    }
  }
}

/** A log file's text: whole when it fits ({@link MAX_TEXT_BYTES}), else a {@link LargeLogFile} read in pieces. */
export type LogFileText = string | LargeLogFile;

/**
 * Reads a log file the user named: whole, with readText's checks (a regular file, no NUL, UTF-8),
 * up to {@link MAX_TEXT_BYTES}; a larger one is read in pieces as it is verified and folded. `wholeUpTo` is for tests.
 */
export async function readLogText(io: Io, file: string, wholeUpTo: number = MAX_TEXT_BYTES): Promise<LogFileText> {
  try {
    return await readText(io, file, { maxBytes: wholeUpTo, what: "a log read whole" });
  } catch (error) {
    if (isCliError(error) && error.code === "INPUT_TOO_LARGE") return new LargeLogFile(pathOf(io, file), file);
    throw error;
  }
}

/** The text to read: the whole string, or a new reading of the large file. */
export function textOf(log: LogFileText): LogText {
  return typeof log === "string" ? log : log.lines();
}

/** Runs a reading of a log: the history's refusal of one of its lines (one too long to read in pieces) names the file and that line. */
export function namingLine<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isRapkError(error) && !isCliError(error)) {
      const line = (error as { line?: unknown }).line;
      throw new CliError(`${error.code}: ${error.message}`, typeof line === "number" ? { file, line, code: error.code } : { file, code: error.code }, exitOf(error.code));
    }
    throw error;
  }
}
