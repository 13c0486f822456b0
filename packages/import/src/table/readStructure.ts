import { formatRupiah, lineId } from "@rapk/core";
import { failAt } from "../failure.js";
import { type Noticed, notice } from "../plan/noticed.js";
import { type Staged, after, staged } from "../plan/staged.js";
import type { BudgetEntry, Entry, IndicatorEntry } from "./entries.js";
import { budgetLines } from "./budgetLines.js";
import { type Placement, placeEntries } from "./placement.js";
import type { NumberStyle } from "../values/numberStyle.js";
import { readIndicator } from "./readIndicator.js";
import type { ReadContribution, ReadIndicator, ReadObjective, ReadStructure, ReadUnattributed } from "./structure.js";
import { pageEnds } from "./witnesses.js";

/**
 * The structure pass: objectives, indicators and budget rows in document order. Where each entry
 * goes is placeEntries' fold (placement.ts); this reads each placed entry in line order, refuses
 * what the table gives twice (the first such line stops the import), and gives each budget line
 * once with one name per code (budgetLines). A row placed with no indicator keeps its line and
 * is reported as UNATTRIBUTED_CONTRIBUTION, never attached to the indicator above.
 */
export function readStructure(entries: readonly Entry[], orphanLines: readonly number[], style?: NumberStyle): Staged<ReadStructure> {
  const objectives: ReadObjective[] = [];
  const objectiveLines = new Map<string, number>();
  const indicators = new Map<string, ReadIndicator>();
  const budgetRows: BudgetEntry[] = [];
  const contributions: ReadContribution[] = [];
  const unattributed: ReadUnattributed[] = [];
  const paguOf = new Map<string, { pagu: number; line: number }>();
  const pairs = new Map<string, number>();
  const findings: Noticed[] = [];

  const addIndicator = (objective: string, cells: IndicatorEntry["indicator"], line: number) => {
    const read = readIndicator(objective, cells, line, style);
    findings.push(...read.findings);
    const indicator = read.value;
    const earlier = indicators.get(indicator.id);
    if (earlier) failAt("DUPLICATE_INDICATOR", line, `indicator ${indicator.id} appears twice, on lines ${earlier.line} and ${line}`);
    indicators.set(indicator.id, indicator);
  };

  const addBudgetRow = (entry: BudgetEntry): string => {
    budgetRows.push(entry);
    const id = lineId(entry.output.code, entry.component.code, entry.subComponent.code);
    const known = paguOf.get(id);
    if (known && known.pagu !== entry.pagu)
      failAt("PAGU_CONFLICT", entry.line, `budget line ${id} has ANGGARAN (pagu) ${formatRupiah(entry.pagu)} here but ${formatRupiah(known.pagu)} on line ${known.line}`);
    if (!known) paguOf.set(id, { pagu: entry.pagu, line: entry.line });
    return id;
  };

  const read = (placed: Placement) => {
    const entry = placed.entry;
    switch (placed.kind) {
      case "objective": {
        const { objective, number, line, indicator } = placed.entry;
        const earlier = objectiveLines.get(objective.code);
        if (earlier !== undefined) failAt("DUPLICATE_OBJECTIVE", line, `objective ${objective.code} appears twice, on lines ${earlier} and ${line}`);
        objectives.push({ number, code: objective.code, name: objective.name, line });
        objectiveLines.set(objective.code, line);
        if (indicator) addIndicator(objective.code, indicator, line);
        return;
      }
      case "indicator":
        return addIndicator(placed.objective, placed.entry.indicator, entry.line);
      case "objectiveUnknown":
        findings.push(notice("INDICATOR_OBJECTIVE_UNKNOWN", entry.line, { indicator: placed.entry.indicator.code, name: placed.entry.indicator.name }));
        return;
      case "attributed": {
        const id = addBudgetRow(placed.entry);
        const pair = `${placed.indicator} ${id}`;
        const twice = pairs.get(pair);
        if (twice !== undefined) failAt("DUPLICATE_BUDGET_ROW", entry.line, `budget line ${id} appears twice under indicator ${placed.indicator}, on lines ${twice} and ${entry.line}`);
        pairs.set(pair, entry.line);
        if (placed.entry.contribution > 0) contributions.push({ indicator: placed.indicator, line: id, amount: placed.entry.contribution, row: entry.line });
        return;
      }
      case "unattributed": {
        const id = addBudgetRow(placed.entry);
        findings.push(notice("UNATTRIBUTED_CONTRIBUTION", entry.line, { row: placed.entry.number, amount: placed.entry.contribution, line: id }, id));
        unattributed.push({ line: id, amount: placed.entry.contribution, row: entry.line });
        return;
      }
    }
  };
  // A failure reports the findings of the lines above it.
  after(findings, () => {
    for (const placed of placeEntries(entries, orphanLines)) read(placed);
  });

  const lines = budgetLines(budgetRows, pageEnds(entries) as Set<BudgetEntry>);
  return staged({ objectives, indicators: [...indicators.values()], lines: lines.value, contributions, unattributed }, [...findings, ...lines.findings]);
}
