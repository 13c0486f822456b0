import type { LogText } from "./lines.js";
import type { Result } from "@rapk/core";
import type { CommittedVersion } from "./commit.js";
import type { LogError } from "./logError.js";
import type { StoredEvent } from "./storedEvent.js";
import { VersionReader } from "./versionReader.js";

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
 * Reads an NDJSON event log (v1, v2, v3, an older format followed by a newer) into its committed
 * versions with the one reader (VersionReader), validating every line; the first bad line is
 * reported by number. An uncommitted tail (a version
 * without its commit record, a last line cut short) is not an error here: it is left out of the
 * events and described in `tail`, so a reader sees the log as it was last committed. It does not
 * check the hash chain or replay the plan: that is verifyLog.
 */
export function parseLog(text: LogText): ParseLogResult {
  const reader = new VersionReader(text);
  const events: StoredEvent[] = [];
  const versions: CommittedVersion[] = [];
  for (let version = reader.next(); version !== undefined; version = reader.next()) {
    // A loop, not push(...): a version may hold more events than a call takes arguments.
    for (const event of version.events) events.push(event);
    versions.push(version);
  }
  const { error, open, torn, committedLines, lines } = reader.end;
  if (error) return { ok: false, error };
  if (open.length === 0 && !torn) return { ok: true, value: { events, versions, committedLines } };
  const version = open[0]?.version;
  const tail: UncommittedTail = { firstLine: committedLines + 1, lastLine: lines, events: open.length, torn, ...(version === undefined ? {} : { version }) };
  return { ok: true, value: { events, versions, committedLines, tail } };
}
