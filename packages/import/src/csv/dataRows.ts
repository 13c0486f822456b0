import { type ErrorCode, MONTHS, monthCode } from "@rapk/core";
import { failAt } from "../failure.js";
import type { SourcedCommand } from "../plan/sourced.js";
import type { CsvRow } from "./parseCsv.js";
import type { CsvLocale } from "./columns.js";
import { type CsvRecord, readRecord } from "./readRecords.js";

/** The first column in which two writings of the same thing differ. */
function firstDifference(a: Record<string, unknown>, b: Record<string, unknown>): string | undefined {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return `${key}: ${JSON.stringify(a[key])} vs ${JSON.stringify(b[key])}`;
  return undefined;
}

/** Keeps the first writing of each id and refuses a later one that differs. */
function once<T extends object>(seen: Map<string, { value: T; line: number }>, id: string, value: T, line: number, code: ErrorCode, what: string): boolean {
  const earlier = seen.get(id);
  if (!earlier) {
    seen.set(id, { value, line });
    return true;
  }
  const difference = firstDifference(earlier.value as Record<string, unknown>, value as Record<string, unknown>);
  if (difference)
    failAt(code, line, `${what} is written differently on lines ${earlier.line} and ${line} (${difference}); repeat it exactly on each of its rows`);
  return false;
}

function targetsRecord(targets: readonly (number | null)[]): Record<string, number | null> {
  return Object.fromEntries(MONTHS.map((m) => [monthCode(m), targets[m - 1] ?? null]));
}

/** The data rows' commands: objectives and indicators, then budget lines (each with what rows of no indicator give it), then contributions, each kind in row order. */
export function dataRows(rows: readonly CsvRow[], header: CsvRow, columns: ReadonlyMap<string, number>, locale: CsvLocale = "en"): SourcedCommand[] {
  const objectives = new Map<string, { value: object; line: number }>();
  const indicators = new Map<string, { value: object; line: number }>();
  const lines = new Map<string, { value: object; line: number }>();
  const pairs = new Map<string, number>();
  const structure: SourcedCommand[] = [];
  const budget: { line: number; id: string; data: Omit<NonNullable<CsvRecord["budgetLine"]>, "id"> }[] = [];
  const attribution: SourcedCommand[] = [];
  const unattributed = new Map<string, number>();
  for (const row of rows) {
    // Spreadsheets sometimes pad rows with empty cells; only cells that hold something count.
    const extra = row.cells.slice(header.cells.length);
    if (row.cells.length < header.cells.length || extra.some((c) => c.trim() !== ""))
      failAt("SHIFTED_COLUMNS", row.line, `the row has ${row.cells.length} cells but the header (line ${header.line}) has ${header.cells.length}: a column is missing or shifted`);
    const record: CsvRecord = readRecord(row, columns, locale);
    const { objective, indicator, budgetLine, contribution } = record;
    if (objective && once(objectives, objective.code, objective, row.line, "DUPLICATE_OBJECTIVE", `objective ${objective.code}`))
      structure.push({ line: row.line, command: { type: "defineObjective", data: objective } });
    if (indicator) {
      const { id, targets, statedBudget, ...definition } = indicator;
      if (once(indicators, id, { ...definition, ...targetsRecord(targets), statedBudget }, row.line, "DUPLICATE_INDICATOR", `indicator ${id}`)) {
        structure.push({ line: row.line, command: { type: "defineIndicator", data: definition } });
        structure.push({ line: row.line, command: { type: "setTargets", data: { indicator: id, values: [...targets] } } });
        if (statedBudget !== undefined) structure.push({ line: row.line, command: { type: "stateIndicatorBudget", data: { indicator: id, amount: statedBudget } } });
      }
    }
    if (budgetLine) {
      const { id, ...data } = budgetLine;
      if (once(lines, id, data, row.line, "DUPLICATE_LINE", `budget line ${id}`)) budget.push({ line: row.line, id, data });
    }
    if (!indicator && budgetLine && contribution !== undefined) unattributed.set(budgetLine.id, (unattributed.get(budgetLine.id) ?? 0) + contribution);
    if (indicator && budgetLine && contribution !== undefined) {
      const pair = `${indicator.id} ${budgetLine.id}`;
      const earlier = pairs.get(pair);
      if (earlier !== undefined) failAt("DUPLICATE_CONTRIBUTION", row.line, `indicator ${indicator.id} draws on budget line ${budgetLine.id} twice, on lines ${earlier} and ${row.line}`);
      pairs.set(pair, row.line);
      if (contribution > 0)
        attribution.push({ line: row.line, command: { type: "allocateContribution", data: { indicator: indicator.id, line: budgetLine.id, amount: contribution } } });
    }
  }
  const registered = budget.map(({ line, id, data }): SourcedCommand => {
    const stated = unattributed.get(id);
    return { line, command: { type: "registerBudgetLine", data: stated === undefined ? data : { ...data, unattributed: stated } } };
  });
  return [...structure, ...registered, ...attribution];
}
