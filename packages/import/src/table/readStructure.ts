import { formatRupiah, indicatorId, lineId, monthCode } from "@rapk/core";
import { failAt } from "../failure.js";
import { type Noticed, notice } from "../plan/noticed.js";
import { readAmount } from "../values/amount.js";
import { unitFromName } from "../values/indicatorUnit.js";
import { readTarget } from "../values/target.js";
import { shapeOf } from "../values/targetShape.js";
import type { BudgetEntry, Entry, IndicatorEntry } from "./entries.js";
import { resolveNames } from "./names.js";
import type { ReadContribution, ReadIndicator, ReadLine, ReadObjective, ReadStructure, ReadUnattributed } from "./structure.js";
import { nameKey, pageEnds } from "./witnesses.js";

const quote = (text: string) => JSON.stringify(text);

/** Where budget rows go: to an indicator, or (after a gap in the numbering) to one not in the source. */
type Context =
  | { readonly kind: "none" }
  | { readonly kind: "indicator"; readonly id: string; readonly line: number; last: number }
  | { readonly kind: "unknown"; last: number };

function readIndicator(objective: string, cells: IndicatorEntry["indicator"], line: number, findings: Noticed[]): ReadIndicator {
  const id = indicatorId(objective, cells.code);
  const targets = cells.targets.map((cell, i) => {
    const read = readTarget(cell.text);
    if (!read.ok) failAt("BAD_TARGET", line, `target ${monthCode(i + 1)} of indicator ${id} (column ${cell.col + 1}) ${quote(cell.text)} ${read.why}`);
    if (read.value === null)
      findings.push(notice("BLANK_TARGET", line, { indicator: id, month: i + 1 }, id));
    return read.value;
  });
  // A blank ANGGARAN cell states nothing (null), which is not Rp0.
  const stated = cells.budget.text.trim() === "" ? ({ ok: true, value: null } as const) : readAmount(cells.budget.text);
  if (!stated.ok) failAt("BAD_AMOUNT", line, `ANGGARAN of indicator ${id} (column ${cells.budget.col + 1}) ${quote(cells.budget.text)} ${stated.why}`);
  const unit = unitFromName(cells.name);
  if (!unit)
    failAt("UNIT_UNKNOWN", line, `the unit of indicator ${id} cannot be told from its name ${quote(cells.name)}: it should start with Persentase, Tingkat, Indeks or Nilai (the CSV template states units explicitly)`);
  return { id, objective, code: cells.code, name: cells.name, unit, shape: shapeOf(targets), targets, stated: stated.value, line };
}

/**
 * The structure pass: objectives, indicators and budget rows in document order. A budget row
 * belongs to the indicator above only when its number follows on (1. first, then 2., ...); a row
 * whose number restarts or jumps belongs to an indicator on a missing page, so its line is kept
 * and its contribution reported as UNATTRIBUTED_CONTRIBUTION, never attached to the indicator above.
 */
export function readStructure(entries: readonly Entry[], orphanLines: readonly number[], findings: Noticed[]): ReadStructure {
  const objectives: ReadObjective[] = [];
  const objectiveLines = new Map<string, number>();
  const indicators = new Map<string, ReadIndicator>();
  const budgetRows: BudgetEntry[] = [];
  const contributions: ReadContribution[] = [];
  const unattributed: ReadUnattributed[] = [];
  const paguOf = new Map<string, { pagu: number; line: number }>();
  const pairs = new Map<string, number>();
  let objective: ReadObjective | undefined;
  let lastIndicatorCode = "";
  let gapSinceObjective = false;
  let context: Context = { kind: "none" };
  let orphanAt = 0;

  const addIndicator = (objectiveCode: string, cells: IndicatorEntry["indicator"], line: number): Context => {
    const indicator = readIndicator(objectiveCode, cells, line, findings);
    const earlier = indicators.get(indicator.id);
    if (earlier) failAt("DUPLICATE_INDICATOR", line, `indicator ${indicator.id} appears twice, on lines ${earlier.line} and ${line}`);
    indicators.set(indicator.id, indicator);
    lastIndicatorCode = indicator.code;
    return { kind: "indicator", id: indicator.id, line, last: 0 };
  };

  for (const entry of entries) {
    // Orphans and entries are both in line order: step past the orphans above this entry.
    while (orphanAt < orphanLines.length && (orphanLines[orphanAt] as number) < entry.line) {
      gapSinceObjective = true;
      orphanAt++;
    }
    if (entry.kind === "objective") {
      const earlier = objectiveLines.get(entry.objective.code);
      if (earlier !== undefined) failAt("DUPLICATE_OBJECTIVE", entry.line, `objective ${entry.objective.code} appears twice, on lines ${earlier} and ${entry.line}`);
      objective = { number: entry.number, code: entry.objective.code, name: entry.objective.name, line: entry.line };
      objectives.push(objective);
      objectiveLines.set(objective.code, entry.line);
      lastIndicatorCode = "";
      gapSinceObjective = false;
      context = entry.indicator ? addIndicator(objective.code, entry.indicator, entry.line) : { kind: "none" };
    } else if (entry.kind === "indicator") {
      // After a missing page, an indicator code that does not rise shows that an objective row
      // was lost with the page: which objective it belongs to is unknown.
      if (!objective || (gapSinceObjective && entry.indicator.code <= lastIndicatorCode)) {
        findings.push(notice("INDICATOR_OBJECTIVE_UNKNOWN", entry.line, { indicator: entry.indicator.code, name: entry.indicator.name }));
        // Until the next objective row, every indicator belongs to the objective that was lost.
        objective = undefined;
        context = { kind: "unknown", last: 0 };
      } else context = addIndicator(objective.code, entry.indicator, entry.line);
    } else {
      budgetRows.push(entry);
      const id = lineId(entry.output.code, entry.component.code, entry.subComponent.code);
      const known = paguOf.get(id);
      if (known && known.pagu !== entry.pagu)
        failAt("PAGU_CONFLICT", entry.line, `budget line ${id} has ANGGARAN (pagu) ${formatRupiah(entry.pagu)} here but ${formatRupiah(known.pagu)} on line ${known.line}`);
      if (!known) paguOf.set(id, { pagu: entry.pagu, line: entry.line });
      if (context.kind === "indicator" && entry.number === context.last + 1) {
        const pair = `${context.id} ${id}`;
        const twice = pairs.get(pair);
        if (twice !== undefined) failAt("DUPLICATE_BUDGET_ROW", entry.line, `budget line ${id} appears twice under indicator ${context.id}, on lines ${twice} and ${entry.line}`);
        pairs.set(pair, entry.line);
        context.last = entry.number;
        if (entry.contribution > 0) contributions.push({ indicator: context.id, line: id, amount: entry.contribution, row: entry.line });
        continue;
      }
      // Its numbering does not follow the indicator above it (or none is above): its own indicator is on a missing page.
      findings.push(notice("UNATTRIBUTED_CONTRIBUTION", entry.line, { row: entry.number, amount: entry.contribution, line: id }, id));
      unattributed.push({ line: id, amount: entry.contribution, row: entry.line });
      context = { kind: "unknown", last: entry.number };
    }
  }

  const ends = pageEnds(entries) as Set<BudgetEntry>;
  const nameOf = resolveNames(budgetRows, ends, findings);
  const lines = new Map<string, ReadLine>();
  for (const entry of budgetRows) {
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
  return { objectives, indicators: [...indicators.values()], lines: [...lines.values()], contributions, unattributed };
}
