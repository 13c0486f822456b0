import { type BudgetLine, type Indicator, MONTHS, type PlanState, documentOrder } from "@rapk/core";
import Papa from "papaparse";
import { CSV_COLUMNS, CSV_VERSION, type CsvLocale, csvDelimiter } from "./columns.js";
import { spreadsheetText } from "@rapk/core";

const blankIndicator = (): string[] => ["", "", "", "", "", ...MONTHS.map(() => ""), ""];
const blankLine = (): string[] => ["", "", "", "", "", "", ""];

function indicatorCells(indicator: Indicator, locale: CsvLocale): string[] {
  const { code, name, unit, direction, shape, targets, statedBudget } = indicator;
  const target = (t: number) => (locale === "id" ? String(t).replace(".", ",") : String(t));
  return [code, name, unit, direction, shape, ...targets.map((t) => (t === null ? "" : target(t))), statedBudget === undefined ? "" : String(statedBudget)];
}

function lineCells(line: BudgetLine): string[] {
  const { output, component, subComponent, pagu } = line;
  return [output.code, output.name, component.code, component.name, subComponent.code, subComponent.name, String(pagu)];
}

/**
 * Writes a plan as the CSV template (docs/csv-template.md): the `#key,value` rows, the header,
 * then one row per contribution in the document's order (core's documentOrder; each indicator's
 * budget rows as allocated), a row for each indicator without one and for each objective without
 * indicators, and a row of its own for a budget line that no row before names by the time a line
 * registered after it comes. Importing the result gives the same plan, in the same order. Realisation and spending reports are not part of the template.
 * `locale` `id` writes it for Indonesian Excel: `;` between cells, targets with a decimal comma
 * (amounts are whole Rupiah, written as plain digits either way); importCsv tells it by its first row.
 */
export function exportCsv(state: PlanState, options: { readonly locale?: CsvLocale } = {}): string {
  const locale = options.locale ?? "en";
  const rows: string[][] = [["#rapk_csv", CSV_VERSION]];
  const { plan, signature } = state;
  if (plan) {
    if (plan.title !== undefined) rows.push(["#title", plan.title]);
    rows.push(["#unit", plan.unit], ["#agency", plan.agency], ["#year", String(plan.year)], ["#ceiling", String(plan.ceiling)]);
    if (plan.statedTotal !== undefined) rows.push(["#stated_total", String(plan.statedTotal)]);
  }
  if (signature) {
    rows.push(["#signed_place", signature.place], ["#signed_date", signature.date], ["#signatory_title", signature.title]);
    if (signature.name !== null) rows.push(["#signatory_name", signature.name]);
  }
  rows.push([...CSV_COLUMNS]);

  // A line gets its own row (no indicator) just before the first row that names a line registered
  // after it, so that importing the rows registers the lines in the order they were registered:
  // the seed's unattributed rows come back where the paper prints them.
  const lines = Object.values(state.lines);
  const written = new Set<string>();
  let next = 0;
  // A line's own row carries what the document attributes to no indicator; a line with such an
  // amount gets one even where an indicator's row names it first.
  const stated = new Set<string>();
  const lineRow = (line: BudgetLine) => {
    stated.add(line.id);
    rows.push(["", "", "", ...blankIndicator(), ...lineCells(line), line.unattributed === undefined ? "" : String(line.unattributed)]);
  };
  const writeLinesUpTo = (id: string) => {
    if (written.has(id)) return;
    for (; next < lines.length; next++) {
      const line = lines[next] as BudgetLine;
      if (line.id === id) break;
      if (!written.has(line.id)) {
        written.add(line.id);
        lineRow(line);
      }
    }
    written.add(id);
  };
  for (const { objective, indicators } of documentOrder(state)) {
    const objectiveCells = [objective.number === undefined ? "" : String(objective.number), objective.code, objective.name];
    if (indicators.length === 0) rows.push([...objectiveCells, ...blankIndicator(), ...blankLine(), ""]);
    for (const indicator of indicators) {
      const drawn = Object.entries(state.contributions[indicator.id] ?? {})
        .map(([id, amount]) => ({ id, amount, line: state.lines[id] }))
        .filter((c): c is { id: string; amount: number; line: BudgetLine } => c.line !== undefined);
      if (drawn.length === 0) rows.push([...objectiveCells, ...indicatorCells(indicator, locale), ...blankLine(), ""]);
      for (const c of drawn) {
        writeLinesUpTo(c.id);
        rows.push([...objectiveCells, ...indicatorCells(indicator, locale), ...lineCells(c.line), String(c.amount)]);
      }
    }
  }
  for (const line of lines) if (!written.has(line.id) || (line.unattributed !== undefined && !stated.has(line.id))) lineRow(line);

  return `${Papa.unparse(rows.map((row) => row.map(spreadsheetText)), { newline: "\n", delimiter: csvDelimiter(locale) })}\n`;
}
