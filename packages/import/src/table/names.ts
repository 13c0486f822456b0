import { lineId } from "@rapk/core";
import { type Noticed, notice } from "../plan/noticed.js";
import { type Staged, staged } from "../plan/staged.js";
import type { BudgetEntry } from "./entries.js";
import { type BudgetNameRole, nameKey } from "./witnesses.js";

/**
 * One name per RO, per komponen and per budget line, however many rows write it. The name kept
 * is the first one written by a row that no page break cuts (or the first one, if every row is
 * at a page end). A row at a page end whose name is the start of that name was cut and lost its
 * continuation with a missing page (CELL_CUT); any other difference is a NAME_CONFLICT. Both are
 * reported with the name kept.
 */
export function resolveNames(entries: readonly BudgetEntry[], ends: ReadonlySet<BudgetEntry>): Staged<(key: string) => string> {
  const findings: Noticed[] = [];
  const byKey = new Map<string, BudgetEntry[]>();
  const roleOf = new Map<string, BudgetNameRole>();
  for (const entry of entries)
    for (const role of ["output", "component", "subComponent"] as const) {
      const key = nameKey(entry, role);
      const rows = byKey.get(key);
      if (rows) rows.push(entry);
      else byKey.set(key, [entry]);
      roleOf.set(key, role);
    }
  const kept = new Map<string, string>();
  for (const [key, rows] of byKey) {
    const role = roleOf.get(key) as BudgetNameRole;
    const source = rows.find((e) => !ends.has(e)) ?? (rows[0] as BudgetEntry);
    const name = source[role].name;
    kept.set(key, name);
    const reported = new Set<string>();
    for (const entry of rows) {
      const written = entry[role].name;
      if (written === name || reported.has(written)) continue;
      reported.add(written);
      const subject = lineId(entry.output.code, entry.component.code, entry.subComponent.code);
      const details = { column: role, code: key.slice(key.indexOf(" ") + 1), written, kept: name, from: source.line };
      findings.push(notice(ends.has(entry) && name.startsWith(`${written} `) ? "CELL_CUT" : "NAME_CONFLICT", entry.line, details, subject));
    }
  }
  return staged((key: string) => kept.get(key) as string, findings);
}
