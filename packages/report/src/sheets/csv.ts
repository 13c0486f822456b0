import { spreadsheetText } from "@rapk/core";
import Papa from "papaparse";

/** `en`: `,` between fields, `.` as the decimal mark. `id` (Indonesian Excel): `;` between fields, `,` as the decimal mark. */
export type CsvLocale = "en" | "id";

export type CsvCell = string | number | null;

/**
 * Rows as CSV that Excel opens with numbers as numbers: no grouping of thousands, the locale's
 * decimal mark, text quoted where it must be and never run as a formula (core's spreadsheetText).
 * Lines end with CRLF, as Excel writes them.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], locale: CsvLocale = "en"): string {
  const cell = (value: CsvCell) => (value === null ? "" : typeof value === "number" ? (locale === "id" ? String(value).replace(".", ",") : String(value)) : spreadsheetText(value));
  return `${Papa.unparse(rows.map((row) => row.map(cell)), { delimiter: locale === "id" ? ";" : ",", newline: "\r\n", quotes: false })}\r\n`;
}
