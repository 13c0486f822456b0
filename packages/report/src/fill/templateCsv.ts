import Papa from "papaparse";
import { type CsvCell, type CsvLocale, toCsv } from "../sheets/csv.js";
import type { Grid, GridSheet, GridValue } from "./grid.js";
import { SHEET, type Template } from "./template.js";

// A CSV holds one sheet, so the template's sheets follow one another in one file: first what the
// template was made for, as `#key` rows (`#format`, `#plan`, ... as the hidden sheet of the .xlsx
// holds them), then each sheet after a `#sheet` row naming it: its header row, then its rows.
const SHEET_MARK = "#sheet";
const FIELDS_HEADER = ["ISIAN", "NILAI"];
const NUMBERS = new Set(["#version", "#year", "#month"]);

/**
 * The template as CSV for a spreadsheet: `en` with `,` between fields and `.` as the decimal mark,
 * `id` (Indonesian Excel) with `;` and `,`; text through core's spreadsheet cell rule as in the .xlsx.
 */
export function templateCsv(template: Template, locale: CsvLocale = "en"): string {
  const rows: CsvCell[][] = Object.entries(template.meta).map(([key, value]) => [`#${key}`, value]);
  rows.push([SHEET_MARK, SHEET.fields], FIELDS_HEADER, ...template.fields.map((f) => [f.label, f.value]));
  for (const sheet of template.sheets)
    rows.push(
      [SHEET_MARK, sheet.name],
      sheet.columns.map((c) => c.header),
      ...sheet.rows.map((row) => sheet.columns.map((c) => row[c.key] ?? null)),
    );
  return toCsv(rows, locale);
}

const cellOf = (text: string): GridValue => (text.trim() === "" ? null : text);

/**
 * A filled CSV template as cells, read with the locale's separator; each sheet knows the rows of
 * the file above it, so a problem names the cell as the spreadsheet shows the file. Throws a
 * RangeError when the text is no CSV template, or was written with the other locale's separator.
 */
export function readCsvGrid(text: string, locale: CsvLocale = "en"): Grid {
  const delimiter = locale === "id" ? ";" : ",";
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter, skipEmptyLines: false });
  const rows = parsed.data.map((row) => (row.length === 1 && row[0] === "" ? [] : row));
  while (rows.length > 0 && (rows[rows.length - 1] as string[]).length === 0) rows.pop();
  const first = rows[0]?.[0] ?? "";
  if (first.trim() !== "#format") {
    const other = locale === "id" ? "," : ";";
    if (first.startsWith(`#format${other}`))
      throw new RangeError(
        locale === "id"
          ? "is written with ',' between fields: apply it with --csv-locale en (or without --csv-locale)"
          : "is written with ';' between fields (Indonesian Excel): apply it with --csv-locale id",
      );
    throw new RangeError("is not a rapk CSV template: its first row is not #format (make one with rapk template --out <file>.csv)");
  }
  const meta: GridValue[][] = [];
  let at = 0;
  for (; at < rows.length && (rows[at]?.[0] ?? "").startsWith("#") && rows[at]?.[0] !== SHEET_MARK; at++) {
    const [key = "", value = ""] = rows[at] as string[];
    // The hidden sheet holds these as numbers; the plan (a hash) and the rest stay text.
    meta.push([key.slice(1), NUMBERS.has(key) && /^\d+$/.test(value.trim()) ? Number(value) : value]);
  }
  const sheets: GridSheet[] = [{ name: SHEET.meta, rows: meta }];
  while (at < rows.length) {
    const mark = rows[at] as string[];
    if (mark[0] !== SHEET_MARK) throw new RangeError(`row ${at + 1}: expected a "${SHEET_MARK}" row naming the next sheet, found "${mark.join(delimiter).slice(0, 60)}"`);
    const start = at + 1;
    let end = start;
    while (end < rows.length && rows[end]?.[0] !== SHEET_MARK) end++;
    sheets.push({ name: (mark[1] ?? "").trim(), rows: rows.slice(start, end).map((row) => row.map(cellOf)), rowOffset: start });
    at = end;
  }
  return { sheets };
}
