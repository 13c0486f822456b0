import { type Noticed, notice } from "../plan/noticed.js";
import { type Staged, staged } from "../plan/staged.js";
import type { Total } from "./readPages.js";
import type { ReadStructure } from "./structure.js";

/**
 * Every stated ANGGARAN is compared with the contributions the source attributes to the
 * indicator; a difference is reported with its amount (BUDGET_MISMATCH). The plan keeps only
 * the attributed contributions: an indicator's budget is their sum, never the stated figure.
 */
export function checkIndicatorBudgets(read: ReadStructure): Noticed[] {
  const sums = new Map<string, number>();
  for (const c of read.contributions) sums.set(c.indicator, (sums.get(c.indicator) ?? 0) + c.amount);
  return read.indicators.flatMap((indicator) => {
    const visible = sums.get(indicator.id) ?? 0;
    if (indicator.stated === null || indicator.stated === visible) return [];
    return [notice("BUDGET_MISMATCH", indicator.line, { indicator: indicator.id, stated: indicator.stated, rows: visible }, indicator.id)];
  });
}

/** Objectives' display numbers run 1., 2., 3., ...; a jump means objectives are on missing pages. */
export function checkObjectiveNumbers(read: ReadStructure): Noticed[] {
  const findings: Noticed[] = [];
  let expected = 1;
  for (const objective of read.objectives) {
    if (objective.number > expected) {
      const missing = Array.from({ length: objective.number - expected }, (_, i) => expected + i);
      findings.push(notice("MISSING_OBJECTIVES", objective.line, { number: objective.number, missing }));
    } else if (objective.number < expected)
      findings.push(notice("OBJECTIVE_NUMBER_OUT_OF_ORDER", objective.line, { objective: objective.code, number: objective.number, after: expected - 1 }));
    expected = Math.max(expected, objective.number + 1);
  }
  return findings;
}

/**
 * A line's contributions, attributed or not, must fit its pagu. The unattributed ones are not in
 * the plan, so core cannot see an excess there: it is reported here.
 */
export function checkLineAllocations(read: ReadStructure): Noticed[] {
  const given = new Map<string, number>();
  for (const c of [...read.contributions, ...read.unattributed]) given.set(c.line, (given.get(c.line) ?? 0) + c.amount);
  const withUnattributed = new Set(read.unattributed.map((u) => u.line));
  return read.lines.flatMap((line) => {
    const total = given.get(line.id) ?? 0;
    return total > line.pagu && withUnattributed.has(line.id) ? [notice("CONTRIBUTIONS_EXCEED_PAGU", line.line, { line: line.id, total, pagu: line.pagu }, line.id)] : [];
  });
}

/** The budget lines should itemise the whole Total; what they leave out is on missing pages or unlisted. */
export function checkCeiling(read: ReadStructure, total: Total): Noticed[] {
  const itemised = read.lines.reduce((sum, l) => sum + l.pagu, 0);
  return itemised < total.ceiling ? [notice("LINES_BELOW_CEILING", total.line, { itemised, ceiling: total.ceiling })] : [];
}

/** The checks of the structure as read, against itself and the Total: findings only, in this order. */
export function checkStructure(read: ReadStructure, total: Total): Staged<void> {
  return staged(undefined, [...checkIndicatorBudgets(read), ...checkObjectiveNumbers(read), ...checkLineAllocations(read), ...checkCeiling(read, total)]);
}
