import { ChainCheck } from "./chain.js";
import { type CommittedVersion, versionMetadataOfV1 } from "./commit.js";
import { type LineResult, LineReader } from "./lineReader.js";
import { LineCursor, type LogText, type Lines, isLines } from "./lines.js";
import type { LogError } from "./logError.js";
import type { StoredEvent } from "./storedEvent.js";

/** A committed version as the reader found it: what a store holds, and the lines it fills. */
export interface ReadVersion extends CommittedVersion {
  /** The line of its first event: its events fill the lines from there, one each. */
  readonly firstLine: number;
  /** The line it ends on: its commit record's (v2, v3) or its last event's (v1). */
  readonly lastLine: number;
}

/** How a log ended, once {@link VersionReader.next} has given its last committed version. */
export interface LogEnd {
  /** How many lines were read. */
  readonly lines: number;
  /** The line the last committed version ends on (0 when there is none). */
  readonly committedLines: number;
  /**
   * The events read after the last committed version: a version without its commit record (a
   * write cut short), or the lines of a version before the line at fault. Not part of the log.
   */
  readonly open: readonly StoredEvent[];
  /** The last line is cut short (no line break, not JSON): what a write that did not finish leaves. Not a fault. */
  readonly torn: boolean;
  /** The first line at fault, when one is: the read stopped there. */
  readonly error?: LogError;
}

export interface VersionReaderOptions {
  /** Also check the hash chain, line by line (verifyLog): a break is the fault of its line. */
  readonly chain?: boolean;
}

/**
 * The one reader of a log: its committed versions, one at a time, each with its events, its
 * metadata, its head, its commit record (v2, v3) and the lines it fills. Every line is checked
 * by the LineReader (JSON, schema, order, the one way a v3 line is written, time), and with
 * `chain` against the hash chain; the first line at fault ends the read ({@link end}). parseLog,
 * foldLog and verifyLog are built on it, so they group a log into versions the same way and name
 * the same line for the same fault. A v1 version (no commit record) ends where the next begins.
 *
 * Reads a log's text (whole, or in pieces: {@link ChunkedLineCursor}), or versions a store holds as objects (each checked as the line rapk writes
 * for it, numbered as serializeVersions would write them: no text of the whole log is made).
 */
export class VersionReader {
  private readonly reader = new LineReader();
  // The text's lines, or a store's versions as the records of their lines (one of the two).
  private readonly cursor: Lines | undefined;
  private readonly records: Iterator<unknown> | undefined;
  // The line last read: its text, its number, and whether it is the text's last, cut short.
  private text = "";
  private number = 0;
  private torn = false;
  private readonly chain: ChainCheck | undefined;
  private v1: StoredEvent[] = [];
  private v1First = 0;
  private committedLines = 0;
  private lastLine = 0;
  private finished: LogEnd | undefined;

  constructor(log: LogText | Iterable<CommittedVersion>, options: VersionReaderOptions = {}) {
    this.chain = options.chain ? new ChainCheck() : undefined;
    if (typeof log === "string") this.cursor = new LineCursor(log);
    else if (isLines(log)) this.cursor = log;
    else this.records = recordsOf(log);
  }

  /** The next committed version, or undefined after the last (then see {@link end}). */
  next(): ReadVersion | undefined {
    if (this.finished) return undefined;
    for (let read = this.readLine(); read !== undefined; read = this.readLine()) {
      const { text, number } = this;
      this.lastLine = number;
      if (!read.ok) {
        // A last line cut short ends the log after its last committed version (a v1 one included).
        if (this.torn && read.error.code === "INVALID_JSON") return this.finish(true, undefined, number - 1);
        return this.finish(false, read.error, number - 1);
      }
      if (read.kind === "commit") {
        const { commit, events } = read;
        const broken = this.chain?.commit(commit, text, number);
        if (broken) return this.finish(false, broken, number - 1);
        this.committedLines = number;
        return { version: commit.commit, events, metadata: commit.metadata, head: commit.hash, commit, firstLine: number - events.length, lastLine: number };
      }
      const event = read.event;
      // A v1 version ends where the next version (or the first tagged line) begins: whole, even when that line is at fault.
      const closed = read.startsVersion || event.format !== undefined ? this.closeV1(number - 1) : undefined;
      const broken = this.chain?.event(event, text, read.repeatsMetadata === true, number);
      if (broken) {
        // The events before the broken line, without it (a tagged one is already among the open version's).
        const open = event.format === undefined ? this.v1 : this.reader.open().slice(0, -1);
        this.finished = { lines: number, committedLines: this.committedLines, open, torn: false, error: broken };
        return closed;
      }
      if (event.format === undefined) {
        if (this.v1.length === 0) this.v1First = number;
        this.v1.push(event);
      }
      if (closed) return closed;
    }
    return this.finish(false, undefined, this.lastLine);
  }

  /** Reads the next line (undefined after the last); what it read is in `text`, `number`, `torn`. */
  private readLine(): LineResult | undefined {
    const cursor = this.cursor;
    if (cursor) {
      const line = cursor.next();
      if (line === undefined) return undefined;
      this.text = line;
      this.number = cursor.number;
      this.torn = cursor.unterminated;
      return this.reader.read(line, cursor.number, cursor.foreign);
    }
    const next = (this.records as Iterator<unknown>).next();
    if (next.done) return undefined;
    // The line rapk writes for the record (the store's own bytes are not at hand): a v3 line is
    // held to it and hashed over it, so a field the schema would drop is caught as in a text.
    this.text = JSON.stringify(next.value);
    this.number += 1;
    return this.reader.readRecord(next.value, this.text, this.number);
  }

  /** How the log ended; defined once {@link next} has returned undefined. */
  get end(): LogEnd {
    if (!this.finished) throw new Error("the log has not been read to its end");
    return this.finished;
  }

  private finish(torn: boolean, error: LogError | undefined, lastGood: number): ReadVersion | undefined {
    // A v1 version ends with the text (or a torn line); a fault inside it leaves it open.
    const closed = error ? undefined : this.closeV1(lastGood);
    const open = error && this.v1.length > 0 ? this.v1 : this.reader.open();
    this.finished = { lines: this.lastLine, committedLines: this.committedLines, open, torn, ...(error ? { error } : {}) };
    return closed;
  }

  private closeV1(lastLine: number): ReadVersion | undefined {
    const events = this.v1;
    const first = events[0];
    if (first === undefined) return undefined;
    this.v1 = [];
    this.committedLines = lastLine;
    const last = events[events.length - 1] as StoredEvent;
    return { version: first.version, events, metadata: versionMetadataOfV1(first.metadata), head: last.hash, firstLine: this.v1First, lastLine };
  }
}

/** A store's versions as the records of their lines, in the order serializeVersions writes them. */
function* recordsOf(versions: Iterable<CommittedVersion>): Generator<unknown> {
  for (const version of versions) {
    for (const { format, seq, version: number, type, data, metadata, prev, hash } of version.events)
      yield format === undefined ? { seq, version: number, type, data, metadata, prev, hash } : { format, seq, version: number, type, data, prev, hash };
    if (version.commit) yield version.commit;
  }
}
