import { HistoryError } from "./historyError.js";

/**
 * The lines of an NDJSON text, one at a time, without an object per line: `next()` moves to the
 * next line and gives its text (undefined after the last), `number` is its 1-based number. A final
 * newline ends the last line (it does not start an empty one); CRLF line breaks and a leading
 * byte-order mark are tolerated, since editors on Windows write them and neither is part of any
 * event. A reader of a million lines makes nothing per line but the line's string.
 */
export class LineCursor {
  private at: number;
  /** The current line's 1-based number (0 before the first, the count of lines after the last). */
  number = 0;
  /**
   * Whether the current line came with bytes that are not its own: a CR before its line break, or
   * (the first line) a byte-order mark. Tolerated in v1 and v2 lines; a v3 line, whose hash covers
   * its bytes as written, is refused with them.
   */
  foreign = false;
  private readonly bom: boolean;

  constructor(private readonly text: string) {
    this.bom = text.startsWith("\uFEFF");
    this.at = this.bom ? 1 : 0;
  }

  next(): string | undefined {
    const text = this.text;
    if (this.at >= text.length) return undefined;
    const end = text.indexOf("\n", this.at);
    const stop = end < 0 ? text.length : end;
    const cr = stop > this.at && text.charCodeAt(stop - 1) === 13;
    const line = text.slice(this.at, cr ? stop - 1 : stop);
    this.at = stop + 1;
    this.number += 1;
    this.foreign = cr || (this.number === 1 && this.bom);
    return line;
  }

  /** Whether the current line is the text's last and has no line break after it (what a write cut short leaves). */
  get unterminated(): boolean {
    return this.at > this.text.length;
  }
}

/** What the version reader reads lines from: a whole text (`LineCursor`) or one given in pieces ({@link ChunkedLineCursor}). */
export interface Lines {
  next(): string | undefined;
  readonly number: number;
  readonly foreign: boolean;
  readonly unterminated: boolean;
}

/**
 * A log's text: whole, or given in pieces ({@link ChunkedLineCursor}) for a log too large to hold
 * as one string (JavaScript's longest is 2^29 - 24 characters, about 512 MiB of ASCII).
 */
export type LogText = string | Lines;

/** Whether a reader was given lines (a text in pieces) rather than a text or a store's versions. */
export function isLines(log: unknown): log is Lines {
  return typeof (log as Partial<Lines> | undefined)?.foreign === "boolean";
}

/** The longest line read from pieces: far above any line rapk writes, far below the longest string. */
export const MAX_STREAMED_LINE_CHARS = 64 * 1024 * 1024;

/**
 * `LineCursor` over a text given in pieces: `nextPiece()` gives the next piece, split
 * anywhere (inside a line too), and undefined after the last; it is asked for one only when a line
 * needs it, so the text is never held whole. The same lines, numbers, `foreign` and
 * `unterminated` as the whole text's, holding only the line being read and the piece it is in. A
 * line longer than {@link MAX_STREAMED_LINE_CHARS} is refused (INPUT_TOO_LARGE, with its number)
 * rather than grown until memory runs out. Read once: give every reader a new one.
 */
export class ChunkedLineCursor implements Lines {
  number = 0;
  foreign = false;
  unterminated = false;
  private buffer = "";
  private at = 0;
  // Where the search for the next line break goes on from (the pending line has none before it).
  private searched = 0;
  private started = false;
  private done = false;

  constructor(private readonly nextPiece: () => string | undefined) {}

  next(): string | undefined {
    for (;;) {
      const end = this.buffer.indexOf("\n", this.searched);
      if (end >= 0) return this.take(end, end + 1, false);
      if (!this.done && this.pull()) continue;
      if (this.at >= this.buffer.length) {
        this.unterminated = false;
        return undefined;
      }
      return this.take(this.buffer.length, this.buffer.length, true);
    }
  }

  private take(stop: number, after: number, unterminated: boolean): string {
    const cr = stop > this.at && this.buffer.charCodeAt(stop - 1) === 13;
    const line = this.buffer.slice(this.at, cr ? stop - 1 : stop);
    this.at = after;
    this.searched = after;
    this.number += 1;
    this.foreign = cr || (this.number === 1 && this.bom);
    this.unterminated = unterminated;
    return line;
  }

  private bom = false;

  /** Adds the next piece after the pending line; false after the last. */
  private pull(): boolean {
    const chunk = this.nextPiece();
    if (chunk === undefined) {
      this.done = true;
      return false;
    }
    let piece = chunk;
    if (!this.started && piece.length > 0) {
      this.started = true;
      this.bom = piece.charCodeAt(0) === 0xfeff;
      if (this.bom) piece = piece.slice(1);
    }
    const pending = this.buffer.slice(this.at);
    if (pending.length > MAX_STREAMED_LINE_CHARS)
      throw new HistoryError("INPUT_TOO_LARGE", `line ${this.number + 1} is over ${MAX_STREAMED_LINE_CHARS} characters; a log line rapk writes is a few kB`, this.number + 1);
    this.searched = pending.length;
    this.buffer = pending + piece;
    this.at = 0;
    return true;
  }
}
