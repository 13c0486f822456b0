import { type ErrorCode, MONTHS, monthCode } from "@rapk/core";
import { failAt } from "../failure.js";
import { prepareText } from "../input/prepareText.js";
import { finish } from "../plan/finish.js";
import { guard } from "../plan/guard.js";
import type { SourcedCommand } from "../plan/sourced.js";
import { type Staged, pipeline, staged } from "../plan/staged.js";
import type { ImportResult, ImportSuccess } from "../types.js";
import { type Noticed, notice } from "../plan/noticed.js";
import { CSV_COLUMNS, OPTIONAL_COLUMNS } from "./columns.js";
import { type CsvRow, parseCsv } from "./parseCsv.js";
import { readKeyRows, readPlanValues, readSignatureValues } from "./readMetadata.js";
import { type CsvRecord, readRecord } from "./readRecords.js";

const blank = (row: CsvRow) => row.cells.every((c) => c.trim() === "");

/** The header row: column name -> index. Missing columns stop the import; unknown ones are ignored and reported. */
function readHeader(row: CsvRow): Staged<Map<string, number>> {
  const columns = new Map<string, number>();
  const findings: Noticed[] = [];
  row.cells.forEach((cell, index) => {
    const name = cell.trim();
    const known = CSV_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase());
    if (!known) {
      if (name !== "") findings.push(notice("UNKNOWN_COLUMN", row.line, { column: name }));
      return;
    }
    if (columns.has(known)) failAt("DUPLICATE_COLUMN", row.line, `the header names column ${known} twice`, findings);
    columns.set(known, index);
  });
  const missing = CSV_COLUMNS.filter((c) => !columns.has(c) && !OPTIONAL_COLUMNS.has(c));
  if (columns.size === 0) {
    const semicolons = (row.cells[0] ?? "").includes(";") ? "; this file separates cells with ; but the template uses ," : "";
    failAt("CSV_HEADER_MISSING", row.line, `expected the template's header (${CSV_COLUMNS.slice(0, 3).join(",")},...) after the #key rows${semicolons}`, findings);
  }
  if (missing.length > 0) failAt("MISSING_COLUMN", row.line, `the header lacks column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`, findings);
  return staged(columns, findings);
}

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

/** Imports the CSV template (docs/csv-template.md): one row per contribution, `#key,value` rows for the plan. */
export function importCsv(text: string): ImportResult {
  return guard(text, () => readCsv(prepareText(text)));
}

/**
 * The CSV importer's stages on prepared text, each giving its output and its findings: the
 * `#key` rows, the header, then the data rows. importCsv and importPlan guard it once.
 */
export function readCsv(prepared: string): Staged<ImportSuccess> {
  return pipeline((take) => {
    const rows = parseCsv(prepared).filter((row) => !blank(row));
    const headerAt = rows.findIndex((row) => !(row.cells[0] ?? "").trim().startsWith("#"));
    if (headerAt === -1) failAt("CSV_HEADER_MISSING", rows[rows.length - 1]?.line, "the file has #key rows but no header row and no data");
    const header = rows[headerAt] as CsvRow;
    const values = take(readKeyRows(rows.slice(0, headerAt)));
    const columns = take(readHeader(header));
    const plan = readPlanValues(values, header.line);
    const signature = readSignatureValues(values);
    const { line: planLine, statedTotal, ...draft } = plan;
    const stated: SourcedCommand[] = statedTotal === undefined ? [] : [{ line: values.get("stated_total")?.line ?? planLine, command: { type: "statePlanTotal", data: { amount: statedTotal } } }];
    const signed: SourcedCommand[] = signature ? [{ line: signature.line, command: { type: "signPlan", data: { place: signature.place, date: signature.date, title: signature.title, name: signature.name } } }] : [];
    const sourced: SourcedCommand[] = [{ line: planLine, command: { type: "draftPlan", data: draft } }, ...stated, ...dataRows(rows.slice(headerAt + 1), header, columns), ...signed];
    return finish(sourced, { ceilingLine: values.get("ceiling")?.line ?? planLine });
  });
}

/** The data rows' commands: objectives and indicators, then budget lines, then contributions, each kind in row order. */
function dataRows(rows: readonly CsvRow[], header: CsvRow, columns: ReadonlyMap<string, number>): SourcedCommand[] {
  const objectives = new Map<string, { value: object; line: number }>();
  const indicators = new Map<string, { value: object; line: number }>();
  const lines = new Map<string, { value: object; line: number }>();
  const pairs = new Map<string, number>();
  const structure: SourcedCommand[] = [];
  const budget: SourcedCommand[] = [];
  const attribution: SourcedCommand[] = [];
  for (const row of rows) {
    // Spreadsheets sometimes pad rows with empty cells; only cells that hold something count.
    const extra = row.cells.slice(header.cells.length);
    if (row.cells.length < header.cells.length || extra.some((c) => c.trim() !== ""))
      failAt("SHIFTED_COLUMNS", row.line, `the row has ${row.cells.length} cells but the header (line ${header.line}) has ${header.cells.length}: a column is missing or shifted`);
    const record: CsvRecord = readRecord(row, columns);
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
      if (once(lines, id, data, row.line, "DUPLICATE_LINE", `budget line ${id}`)) budget.push({ line: row.line, command: { type: "registerBudgetLine", data } });
    }
    if (indicator && budgetLine && contribution !== undefined) {
      const pair = `${indicator.id} ${budgetLine.id}`;
      const earlier = pairs.get(pair);
      if (earlier !== undefined) failAt("DUPLICATE_CONTRIBUTION", row.line, `indicator ${indicator.id} draws on budget line ${budgetLine.id} twice, on lines ${earlier} and ${row.line}`);
      pairs.set(pair, row.line);
      if (contribution > 0)
        attribution.push({ line: row.line, command: { type: "allocateContribution", data: { indicator: indicator.id, line: budgetLine.id, amount: contribution } } });
    }
  }
  return [...structure, ...budget, ...attribution];
}
