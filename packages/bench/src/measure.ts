/** Timing by hand: warm-up, several runs, the median; a full GC before each run when node has --expose-gc. */

const gc = (globalThis as { gc?: () => void }).gc;

export function collectGarbage(): void {
  gc?.();
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The nearest-rank percentile (p in 0..100) of the values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError("no values");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** Milliseconds one call takes (until its promise settles, for an async one). */
export async function time(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Milliseconds of each of `runs` calls after `warmup` unmeasured ones. */
export async function sample(run: () => unknown, options: { warmup: number; runs: number }): Promise<number[]> {
  for (let i = 0; i < options.warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    collectGarbage();
    times.push(await time(run));
  }
  return times;
}

export interface Paired {
  /** Median milliseconds of the baseline and of the subject. */
  readonly baseline: number;
  readonly subject: number;
  /** Median of subject / baseline over the rounds. */
  readonly ratio: number;
  readonly rounds: number;
}

/**
 * Times a baseline and a subject in alternation, round after round, and takes the median of the
 * per-round ratios: on a shared two-core machine the load drifts, and a ratio of two runs made
 * side by side drifts far less than either time.
 */
export async function paired(baseline: () => unknown, subject: () => unknown, options: { warmup: number; rounds: number }): Promise<Paired> {
  for (let i = 0; i < options.warmup; i++) {
    await baseline();
    await subject();
  }
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < options.rounds; i++) {
    collectGarbage();
    const first = await time(baseline);
    collectGarbage();
    const second = await time(subject);
    a.push(first);
    b.push(second);
    ratios.push(second / first);
  }
  return { baseline: median(a), subject: median(b), ratio: median(ratios), rounds: options.rounds };
}

/** Heap in use, in MiB, after a full GC. */
export function heapUsedMiB(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}
