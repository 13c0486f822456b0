import { CHANGE_KINDS, type Change, type ChangeKind, type DiffSummary } from "./change.js";

/** Changes per chunk: a chunk's backing store stays a regular young object (64 KiB). */
const CHUNK = 8192;

/**
 * The changes of a diff as they are found, in their final order, with their count by kind and
 * the Rupiah moved kept on the way, so the summary needs no second pass over 80,000 changes of
 * twenty shapes (reading `kind` across them is a megamorphic load). Changes are kept in chunks
 * and joined once at the end: a single array grown by push to 80,000 changes is copied into ever
 * larger backing stores in V8's large-object space, each freshly mapped, which on the benchmark
 * machine cost more than building the changes (packages/bench, diff of a year).
 */
export class ChangeList {
  /** The changes so far, in order: chunks of made changes and builders of the ones made later. */
  private readonly chunks: (Change[] | ((out: Change[]) => void))[] = [[]];
  private last: Change[] = this.chunks[0] as Change[];
  private size = 0;
  private readonly tally = new Map<ChangeKind, number>();
  private paguIncrease = 0;
  private paguDecrease = 0;

  /** Adds changes all of one kind, counting them. */
  addAll(kind: ChangeKind, changes: readonly Change[]): void {
    for (const change of changes) this.push(change);
    this.count(kind, changes.length);
  }

  /**
   * Adds `count` changes of `kind` that `build` makes only when the changes are read (toArray):
   * the big monthly sections (reports, spending) are counted without making an object per cell.
   * `build` must push exactly `count` changes of that kind, in order.
   */
  addLater(kind: ChangeKind, count: number, build: (out: Change[]) => void): void {
    if (count === 0) return;
    this.chunks.push(build, (this.last = []));
    this.size += count;
    this.count(kind, count);
  }

  /** Runs `fill`, which must add changes of `kind` only (through {@link push}), and counts them. */
  addRun(kind: ChangeKind, fill: (list: ChangeList) => void): void {
    const start = this.size;
    fill(this);
    this.count(kind, this.size - start);
  }

  /** Adds one change; only for {@link addRun}'s `fill`, which counts it. */
  push(change: Change): void {
    if (this.last.length === CHUNK) this.chunks.push((this.last = []));
    this.last.push(change);
    this.size += 1;
  }

  /** Records money put into budget lines (`amount` > 0) or taken from them (< 0). */
  movePagu(amount: number): void {
    if (amount > 0) this.paguIncrease += amount;
    else this.paguDecrease -= amount;
  }

  /** Every change, in order (the builders run now). */
  toArray(): Change[] {
    const out: Change[] = [];
    for (const chunk of this.chunks) {
      if (typeof chunk === "function") chunk(out);
      else for (const change of chunk) out.push(change);
    }
    return out;
  }

  /** Counts by kind in CHANGE_KINDS order and the Rupiah moved; see {@link DiffSummary}. */
  summary(): DiffSummary {
    const counts: Record<string, number> = {};
    for (const kind of CHANGE_KINDS) {
      const count = this.tally.get(kind);
      if (count) counts[kind] = count;
    }
    const { paguIncrease, paguDecrease } = this;
    return { counts, rupiahMoved: Math.max(paguIncrease, paguDecrease), paguIncrease, paguDecrease };
  }

  private count(kind: ChangeKind, count: number): void {
    if (count > 0) this.tally.set(kind, (this.tally.get(kind) ?? 0) + count);
  }
}
