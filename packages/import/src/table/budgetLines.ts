import { lineId } from "@rapk/core";
import { type Staged, staged } from "../plan/staged.js";
import type { BudgetEntry } from "./entries.js";
import { resolveNames } from "./names.js";
import type { ReadLine } from "./structure.js";
import { nameKey } from "./witnesses.js";

/**
 * Each budget line once, where it first appears, with the one name resolveNames keeps for its RO,
 * komponen and sub komponen (and the CELL_CUT / NAME_CONFLICT findings that choice made).
 * `ends` are the rows at a page end, whose names a page break may have cut.
 */
export function budgetLines(rows: readonly BudgetEntry[], ends: ReadonlySet<BudgetEntry>): Staged<ReadLine[]> {
  const names = resolveNames(rows, ends);
  const nameOf = names.value;
  const lines = new Map<string, ReadLine>();
  for (const entry of rows) {
    const id = lineId(entry.output.code, entry.component.code, entry.subComponent.code);
    if (lines.has(id)) continue;
    lines.set(id, {
      id,
      output: { code: entry.output.code, name: nameOf(nameKey(entry, "output")) },
      component: { code: entry.component.code, name: nameOf(nameKey(entry, "component")) },
      subComponent: { code: entry.subComponent.code, name: nameOf(nameKey(entry, "subComponent")) },
      pagu: entry.pagu,
      line: entry.line,
    });
  }
  return staged([...lines.values()], names.findings);
}
