import { formatRupiah } from "@rapk/core";
import type { Finding } from "../types.js";
import type { ReadStructure } from "./structure.js";

/**
 * Every stated ANGGARAN is compared with the contributions the source attributes to the
 * indicator; a difference is reported with its amount (BUDGET_MISMATCH). The plan keeps only
 * the attributed contributions: an indicator's budget is their sum, never the stated figure.
 */
export function checkIndicatorBudgets(read: ReadStructure, findings: Finding[]): void {
  const sums = new Map<string, number>();
  for (const c of read.contributions) sums.set(c.indicator, (sums.get(c.indicator) ?? 0) + c.amount);
  for (const indicator of read.indicators) {
    const visible = sums.get(indicator.id) ?? 0;
    if (indicator.stated === null) continue;
    const difference = indicator.stated - visible;
    if (difference === 0) continue;
    const how =
      difference > 0
        ? `${formatRupiah(difference)} is not in the visible rows (they are on a missing page, or the source is wrong)`
        : `the rows exceed it by ${formatRupiah(-difference)}`;
    findings.push({
      code: "BUDGET_MISMATCH",
      line: indicator.line,
      subject: indicator.id,
      message: `indicator ${indicator.id} states ANGGARAN ${formatRupiah(indicator.stated)} but its budget rows add up to ${formatRupiah(visible)}: ${how}`,
    });
  }
}

/** Objectives' display numbers run 1., 2., 3., ...; a jump means objectives are on missing pages. */
export function checkObjectiveNumbers(read: ReadStructure, findings: Finding[]): void {
  let expected = 1;
  for (const objective of read.objectives) {
    if (objective.number > expected) {
      const missing = Array.from({ length: objective.number - expected }, (_, i) => `${expected + i}.`);
      findings.push({
        code: "MISSING_OBJECTIVES",
        line: objective.line,
        message: `objective display numbers jump to ${objective.number}.: objective${missing.length > 1 ? "s" : ""} ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not in the source (missing pages)`,
      });
    } else if (objective.number < expected)
      findings.push({
        code: "OBJECTIVE_NUMBER_OUT_OF_ORDER",
        line: objective.line,
        message: `objective ${objective.code} is numbered ${objective.number}. after ${expected - 1}.`,
      });
    expected = Math.max(expected, objective.number + 1);
  }
}

/**
 * A line's contributions, attributed or not, must fit its pagu. The unattributed ones are not in
 * the plan, so core cannot see an excess there: it is reported here.
 */
export function checkLineAllocations(read: ReadStructure, findings: Finding[]): void {
  const given = new Map<string, number>();
  for (const c of [...read.contributions, ...read.unattributed]) given.set(c.line, (given.get(c.line) ?? 0) + c.amount);
  const withUnattributed = new Set(read.unattributed.map((u) => u.line));
  for (const line of read.lines) {
    const total = given.get(line.id) ?? 0;
    if (total > line.pagu && withUnattributed.has(line.id))
      findings.push({
        code: "CONTRIBUTIONS_EXCEED_PAGU",
        line: line.line,
        subject: line.id,
        message: `the contributions written for budget line ${line.id}, attributed or not, add up to ${formatRupiah(total)}, over its pagu ${formatRupiah(line.pagu)} by ${formatRupiah(total - line.pagu)}`,
      });
  }
}

/** The budget lines should itemise the whole Total; what they leave out is on missing pages or unlisted. */
export function checkCeiling(read: ReadStructure, ceiling: number, line: number, findings: Finding[]): void {
  const itemised = read.lines.reduce((sum, l) => sum + l.pagu, 0);
  if (itemised < ceiling)
    findings.push({
      code: "LINES_BELOW_CEILING",
      line,
      message: `the budget lines in the source add up to ${formatRupiah(itemised)}, ${formatRupiah(ceiling - itemised)} below the Total ${formatRupiah(ceiling)}: the rest is on missing pages or not itemised`,
    });
}
