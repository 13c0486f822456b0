import { lineId } from "@rapk/core";
import type { BudgetEntry, Entry } from "./entries.js";

/** Which name of a budget row: the RO's, the komponen's or the sub komponen's. */
export type BudgetNameRole = "output" | "component" | "subComponent";

/** The key that names the same thing wherever it appears: an RO code, RO + komponen, or the line id. */
export function nameKey(entry: BudgetEntry, role: BudgetNameRole): string {
  const { output, component, subComponent } = entry;
  if (role === "output") return `RO ${output.code}`;
  if (role === "component") return `komponen ${output.code}.${component.code}`;
  return `sub komponen ${lineId(output.code, component.code, subComponent.code)}`;
}

/**
 * Whether each entry is the last data row of a page that is followed by another page: only
 * such a row can have a cell cut by a page break.
 */
export function pageEnds(entries: readonly Entry[]): Set<Entry> {
  const ends = new Set<Entry>();
  entries.forEach((entry, i) => {
    const next = entries[i + 1];
    if (next && next.page !== entry.page) ends.add(entry);
  });
  return ends;
}

/**
 * The entries whose cells may be cut: the last data row of a page that is followed by another
 * page (a page break may cut it), and a row followed by text on a line of its own (its name may
 * have wrapped there). `fragmentLines` are the lines of that text, in line order.
 */
export function mayBeCut(entries: readonly Entry[], fragmentLines: readonly number[]): Set<Entry> {
  const cut = pageEnds(entries);
  let fragment = 0;
  entries.forEach((entry, i) => {
    const next = entries[i + 1];
    while (fragment < fragmentLines.length && (fragmentLines[fragment] as number) < entry.line) fragment++;
    const following = fragmentLines[fragment];
    if (following !== undefined && (!next || following < next.line)) cut.add(entry);
  });
  return cut;
}

/**
 * Names written whole: for each key, the names that rows which may not be cut (mayBeCut) give it,
 * with the first line that writes each. A cell that equals one of them was not cut.
 */
export function wholeNames(entries: readonly Entry[], ends: ReadonlySet<Entry>): Map<string, Map<string, number>> {
  const whole = new Map<string, Map<string, number>>();
  for (const entry of entries) {
    if (entry.kind !== "budget" || ends.has(entry)) continue;
    for (const role of ["output", "component", "subComponent"] as const) {
      const names = whole.get(nameKey(entry, role)) ?? new Map<string, number>();
      if (!names.has(entry[role].name)) names.set(entry[role].name, entry.line);
      whole.set(nameKey(entry, role), names);
    }
  }
  return whole;
}
