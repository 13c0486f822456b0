/**
 * @rapk/import: reads a published RAPK (the tab-separated text of its PDF) or the rapk CSV
 * template into the commands of @rapk/core, reporting what the source lacks instead of guessing;
 * writes the CSV template back. Browser-safe.
 */
export type { Finding, ImportError, ImportFormat, ImportOptions, ImportResult, ImportSuccess } from "./types.js";
export { importPlan } from "./importPlan.js";
export { IMPORTER } from "./importer.js";
export { importTable } from "./table/importTable.js";
export { importCsv } from "./csv/importCsv.js";
export { exportCsv } from "./csv/exportCsv.js";
export { CSV_COLUMNS, CSV_KEYS, CSV_VERSION, type CsvLocale } from "./csv/columns.js";
export { sniffFormat } from "./input/sniffFormat.js";
export { MAX_COMMANDS, MAX_INPUT_CHARS } from "./input/limits.js";
