import type { LogText } from "./lines.js";
import { type PlanEvent, type PlanState, type Result, initialState, replay } from "@rapk/core";
import type { CommitRecord } from "./commit.js";
import type { LogError } from "./logError.js";
import { GENESIS_HASH, type StoredEvent } from "./storedEvent.js";
import { VersionReader } from "./versionReader.js";

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
 * Reads a log as parseLog does (the same VersionReader, the first bad line named) and folds each committed version into the plan as soon as it is complete, keeping only
 * the plan: the way to a log's head when its events are not wanted. A million-line log then holds
 * one version's events at a time instead of all of them, and the plan is folded in one draft and
 * frozen once (a state per version would freeze every entry a version touched). Like parseLog it
 * does not check the hash chain or the invariants (verifyLog does), and leaves an uncommitted tail out.
 * `onVersion` is told of each version once it is folded.
 */
export function foldLog(text: LogText, from: PlanState = initialState(), onVersion?: OnFoldedVersion): Result<FoldedLog, LogError> {
  const reader = new VersionReader(text);
  let events = 0;
  let versions = 0;
  let head = GENESIS_HASH;
  // The line of the event last handed to the fold: the one named when it cannot apply.
  let line = 0;
  // The committed versions' events, in order, as the lines are read; then the events before a
  // bad line, so that one of them that cannot apply is named first, as the earlier line.
  function* committed(): Generator<PlanEvent> {
    for (let version = reader.next(); version !== undefined; version = reader.next()) {
      const batch = version.events;
      for (let i = 0; i < batch.length; i++) {
        line = version.firstLine + i;
        yield batch[i] as PlanEvent;
      }
      onVersion?.(batch, version.commit);
      events += batch.length;
      versions += 1;
      head = version.head;
    }
    const { error, open, committedLines } = reader.end;
    if (!error) return;
    for (let i = 0; i < open.length; i++) {
      line = committedLines + 1 + i;
      yield open[i] as PlanEvent;
    }
  }
  // Every event was validated against its schema by the line reader: not checked again.
  const folded = replay(committed(), from, { checked: true });
  if (!folded.ok) return { ok: false, error: { line, code: folded.error.code, message: folded.error.message } };
  const failure = reader.end.error;
  if (failure) return { ok: false, error: failure };
  return { ok: true, value: { state: folded.value, events, versions, head } };
}
