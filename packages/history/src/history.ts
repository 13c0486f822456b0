import type { PlanState } from "@rapk/core";
import { Checkpoints, DEFAULT_CHECKPOINT_INTERVAL } from "./checkpoints.js";
import { HistoryError } from "./historyError.js";
import { instantOf, momentOf, offsetOf } from "./instant.js";
import type { StoredEvent } from "./storedEvent.js";
import type { VerifiedVersion } from "./verifyLog.js";
import { type Version, groupVersions, versionOf } from "./version.js";

/** The versions of a plan and its state at any of them or at any moment. */
export interface History {
  /** The events it was opened on. */
  readonly events: readonly StoredEvent[];
  /** Every version, `versions[n - 1]` being version n. */
  readonly versions: readonly Version[];
  /** The state after the last version. */
  readonly head: PlanState;
  /** The most events between kept states inside one version (the state after every version is kept). */
  readonly checkpointInterval: number;
  /** The state after version `version`; 0 is before anything (the initial state). Throws VERSION_OUT_OF_RANGE otherwise. */
  stateAt(version: number): PlanState;
  /** The state after the first `count` events (0..events.length), for a look inside a version. */
  stateAtSeq(count: number): PlanState;
  /**
   * The plan in force on a date: the last version that took effect (`effectiveAt`) at or before
   * the instant (0 when none did). A date (`2024-05-31`) means the end of that day and a
   * date-time without offset a wall-clock time, both in the offset of the log's first version.
   * Throws INVALID_INSTANT on anything else.
   */
  versionAt(isoDateOrDateTime: string): number;
  /** The plan as the log knew it at a time: the last version recorded (`recordedAt`) at or before the instant. */
  versionKnownAt(isoDateOrDateTime: string): number;
  /** `stateAt(versionAt(iso))`: the plan in force then. */
  stateAtTime(iso: string): PlanState;
}

export interface HistoryOptions {
  /**
   * The most events between kept states inside one long version (default 256); the state after
   * every version is kept whatever it is. Smaller makes `stateAtSeq` inside a long version faster
   * and keeps more.
   */
  readonly checkpointInterval?: number;
}

/**
 * Opens a parsed log (parseLog's events) for time travel. Replays it once, keeping the state after
 * every version (and every `checkpointInterval` events inside a longer version). Throws a HistoryError when the events are not in log order or one
 * cannot be applied (verifyLog says why, and where).
 */
export function openHistory(events: readonly StoredEvent[], options: HistoryOptions = {}): History {
  const versions = groupVersions(events);
  return historyOver(events, versions, new Checkpoints(events, versions.map((v) => v.lastSeq), options.checkpointInterval ?? DEFAULT_CHECKPOINT_INTERVAL));
}

/**
 * A history of versions already folded and verified (verifyLog's `onVersion` hands each over
 * with the plan after it): the reading that verified the log is the one that opens it, and
 * nothing is replayed (a look inside a long version replays from the state before it).
 */
export function historyOf(verified: readonly VerifiedVersion[], options: HistoryOptions = {}): History {
  const events: StoredEvent[] = [];
  const versions: Version[] = [];
  for (const version of verified) {
    for (const event of version.events) events.push(event);
    versions.push(versionOf(version.events));
  }
  const states = verified.map((version) => version.state);
  return historyOver(events, versions, new Checkpoints(events, versions.map((v) => v.lastSeq), options.checkpointInterval ?? DEFAULT_CHECKPOINT_INTERVAL, undefined, 0, states));
}

function historyOver(events: readonly StoredEvent[], versions: readonly Version[], checkpoints: Checkpoints): History {
  const dated = datedVersions(versions);

  function stateAt(version: number): PlanState {
    if (!Number.isInteger(version) || version < 0 || version > versions.length)
      throw new HistoryError("VERSION_OUT_OF_RANGE", `there is no version ${version}; the log has versions 0..${versions.length}`);
    return version === 0 ? checkpoints.after(0) : checkpoints.after((versions[version - 1] as Version).lastSeq);
  }

  function stateAtSeq(count: number): PlanState {
    if (!Number.isInteger(count) || count < 0 || count > events.length)
      throw new HistoryError("SEQ_OUT_OF_RANGE", `there is no event ${count}; the log has events 0..${events.length}`);
    return checkpoints.after(count);
  }

  return {
    events,
    versions,
    head: checkpoints.head,
    checkpointInterval: checkpoints.interval,
    stateAt,
    stateAtSeq,
    versionAt: dated.versionAt,
    versionKnownAt: dated.versionKnownAt,
    stateAtTime: (iso) => stateAt(dated.versionAt(iso)),
  };
}

/** The two questions of time a history answers from its versions' dates (see {@link History.versionAt}). */
export type DatedVersions = Pick<History, "versionAt" | "versionKnownAt">;

/**
 * {@link History.versionAt} and {@link History.versionKnownAt} over versions alone, for a reader
 * that holds the versions and their states but not the events (the viewer's page, given them by
 * its worker).
 */
export function datedVersions(versions: readonly Version[]): DatedVersions {
  // Both dates never decrease along the log (parseLog refuses otherwise): each is searched in order.
  const effective = Float64Array.from(versions, (v) => instantOf(v.effectiveAt));
  const recorded = Float64Array.from(versions, (v) => instantOf(v.recordedAt));
  const offset = versions[0] ? offsetOf(versions[0].effectiveAt) : "Z";
  function lastAtOrBefore(instants: Float64Array, iso: string): number {
    const moment = momentOf(iso, offset);
    if (!moment.ok) throw new HistoryError("INVALID_INSTANT", moment.message);
    let low = 0;
    let high = instants.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((instants[mid] as number) <= moment.instant) low = mid + 1;
      else high = mid;
    }
    return low;
  }
  return { versionAt: (iso) => lastAtOrBefore(effective, iso), versionKnownAt: (iso) => lastAtOrBefore(recorded, iso) };
}
