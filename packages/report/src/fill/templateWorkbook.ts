import type ExcelJSModule from "exceljs";
import { newWorkbook } from "../sheets/excel.js";
import { spreadsheetText } from "@rapk/core";
import type { Grid, GridValue } from "./grid.js";
import { SHEET, type Template, type TemplateCell } from "./template.js";

// The cells a person fills in are shaded, so what is there to read and what to fill stand apart.
const INPUT_FILL: ExcelJSModule.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };

const written = (value: TemplateCell) => (typeof value === "string" ? spreadsheetText(value) : value);

/**
 * The template as an .xlsx: the revision's own sheet (who, why, when), then its data sheets, each
 * with a bold, frozen header row and its input columns shaded; what the template was made for
 * (plan, version, kind, month) in a sheet hidden from the person filling it in.
 */
export async function templateWorkbook(template: Template): Promise<Uint8Array> {
  const book = await newWorkbook();
  const fields = book.addWorksheet(SHEET.fields);
  fields.columns = [
    { header: "ISIAN", key: "label", width: 44 },
    { header: "NILAI", key: "value", width: 60, style: { numFmt: "@" } },
  ];
  fields.getRow(1).font = { bold: true };
  for (const field of template.fields) {
    const row = fields.addRow([field.label, written(field.value)]);
    row.getCell(2).fill = INPUT_FILL;
  }
  for (const sheet of template.sheets) {
    const added = book.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    added.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.format ? { numFmt: c.format } : {} }));
    added.getRow(1).font = { bold: true };
    for (const values of sheet.rows) {
      const row = added.addRow(sheet.columns.map((c) => written(values[c.key] ?? null)));
      sheet.columns.forEach((c, i) => {
        if (c.input) row.getCell(i + 1).fill = INPUT_FILL;
      });
    }
  }
  const meta = book.addWorksheet(SHEET.meta, { state: "veryHidden" });
  for (const [key, value] of Object.entries(template.meta)) meta.addRow([key, value]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A cell of exceljs as a grid value: the result of a formula, the text of rich text or a link. */
function gridValue(value: ExcelJSModule.CellValue): GridValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || value instanceof Date) return value;
  if (typeof value === "boolean") return { unreadable: String(value) };
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("formula" in value || "sharedFormula" in value) return gridValue((value as { result?: ExcelJSModule.CellValue }).result ?? null);
    if ("hyperlink" in value) return String((value as { text?: unknown }).text ?? "");
    if ("error" in value) return { unreadable: String(value.error) };
  }
  return { unreadable: String(value) };
}

/** The workbook's sheets as cells; throws a RangeError when the bytes are no workbook. */
export async function readWorkbookGrid(bytes: Uint8Array): Promise<Grid> {
  const book = await newWorkbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new RangeError(`is not an .xlsx workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  return {
    sheets: book.worksheets.map((sheet) => {
      const rows: GridValue[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row, number) => {
        const cells: GridValue[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          cells[column - 1] = gridValue(cell.value);
        });
        rows[number - 1] = Array.from(cells, (cell) => cell ?? null);
      });
      return { name: sheet.name, rows: Array.from(rows, (row) => row ?? []) };
    }),
  };
}
