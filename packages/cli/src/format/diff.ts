import { formatRupiah, monthCode } from "@rapk/core";
import type { Change, PlanDiff } from "@rapk/history";
import { formatValue } from "./numbers.js";
import { renderTable } from "./table.js";

const NONE = "(none)";
const arrow = (from: string, to: string) => `${from} -> ${to}`;
const rupiah = (value: number | null) => (value === null ? NONE : formatRupiah(value));
const target = (value: number | null) => (value === null ? "(blank)" : formatValue(value));

/** What a change is about, as the document names it: `01.05`, `DR.3165.QIC.004.053.A`, `01.07 B03`. */
export function subjectOf(change: Change): string {
  switch (change.kind) {
    case "plan-changed":
      return "plan";
    case "ceiling-changed":
      return "Total";
    case "objective-added":
    case "objective-removed":
    case "objective-renamed":
    case "objective-renumbered":
      return change.objective;
    case "indicator-added":
    case "indicator-removed":
    case "indicator-renamed":
      return change.indicator;
    case "indicator-redefined":
      return `${change.indicator} ${change.field}`;
    case "target-changed":
    case "realisation-changed":
      return `${change.indicator} ${monthCode(change.month)}`;
    case "line-added":
    case "line-removed":
    case "pagu-changed":
      return change.line;
    case "line-renamed":
      return `${change.line} ${change.part}`;
    case "contribution-changed":
      return `${change.indicator} <- ${change.line}`;
    case "spending-changed":
      return `${change.line} ${monthCode(change.month)}`;
    case "signature-changed":
      return "signature";
  }
}

/** `old -> new`, with Rupiah the Indonesian way and blanks written as such. */
export function changeText(change: Change): string {
  switch (change.kind) {
    case "plan-changed": {
      const header = (p: typeof change.from) => (p === null ? NONE : `${p.unit}, ${p.year}`);
      return arrow(header(change.from), header(change.to));
    }
    case "ceiling-changed":
    case "pagu-changed":
    case "contribution-changed":
    case "spending-changed":
      return arrow(rupiah(change.from), rupiah(change.to));
    case "objective-added":
    case "indicator-added":
      return arrow(NONE, change.to.name);
    case "objective-removed":
    case "indicator-removed":
      return arrow(change.from.name, NONE);
    case "objective-renamed":
    case "indicator-renamed":
    case "indicator-redefined":
    case "line-renamed":
      return arrow(change.from, change.to);
    case "objective-renumbered":
      return arrow(change.from === null ? NONE : `${change.from}.`, change.to === null ? NONE : `${change.to}.`);
    case "target-changed":
      return arrow(target(change.from), target(change.to));
    case "line-added":
      return arrow(NONE, `pagu ${formatRupiah(change.to.pagu)}`);
    case "line-removed":
      return arrow(`pagu ${formatRupiah(change.from.pagu)}`, NONE);
    case "realisation-changed":
      return arrow(change.from === null ? NONE : formatValue(change.from.value), change.to === null ? NONE : formatValue(change.to.value));
    case "signature-changed": {
      const signed = (s: typeof change.from) => (s === null ? NONE : `${s.place}, ${s.date}${s.name ? `, ${s.name}` : ""}`);
      return arrow(signed(change.from), signed(change.to));
    }
  }
}

/** The diff as a table (kind, subject, old -> new) and its summary: counts by kind and the Rupiah moved. */
export function renderDiff(diff: PlanDiff, label: string): string[] {
  const out = [label];
  if (diff.changes.length === 0) {
    out.push("no changes");
    return out;
  }
  const rows = diff.changes.map((change) => [change.kind, subjectOf(change), changeText(change)]);
  out.push(...renderTable([{ header: "KIND" }, { header: "SUBJECT" }, { header: "CHANGE" }], rows));
  const counts = Object.entries(diff.summary.counts)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(", ");
  out.push("", `${diff.changes.length} changes (${counts}); Rupiah moved between lines: ${formatRupiah(diff.summary.rupiahMoved)}`);
  return out;
}
