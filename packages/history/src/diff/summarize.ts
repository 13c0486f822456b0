import { type Change, CHANGE_KINDS, type DiffSummary } from "./change.js";

/**
 * Counts the changes by kind and measures the money moved between budget lines: the pagu
 * increases and decreases over all lines (a line added or removed counts with its whole pagu),
 * and `rupiahMoved`, the larger of the two, so that Rp2.000.000 shifted from one line to another
 * is Rp2.000.000 moved, not Rp4.000.000 (docs/history.md, "Rupiah moved").
 */
export function summarize(changes: readonly Change[]): DiffSummary {
  const tally: Record<string, number> = {};
  let paguIncrease = 0;
  let paguDecrease = 0;
  for (const change of changes) {
    tally[change.kind] = (tally[change.kind] ?? 0) + 1;
    if (change.kind === "pagu-changed") {
      if (change.to > change.from) paguIncrease += change.to - change.from;
      else paguDecrease += change.from - change.to;
    } else if (change.kind === "line-added") paguIncrease += change.to.pagu;
    else if (change.kind === "line-removed") paguDecrease += change.from.pagu;
  }
  const counts: Record<string, number> = {};
  for (const kind of CHANGE_KINDS) if (tally[kind]) counts[kind] = tally[kind];
  return { counts, rupiahMoved: Math.max(paguIncrease, paguDecrease), paguIncrease, paguDecrease };
}
