import { formatRupiah } from "@rapk/core";
import type { Change, PlanDiff } from "./change.js";

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * A one-line account of a diff for a version list, e.g. "pagu of 2 lines changed,
 * 2 contributions changed, Rp2.000.000 moved" or "28 realisations reported".
 */
export function describeDiff(diff: PlanDiff): string {
  const { changes, summary } = diff;
  if (changes.length === 0) return "no change";
  const count = (test: (c: Change) => boolean) => changes.reduce((n, c) => (test(c) ? n + 1 : n), 0);
  const of = (kind: Change["kind"]) => summary.counts[kind] ?? 0;
  const parts: string[] = [];
  const add = (n: number, text: (n: number) => string) => {
    if (n > 0) parts.push(text(n));
  };

  for (const change of changes) {
    if (change.kind === "plan-changed") parts.push(change.from === null ? "plan drafted" : change.to === null ? "plan removed" : "plan details changed");
    else if (change.kind === "ceiling-changed") parts.push(`ceiling ${formatRupiah(change.from)} to ${formatRupiah(change.to)}`);
    else break;
  }
  add(of("objective-added"), (n) => `${plural(n, "objective")} added`);
  add(of("objective-removed"), (n) => `${plural(n, "objective")} removed`);
  add(of("objective-renamed"), (n) => `${plural(n, "objective")} renamed`);
  add(of("objective-renumbered"), (n) => `${plural(n, "objective")} renumbered`);
  add(of("indicator-added"), (n) => `${plural(n, "indicator")} added`);
  add(of("indicator-removed"), (n) => `${plural(n, "indicator")} removed`);
  add(of("indicator-renamed"), (n) => `${plural(n, "indicator")} renamed`);
  add(of("indicator-redefined"), (n) => `${plural(n, "indicator")} redefined`);
  add(of("target-changed"), (n) => `${plural(n, "target")} changed`);
  add(of("line-added"), (n) => `${plural(n, "budget line")} added`);
  add(of("line-removed"), (n) => `${plural(n, "budget line")} removed`);
  add(of("line-renamed"), (n) => `${plural(n, "budget line name")} changed`);
  add(of("pagu-changed"), (n) => `pagu of ${plural(n, "line")} changed`);
  add(of("contribution-changed"), (n) => `${plural(n, "contribution")} changed`);
  add(count((c) => c.kind === "realisation-changed" && c.to !== null), (n) => `${plural(n, "realisation")} reported`);
  add(count((c) => c.kind === "realisation-changed" && c.to === null), (n) => `${plural(n, "realisation")} removed`);
  add(count((c) => c.kind === "spending-changed" && c.to !== null), (n) => `${plural(n, "spending report")}`);
  add(count((c) => c.kind === "spending-changed" && c.to === null), (n) => `${plural(n, "spending report")} removed`);
  const signature = changes.find((c) => c.kind === "signature-changed");
  if (signature?.kind === "signature-changed")
    parts.push(signature.from === null ? "plan signed" : signature.to === null ? "signature removed" : "plan signed again");

  const { paguIncrease, paguDecrease, rupiahMoved } = summary;
  if (paguIncrease > 0 && paguDecrease > 0) parts.push(`${formatRupiah(rupiahMoved)} moved`);
  else if (paguIncrease > 0) parts.push(`${formatRupiah(paguIncrease)} added to budget lines`);
  else if (paguDecrease > 0) parts.push(`${formatRupiah(paguDecrease)} taken from budget lines`);
  return parts.join(", ");
}
