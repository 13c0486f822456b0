import { type PlanEvent, type PlanState, type Result, initialState, replay } from "@rapk/core";
import type { CommitRecord } from "./commit.js";
import { LineReader } from "./lineReader.js";
import { LineCursor } from "./lines.js";
import type { LogError } from "./logError.js";
import { GENESIS_HASH, type StoredEvent } from "./storedEvent.js";

/** A log folded to its head: the plan after its last committed version, and what it counted on the way. */
export interface FoldedLog {
  readonly state: PlanState;
  readonly events: number;
  readonly versions: number;
  /** The last committed version's head (64 zeros for an empty log). */
  readonly head: string;
}

/**
 * Told of each committed version as it is folded: its events (whole, in order) and, for a v2
 * version, its commit record. What a caller keeps of them is its own choice: `rapk show` keeps
 * the versions that record an import and the last commit record, not the events.
 */
export type OnFoldedVersion = (events: readonly StoredEvent[], commit: CommitRecord | undefined) => void;

/**
 * Reads a log as parseLog does (every line checked by the same LineReader, the first bad one
 * named) and folds each committed version into the plan as soon as it is complete, keeping only
 * the plan: the way to a log's head when its events are not wanted. A million-line log then holds
 * one version's events at a time instead of all of them, and the plan is folded in one draft and
 * frozen once (a state per version would freeze every entry a version touched). Like parseLog it
 * does not check the hash chain or the invariants (verifyLog does), and leaves an uncommitted tail out.
 * `onVersion` is told of each version once it is folded.
 */
export function foldLog(text: string, from: PlanState = initialState(), onVersion?: OnFoldedVersion): Result<FoldedLog, LogError> {
  const reader = new LineReader();
  const lines = new LineCursor(text);
  let events = 0;
  let versions = 0;
  let head = GENESIS_HASH;
  let failure: LogError | undefined;
  // The line of the event last handed to the fold: the one named when it cannot apply.
  let line = 0;
  // A version's event lines are consecutive and end on `lastLine`: event i is on lastLine - count + 1 + i.
  function* version(batch: readonly StoredEvent[], lastLine: number, batchHead: string, commit?: CommitRecord): Generator<PlanEvent> {
    for (let i = 0; i < batch.length; i++) {
      line = lastLine - batch.length + 1 + i;
      yield batch[i] as PlanEvent;
    }
    onVersion?.(batch, commit);
    events += batch.length;
    versions += 1;
    head = batchHead;
  }
  // The committed versions' events, in order, as the lines are read; a bad line ends them (`failure`).
  function* committed(): Generator<PlanEvent> {
    // The v1 version being read: a v1 version ends where the next one starts.
    let v1: StoredEvent[] = [];
    let v1Head = GENESIS_HASH;
    for (let text = lines.next(); text !== undefined; text = lines.next()) {
      const read = reader.read(text, lines.number, lines.foreign);
      if (!read.ok) {
        if (v1.length > 0) yield* version(v1, lines.number - 1, v1Head);
        // A last line cut short ends the log where parseLog ends it: after the last committed version.
        if (!(lines.unterminated && read.error.code === "INVALID_JSON")) failure = read.error;
        return;
      }
      if (read.kind === "commit") yield* version(read.events, lines.number - 1, read.commit.hash, read.commit);
      else if (read.event.format !== undefined || read.startsVersion) {
        if (v1.length > 0) yield* version(v1, lines.number - 1, v1Head);
        v1 = [];
      }
      if (read.kind === "event" && read.event.format === undefined) {
        v1.push(read.event);
        v1Head = read.event.hash;
      }
    }
    if (v1.length > 0) yield* version(v1, lines.number, v1Head);
  }
  const folded = replay(committed(), from);
  if (!folded.ok) return { ok: false, error: { line, code: folded.error.code, message: folded.error.message } };
  if (failure) return { ok: false, error: failure };
  return { ok: true, value: { state: folded.value, events, versions, head } };
}
