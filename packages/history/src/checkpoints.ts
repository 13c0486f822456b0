import { type PlanEvent, type PlanState, initialState } from "@rapk/core";
import { replayRange } from "./replayRange.js";

/**
 * The most events between two kept states inside one version, unless openHistory is told
 * otherwise. Only a version longer than this (a whole plan drafted in one batch, a national
 * month's reports) gets states inside it; each costs a copy of the records it touched. 256 on
 * the agency's year (100,000 events): stateAtSeq p50 about 1.2 ms CPU, the history holding
 * 96 MiB; 2,048 held 46 MiB but replayed up to 2,047 events per answer (docs/performance.md).
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
 * `interval` events too, and a question about a point inside a version replays from the nearest
 * kept state below it. The last few such answers are cached, since a viewer asks for neighbours.
 */
export class Checkpoints {
  /** `states[i]` is the state after the first `ends[i]` events; `ends` rises from 0. */
  private readonly ends: number[] = [0];
  private readonly states: PlanState[];
  private readonly cache = new Map<number, PlanState>();
  readonly head: PlanState;

  /** `versionEnds`: the number of events up to the end of each version, rising, the last being `events.length`. */
  constructor(
    private readonly events: readonly PlanEvent[],
    versionEnds: readonly number[],
    readonly interval: number = DEFAULT_CHECKPOINT_INTERVAL,
  ) {
    if (!Number.isInteger(interval) || interval < 1) throw new RangeError(`checkpoint interval must be a whole number >= 1, not ${interval}`);
    let state = initialState();
    this.states = [state];
    let start = 0;
    for (const end of versionEnds) {
      for (let stop = Math.min(start + interval, end); start < end; stop = Math.min(start + interval, end)) {
        state = replayRange(events, start, stop, state);
        this.ends.push(stop);
        this.states.push(state);
        start = stop;
      }
    }
    this.head = state;
  }

  /** The state after the first `count` events (0: before any), `count` in 0..events.length. */
  after(count: number): PlanState {
    const index = this.below(count);
    const start = this.ends[index] as number;
    const base = this.states[index] as PlanState;
    if (start === count) return base;
    const cached = this.cache.get(count);
    if (cached) return cached;
    const state = replayRange(this.events, start, count, base);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(count, state);
    return state;
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
