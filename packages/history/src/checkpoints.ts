import { type PlanEvent, type PlanState, initialState } from "@rapk/core";
import { replayRange } from "./replayRange.js";

/**
 * The most events between two kept states inside one version, unless openHistory is told
 * otherwise. Only a version longer than this (a whole plan drafted in one batch, a national
 * month's reports) gets states inside it, made on the first question inside it; each costs a
 * copy of the records it touched. 256 on the agency's year (100,000 events): stateAtSeq p50
 * about 1.3 ms CPU, the history holding about 160 MiB once every version has been asked about
 * (docs/performance.md).
 */
export const DEFAULT_CHECKPOINT_INTERVAL = 256;

/**
 * Answers inside a version kept for a repeated question (a viewer asks for the same point twice).
 * Few on purpose: every answer holds copies of whole records, and answers kept long enough to
 * outlive a young-generation collection made the p99 of stateAtSeq twice as slow.
 */
const CACHE_SIZE = 2;

/**
 * The state after any prefix of a log, fast. The frozen state at the end of every version is
 * kept, so a version's state is a lookup; each is folded from the one before with core's plan
 * draft, which shares every entry the version did not touch (a year of 100,000 events keeps 41
 * states in tens of MiB). Inside a version longer than `interval` events a state is kept every
 * `interval` events too, made the first time a question falls inside that version (opening a log
 * for its head or its versions, as the CLI does, never pays for them); a question about a point
 * inside a version replays from the nearest kept state below it. The last few such answers are
 * cached, since a viewer asks for the same point again.
 */
export class Checkpoints {
  /** `states[i]` is the state after the first `ends[i]` events (the end of a version); `ends` rises from 0. */
  private readonly ends: number[] = [0];
  private readonly states: PlanState[];
  /** The states kept inside a long version, by the index of the state it starts from; made on first use. */
  private readonly inside = new Map<number, Checkpoints>();
  private readonly cache = new Map<number, PlanState>();
  readonly head: PlanState;

  /**
   * `versionEnds`: the number of events up to the end of each version, rising, the last being
   * `events.length`; `from` and `start`: the state the first version starts from, after `start` events;
   * `known`: the state after each version when a reading already folded them (none is replayed).
   */
  constructor(
    private readonly events: readonly PlanEvent[],
    versionEnds: readonly number[],
    readonly interval: number = DEFAULT_CHECKPOINT_INTERVAL,
    from: PlanState = initialState(),
    start = 0,
    known?: readonly PlanState[],
  ) {
    if (!Number.isInteger(interval) || interval < 1) throw new RangeError(`checkpoint interval must be a whole number >= 1, not ${interval}`);
    let state = from;
    this.ends[0] = start;
    this.states = [state];
    for (const [i, end] of versionEnds.entries()) {
      state = known?.[i] ?? replayRange(events, start, end, state);
      this.ends.push(end);
      this.states.push(state);
      start = end;
    }
    this.head = state;
  }

  /** The state after the first `count` events (0: before any), `count` in 0..events.length. */
  after(count: number): PlanState {
    const index = this.below(count);
    if (this.ends[index] === count) return this.states[index] as PlanState;
    const cached = this.cache.get(count);
    if (cached) return cached;
    const state = this.fold(index, count);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(count, state);
    return state;
  }

  /** The state after `count` events, from the kept state `index` (the last at or before it), through the version's own kept states when it is long. */
  private fold(index: number, count: number): PlanState {
    const start = this.ends[index] as number;
    const end = this.ends[index + 1] ?? count;
    if (end - start > this.interval) {
      const inner = this.within(index, start, end);
      const at = inner.below(count);
      return inner.ends[at] === count ? (inner.states[at] as PlanState) : inner.fold(at, count);
    }
    return replayRange(this.events, start, count, this.states[index] as PlanState);
  }

  /** The states kept every `interval` events inside the long version after `states[index]`. */
  private within(index: number, start: number, end: number): Checkpoints {
    let inner = this.inside.get(index);
    if (!inner) {
      // Up to the last stop before the version's end: from there a question replays what is left.
      const stops: number[] = [];
      for (let stop = start + this.interval; stop < end; stop += this.interval) stops.push(stop);
      inner = new Checkpoints(this.events, stops, this.interval, this.states[index], start);
      this.inside.set(index, inner);
    }
    return inner;
  }

  /** The index of the last kept state at or before `count` events (binary search). */
  private below(count: number): number {
    let low = 0;
    let high = this.ends.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((this.ends[mid] as number) <= count) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
