import { type BudgetLine, type Indicator, MONTHS, type PlanState } from "@rapk/core";
import Papa from "papaparse";
import { CSV_COLUMNS, CSV_VERSION } from "./columns.js";
import { neutralise } from "./neutralise.js";

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, "en", { numeric: true });
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id, "en", { numeric: true });

const blankIndicator = (): string[] => ["", "", "", "", "", ...MONTHS.map(() => ""), ""];
const blankLine = (): string[] => ["", "", "", "", "", "", ""];

function indicatorCells(indicator: Indicator): string[] {
  const { code, name, unit, direction, shape, targets, statedBudget } = indicator;
  return [code, name, unit, direction, shape, ...targets.map((t) => (t === null ? "" : String(t))), statedBudget === undefined ? "" : String(statedBudget)];
}

function lineCells(line: BudgetLine): string[] {
  const { output, component, subComponent, pagu } = line;
  return [output.code, output.name, component.code, component.name, subComponent.code, subComponent.name, String(pagu)];
}

/**
 * Writes a plan as the CSV template (docs/csv-template.md): the `#key,value` rows, the header,
 * then one row per contribution in code order, a row for each indicator without one, for each
 * objective without indicators and for each budget line no indicator draws on. Importing the
 * result gives the same plan. Realisation and spending reports are not part of the template.
 */
export function exportCsv(state: PlanState): string {
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

  const used = new Set<string>();
  const indicators = Object.values(state.indicators);
  for (const objective of Object.values(state.objectives).sort(byCode)) {
    const objectiveCells = [objective.number === undefined ? "" : String(objective.number), objective.code, objective.name];
    const own = indicators.filter((i) => i.objective === objective.code).sort(byCode);
    if (own.length === 0) rows.push([...objectiveCells, ...blankIndicator(), ...blankLine(), ""]);
    for (const indicator of own) {
      const drawn = Object.entries(state.contributions[indicator.id] ?? {})
        .map(([id, amount]) => ({ id, amount, line: state.lines[id] }))
        .filter((c): c is { id: string; amount: number; line: BudgetLine } => c.line !== undefined)
        .sort(byId);
      if (drawn.length === 0) rows.push([...objectiveCells, ...indicatorCells(indicator), ...blankLine(), ""]);
      for (const c of drawn) {
        used.add(c.id);
        rows.push([...objectiveCells, ...indicatorCells(indicator), ...lineCells(c.line), String(c.amount)]);
      }
    }
  }
  for (const line of Object.values(state.lines).sort(byId))
    if (!used.has(line.id)) rows.push(["", "", "", ...blankIndicator(), ...lineCells(line), ""]);

  return `${Papa.unparse(rows.map((row) => row.map(neutralise)), { newline: "\n" })}\n`;
}
