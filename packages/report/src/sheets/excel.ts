import { spreadsheetText } from "@rapk/core";
import type ExcelJSModule from "exceljs";

type Workbook = ExcelJSModule.Workbook;

/**
 * Number formats. XLSX stores them in one neutral notation (`,` groups, `.` is the decimal
 * point) and Excel shows them with the reader's own separators: in Indonesian Excel
 * `"Rp"#,##0` shows Rp70.412.160 and `0.00%` shows 95,00%. The cells hold numbers, never text.
 */
export const FORMAT = Object.freeze({ rupiah: '"Rp"#,##0', percent: "0.00%", measure: "#,##0.####", text: "@" });

/** A column of a sheet: its header, its width in characters, and the number format of its cells. */
export interface Column {
  readonly header: string;
  readonly width: number;
  readonly format?: string;
}

/** A cell's value: text, a number (Rupiah, a measure, a ratio shown as %), or empty. */
export type CellValue = string | number | null;

/** A row that is more than its cells: bold (an indicator, a total), or with cells formatted unlike their column (by 1-based column). */
export interface StyledRow {
  readonly cells: readonly CellValue[];
  readonly bold?: boolean;
  readonly formats?: Readonly<Record<number, string>>;
}

/** A sheet: its name, its columns (a bold, frozen header row) and its rows, in order. */
export interface Sheet {
  readonly name: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly CellValue[] | StyledRow)[];
}

/** A new workbook (also one to load a file into). exceljs loads on first use (a dynamic import), so a bundle keeps it in a chunk of its own. */
export async function newWorkbook(): Promise<Workbook> {
  const module = (await import("exceljs")) as unknown as { default?: typeof ExcelJSModule } & typeof ExcelJSModule;
  const ExcelJS = module.default ?? module;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "rapk";
  // A fixed date keeps the workbook's properties the same from run to run.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  return workbook;
}

const styled = (row: readonly CellValue[] | StyledRow): StyledRow => ("cells" in row ? row : { cells: row });

// Text as a spreadsheet may hold it (core's one rule for every writer): a name that starts with = is never a formula, even once edited.
const cellOf = (value: CellValue): CellValue => (typeof value === "string" ? spreadsheetText(value) : value);

/**
 * The .xlsx bytes of these sheets, in order: every workbook rapk writes (the plan, the quarterly
 * report, a diff, a roll-up) is its sheets declared as data and made here.
 */
export async function workbook(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const book = await newWorkbook();
  for (const sheet of sheets) {
    const added = book.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    added.columns = sheet.columns.map((c, i) => ({ header: spreadsheetText(c.header), key: String(i), width: c.width, style: c.format ? { numFmt: c.format } : {} }));
    added.getRow(1).font = { bold: true };
    for (const row of sheet.rows.map(styled)) {
      const written = added.addRow(row.cells.map(cellOf));
      if (row.bold) written.font = { bold: true };
      for (const [column, format] of Object.entries(row.formats ?? {})) written.getCell(Number(column)).numFmt = format;
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
