import { formatMeasure, formatRupiah } from "@rapk/core";
import { type Change, type ChangeValueFormat, type PlanDiff, changeCells } from "@rapk/history";
import { renderTable } from "./table.js";

const value = (v: number | string | null, format: ChangeValueFormat, none: string): string =>
  v === null ? none : typeof v === "string" ? v : format === "rupiah" ? formatRupiah(v) : formatMeasure(v);

/** `old -> new`, with Rupiah the Indonesian way; nothing is `(none)`, a blank target cell `(blank)`. */
export function changeText(change: Change): string {
  const { format, before, after } = changeCells(change);
  const none = change.kind === "target-changed" ? "(blank)" : "(none)";
  return `${value(before, format, none)} -> ${value(after, format, none)}`;
}

/** The diff as a table (kind, subject, old -> new) and its summary: counts by kind and the Rupiah moved. */
export function renderDiff(diff: PlanDiff, label: string): string[] {
  const out = [label];
  if (diff.changes.length === 0) {
    out.push("no changes");
    return out;
  }
  const rows = diff.changes.map((change) => [change.kind, changeCells(change).subject, changeText(change)]);
  // One row a change, hundreds of thousands in a year of a big plan: spread into push they would overflow the stack.
  for (const line of renderTable([{ header: "KIND" }, { header: "SUBJECT" }, { header: "CHANGE" }], rows)) out.push(line);
  const counts = Object.entries(diff.summary.counts)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(", ");
  out.push("", `${diff.changes.length} changes (${counts}); Rupiah moved between lines: ${formatRupiah(diff.summary.rupiahMoved)}`);
  return out;
}
