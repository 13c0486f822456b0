import { readCsv } from "./csv/importCsv.js";
import { failAt } from "./failure.js";
import { prepareText } from "./input/prepareText.js";
import { sniffFormat } from "./input/sniffFormat.js";
import { guard } from "./plan/guard.js";
import { readTable } from "./table/importTable.js";
import type { ImportOptions, ImportResult } from "./types.js";

/**
 * Imports a plan from the text of a published RAPK table or from the CSV template, telling
 * them apart when `format` is omitted. Never throws: bad input gives `{ ok: false, error }`
 * naming the line.
 */
export function importPlan(text: string, options: ImportOptions = {}): ImportResult {
  // One guard and one preparation of the text, whichever importer reads it.
  return guard(text, () => {
    const prepared = prepareText(text);
    const format = options.format ?? sniffFormat(prepared);
    if (format !== "csv" && format !== "table") failAt("BAD_FORMAT", undefined, `unknown format ${JSON.stringify(format)}: use "table" or "csv"`);
    return format === "csv" ? readCsv(prepared) : readTable(prepared);
  });
}
