import { lineId } from "@rapk/core";
import { failAt } from "../failure.js";
import { readAmount } from "../values/amount.js";
import { type Header, budgetHeader, monthsHeader, pageHeader } from "./headers.js";
import { CODE_NAME, COMPONENT, NUMBERED_OUTPUT, OUTPUT, ROW_NUMBER, SUB_COMPONENT, TOTAL } from "./patterns.js";
import { type Cell, type Row, filled } from "./rows.js";

/** A code and its name as one cell wrote them (`01 - Terwujudnya ...`). */
export interface NamedCell {
  readonly code: string;
  readonly name: string;
  readonly col: number;
}

/** An indicator's cells: code and name, twelve raw targets (B01..B12) and the raw ANGGARAN. */
export interface IndicatorCells extends NamedCell {
  readonly targets: readonly Cell[];
  readonly budget: Cell;
}

export interface BudgetCells {
  readonly number: number;
  readonly output: NamedCell;
  readonly component: NamedCell;
  readonly subComponent: NamedCell;
  readonly pagu: number;
  readonly contribution: number;
}

/** What a line of the extracted text is. */
export type Classified =
  | { readonly kind: "blank" }
  | { readonly kind: "pageHeader"; readonly header: Header }
  | { readonly kind: "monthsHeader"; readonly months: readonly number[] }
  | { readonly kind: "budgetHeader"; readonly header: Header }
  | { readonly kind: "objective"; readonly number: number; readonly objective: NamedCell; readonly indicator?: IndicatorCells }
  | { readonly kind: "indicator"; readonly indicator: IndicatorCells }
  | ({ readonly kind: "budget" } & BudgetCells)
  | { readonly kind: "total"; readonly ceiling: number }
  | { readonly kind: "text"; readonly cells: readonly Cell[] };

const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
const column = (cell: Cell) => `column ${cell.col + 1}`;

function named(pattern: RegExp, cell: Cell): NamedCell | undefined {
  const m = pattern.exec(cell.text);
  return m ? { code: m[1] as string, name: m[2] as string, col: cell.col } : undefined;
}

function amount(line: number, cell: Cell, what: string): number {
  const read = readAmount(cell.text);
  if (!read.ok) failAt("BAD_AMOUNT", line, `${what} (${column(cell)}) ${quote(cell.text)} ${read.why}`);
  return read.value;
}

/**
 * The twelve targets and the ANGGARAN after an indicator's name. They are the thirteen cells
 * that follow the name (a blank target is an empty cell among them); where the extraction put
 * extra empty columns in, the page's B01..B12 header says which cells are the months.
 */
function indicatorCells(row: Row, name: Cell, months: readonly number[] | undefined): IndicatorCells {
  const indicator = named(CODE_NAME, name) as NamedCell;
  const after = row.cells.slice(name.col + 1);
  while (after.length > 0 && after[after.length - 1] === "") after.pop();
  if (after.length === 13) {
    const cells = after.map((text, i) => ({ col: name.col + 1 + i, text }));
    return { ...indicator, targets: cells.slice(0, 12), budget: cells[12] as Cell };
  }
  if (months && (months[0] as number) > name.col) {
    const rest = filled(row).filter((c) => c.col > name.col);
    const last = rest[rest.length - 1];
    const monthCols = new Set(months);
    if (last && last.col > (months[11] as number) && rest.slice(0, -1).every((c) => monthCols.has(c.col)))
      return { ...indicator, targets: months.map((col) => ({ col, text: row.cells[col] ?? "" })), budget: last };
  }
  failAt(
    "SHIFTED_COLUMNS",
    row.line,
    `indicator ${indicator.code} has ${after.length} cells after its name where 13 were expected (twelve targets B01..B12, then ANGGARAN): a column is missing or shifted`,
  );
}

function budgetRow(row: Row, cells: readonly Cell[], at: number): Classified {
  const first = cells[at] as Cell;
  const merged = NUMBERED_OUTPUT.exec(first.text);
  let number: number;
  let output: NamedCell;
  let before: readonly Cell[];
  if (merged) {
    number = Number(merged[1]);
    output = { code: merged[2] as string, name: merged[3] as string, col: first.col };
    before = cells.slice(0, at);
  } else {
    output = named(OUTPUT, first) as NamedCell;
    const no = cells[at - 1];
    const numbered = no && ROW_NUMBER.exec(no.text);
    if (!numbered) failAt("MALFORMED_ROW", row.line, `the budget row of ${output.code} has no row number (NO) before its RO`);
    number = Number(numbered[1]);
    before = cells.slice(0, at - 1);
  }
  if (before.length > 0) failAt("MALFORMED_ROW", row.line, `unexpected ${quote((before[0] as Cell).text)} (${column(before[0] as Cell)}) before the budget row's number`);
  const [componentCell, subCell, paguCell, contributionCell, ...extra] = cells.slice(at + 1);
  const component = componentCell && named(COMPONENT, componentCell);
  if (!component)
    failAt("MALFORMED_ROW", row.line, `after RO ${output.code}, expected the KOMPONEN cell (like "053 - name"), found ${componentCell ? quote(componentCell.text) : "nothing"}`);
  const subComponent = subCell && named(SUB_COMPONENT, subCell);
  if (!subComponent)
    failAt("MALFORMED_ROW", row.line, `after KOMPONEN ${component.code}, expected the SUB KOMPONEN cell (like "A - name"), found ${subCell ? quote(subCell.text) : "nothing"}`);
  const id = lineId(output.code, component.code, subComponent.code);
  if (!paguCell || !contributionCell || extra.length > 0)
    failAt(
      "SHIFTED_COLUMNS",
      row.line,
      `budget row ${id} has ${cells.length - at - 3} cells after its SUB KOMPONEN where 2 were expected (ANGGARAN, then KONTRIBUSI): a column is missing or shifted`,
    );
  return {
    kind: "budget",
    number,
    output,
    component,
    subComponent,
    pagu: amount(row.line, paguCell, `ANGGARAN (pagu) of ${id}`),
    contribution: amount(row.line, contributionCell, `KONTRIBUSI of ${id}`),
  };
}

/**
 * Classifies one line by what its cells hold. `months` is the B01..B12 header of the current
 * page, used only where an indicator row has extra empty columns.
 */
export function classify(row: Row, months: readonly number[] | undefined): Classified {
  const cells = filled(row);
  if (cells.length === 0) return { kind: "blank" };
  const page = pageHeader(row);
  if (page) return { kind: "pageHeader", header: page };
  const budget = budgetHeader(row);
  if (budget) return { kind: "budgetHeader", header: budget };
  const monthCols = monthsHeader(row);
  if (monthCols) return { kind: "monthsHeader", months: monthCols };

  const outputAt = cells.findIndex((c) => OUTPUT.test(c.text) || NUMBERED_OUTPUT.test(c.text));
  if (outputAt !== -1) return budgetRow(row, cells, outputAt);

  const [first, second, third] = cells as [Cell, Cell | undefined, Cell | undefined];
  const number = ROW_NUMBER.exec(first.text);
  if (number) {
    const objective = second && named(CODE_NAME, second);
    if (!objective)
      failAt("MALFORMED_ROW", row.line, `row ${first.text} is followed by ${second ? quote(second.text) : "nothing"}, neither an objective ("01 - name") nor an RO ("DR.3165.QIA.005 - name")`);
    if (!third) return { kind: "objective", number: Number(number[1]), objective };
    if (!CODE_NAME.test(third.text))
      failAt("MALFORMED_ROW", row.line, `after objective ${objective.code}, expected its first indicator ("01 - name"), found ${quote(third.text)}`);
    return { kind: "objective", number: Number(number[1]), objective, indicator: indicatorCells(row, third, months) };
  }
  // The word without a figure after it is no Total row: it may begin the end of a name that wrapped
  // onto a line of its own ("Persentase penurunan" / "jumlah"); the page pass decides by its column (readPages).
  if (TOTAL.test(first.text) && second && /\d/.test(second.text)) {
    if (third) failAt("TOTAL_UNREADABLE", row.line, `the ${first.text} row should hold exactly one amount, the plan's ceiling`);
    return { kind: "total", ceiling: amount(row.line, second, "the Total") };
  }
  if (second && CODE_NAME.test(first.text)) return { kind: "indicator", indicator: indicatorCells(row, first, months) };
  return { kind: "text", cells };
}
