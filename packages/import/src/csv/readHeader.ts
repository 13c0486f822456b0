import { failAt } from "../failure.js";
import { type Noticed, notice } from "../plan/noticed.js";
import { type Staged, staged } from "../plan/staged.js";
import { CSV_COLUMNS, OPTIONAL_COLUMNS } from "./columns.js";
import type { CsvRow } from "./parseCsv.js";

/** The header row: column name -> index. Missing columns stop the import; unknown ones are ignored and reported. */
export function readHeader(row: CsvRow): Staged<Map<string, number>> {
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
