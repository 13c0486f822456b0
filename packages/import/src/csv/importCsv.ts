import { failAt } from "../failure.js";
import { prepareText } from "../input/prepareText.js";
import { finish } from "../plan/finish.js";
import { guard } from "../plan/guard.js";
import type { SourcedCommand } from "../plan/sourced.js";
import { type Staged, pipeline } from "../plan/staged.js";
import type { ImportResult, ImportSuccess } from "../types.js";
import { dataRows } from "./dataRows.js";
import { type CsvLocale, csvDelimiter } from "./columns.js";
import { type CsvRow, parseCsv } from "./parseCsv.js";
import { readHeader } from "./readHeader.js";
import { readKeyRows, readPlanValues, readSignatureValues } from "./readMetadata.js";

const blank = (row: CsvRow) => row.cells.every((c) => c.trim() === "");

/** The locale a CSV was written in, as its first row (`#rapk_csv;1` or `#rapk_csv,1`) tells it; `en` when it does not say. */
function localeOf(text: string): CsvLocale {
  const first = text.split("\n").find((line) => line.trim() !== "")?.trim() ?? "";
  return /^"?#rapk_csv"?;/.test(first) ? "id" : "en";
}

/** Imports the CSV template (docs/csv-template.md): one row per contribution, `#key,value` rows for the plan; written for Indonesian Excel (`#rapk_csv;1`: `;` between cells, decimal commas) too. */
export function importCsv(text: string): ImportResult {
  return guard(text, () => readCsv(prepareText(text)));
}

/**
 * The CSV importer's stages on prepared text, each giving its output and its findings: the
 * `#key` rows, the header, then the data rows. importCsv and importPlan guard it once.
 */
export function readCsv(prepared: string): Staged<ImportSuccess> {
  return pipeline((take) => {
    const locale = localeOf(prepared);
    const rows = parseCsv(prepared, csvDelimiter(locale)).filter((row) => !blank(row));
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
    const sourced: SourcedCommand[] = [{ line: planLine, command: { type: "draftPlan", data: draft } }, ...stated, ...dataRows(rows.slice(headerAt + 1), header, columns, locale), ...signed];
    return finish(sourced, { ceilingLine: values.get("ceiling")?.line ?? planLine });
  });
}
