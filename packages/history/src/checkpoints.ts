import { type PlanEvent, type PlanState, initialState } from "@rapk/core";
import { replayRange } from "./replayRange.js";

/** How many events apart the kept states are, unless openHistory is told otherwise. */
export const DEFAULT_CHECKPOINT_INTERVAL = 64;

const CACHE_SIZE = 16;

/**
 * The state after any prefix of a log, fast: the frozen state after every `interval` events is
 * kept (immer's structural sharing makes each cost only what changed since the one before), and
 * a question is answered by replaying at most `interval - 1` events from the nearest one below,
 * in one draft. The last few answers are cached, since a version list asks for neighbours.
 */
export class Checkpoints {
  private readonly states: PlanState[];
  private readonly cache = new Map<number, PlanState>();
  readonly head: PlanState;

  constructor(
    private readonly events: readonly PlanEvent[],
    readonly interval: number = DEFAULT_CHECKPOINT_INTERVAL,
  ) {
    if (!Number.isInteger(interval) || interval < 1) throw new RangeError(`checkpoint interval must be a whole number >= 1, not ${interval}`);
    let state = initialState();
    this.states = [state];
    for (let end = interval; end <= events.length; end += interval) {
      state = replayRange(events, end - interval, end, state);
      this.states.push(state);
    }
    const kept = (this.states.length - 1) * interval;
    this.head = replayRange(events, kept, events.length, state);
  }

  /** The state after the first `count` events (0: before any). */
  after(count: number): PlanState {
    if (count === this.events.length) return this.head;
    const index = Math.floor(count / this.interval);
    const base = this.states[index] as PlanState;
    const start = index * this.interval;
    if (start === count) return base;
    const cached = this.cache.get(count);
    if (cached) return cached;
    const state = replayRange(this.events, start, count, base);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(count, state);
    return state;
  }
}
