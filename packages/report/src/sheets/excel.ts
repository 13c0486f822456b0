import type ExcelJSModule from "exceljs";

export type Workbook = ExcelJSModule.Workbook;
export type Worksheet = ExcelJSModule.Worksheet;

/**
 * Number formats. XLSX stores them in one neutral notation (`,` groups, `.` is the decimal
 * point) and Excel shows them with the reader's own separators: in Indonesian Excel
 * `"Rp"#,##0` shows Rp70.412.160 and `0.00%` shows 95,00%. The cells hold numbers, never text.
 */
export const FORMAT = Object.freeze({ rupiah: '"Rp"#,##0', percent: "0.00%", measure: "#,##0.####", text: "@" });

/** A new workbook. exceljs loads on first use (a dynamic import), so a bundle keeps it in a chunk of its own. */
export async function newWorkbook(): Promise<Workbook> {
  const module = (await import("exceljs")) as unknown as { default?: typeof ExcelJSModule } & typeof ExcelJSModule;
  const ExcelJS = module.default ?? module;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "rapk";
  // A fixed date keeps one plan's workbook the same from run to run.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  return workbook;
}

/** The workbook as the bytes of an .xlsx file. */
export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A sheet with a bold, frozen header row and the given columns (header, width, number format). */
export function addSheet(workbook: Workbook, name: string, columns: readonly { header: string; width: number; format?: string }[]): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width, style: c.format ? { numFmt: c.format } : {} }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}
