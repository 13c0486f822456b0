import type { Result } from "@rapk/core";
import { type CommittedVersion, versionMetadataOfV1 } from "./commit.js";
import { LineReader } from "./lineReader.js";
import { LineCursor } from "./lines.js";
import type { LogError } from "./logError.js";
import type { StoredEvent } from "./storedEvent.js";

/**
 * The end of a log after its last committed version that is not part of the log: event lines of a
 * version whose commit record was never written, and perhaps a last line cut short (`torn`), as a
 * crash in the middle of an append leaves them. `rapk repair` cuts it; `verify` names it.
 */
export interface UncommittedTail {
  readonly firstLine: number;
  readonly lastLine: number;
  /** The event lines of the uncommitted version (not counting a torn line). */
  readonly events: number;
  /** The version those events claim, when there is one. */
  readonly version?: number;
  /** Whether the last line is cut short (no line break, not JSON). */
  readonly torn: boolean;
}

/** A log as read: what its committed versions hold, and the tail after them, if any. */
export interface ParsedLog {
  /** The committed events, in order. */
  readonly events: StoredEvent[];
  /** The committed versions, in order (a v1 version counts as committed). */
  readonly versions: CommittedVersion[];
  /** The number of lines the committed versions fill (the tail, if any, starts after them). */
  readonly committedLines: number;
  readonly tail?: UncommittedTail;
}

/** The log, or its first bad line: core's Result, its error a LogError. */
export type ParseLogResult = Result<ParsedLog, LogError>;

/**
 * Reads an NDJSON event log, v1, v2 or v1 followed by v2, validating every line (see
 * LineReader); the first bad line is reported by number. An uncommitted tail (a version
 * without its commit record, a last line cut short) is not an error here: it is left out of the
 * events and described in `tail`, so a reader sees the log as it was last committed. It does not
 * check the hash chain or replay the plan: that is verifyLog.
 */
export function parseLog(text: string): ParseLogResult {
  const reader = new LineReader();
  const events: StoredEvent[] = [];
  const versions: CommittedVersion[] = [];
  let v1: StoredEvent[] = [];
  let committedLines = 0;
  const closeV1 = () => {
    if (v1.length === 0) return;
    const first = v1[0] as StoredEvent;
    versions.push({ version: first.version, events: v1, metadata: versionMetadataOfV1(first.metadata), head: (v1[v1.length - 1] as StoredEvent).hash });
    v1 = [];
  };
  const lines = new LineCursor(text);
  for (let line = lines.next(); line !== undefined; line = lines.next()) {
    const read = reader.read(line, lines.number, lines.foreign);
    if (!read.ok) {
      // A last line without a line break that does not parse: what a write cut short leaves.
      if (lines.unterminated && read.error.code === "INVALID_JSON") return withTail(events, versions, committedLines, reader.open(), lines.number, true);
      return { ok: false, error: read.error };
    }
    if (read.kind === "commit") {
      // A loop, not push(...): a version may hold more events than a call takes arguments.
      for (const event of read.events) events.push(event);
      versions.push({ version: read.commit.commit, events: read.events, metadata: read.commit.metadata, head: read.commit.hash, commit: read.commit });
      committedLines = lines.number;
    } else if (read.event.format === undefined) {
      if (read.startsVersion) closeV1();
      v1.push(read.event);
      events.push(read.event);
      committedLines = lines.number;
    } else closeV1();
  }
  closeV1();
  const open = reader.open();
  if (open.length > 0) return withTail(events, versions, committedLines, open, lines.number, false);
  return { ok: true, value: { events, versions, committedLines } };
}

function withTail(events: StoredEvent[], versions: CommittedVersion[], committedLines: number, open: readonly StoredEvent[], lastLine: number, torn: boolean): ParseLogResult {
  const version = open[0]?.version;
  const tail: UncommittedTail = { firstLine: committedLines + 1, lastLine, events: open.length, torn, ...(version === undefined ? {} : { version }) };
  return { ok: true, value: { events, versions, committedLines, tail } };
}
