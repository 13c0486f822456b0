import { MONTHS, monthCode } from "@rapk/core";

/**
 * How a CSV writes its cells: `en` with `,` between them and `.` as the decimal mark; `id`, as
 * Indonesian Excel opens and saves CSV, with `;` and `,`.
 */
export type CsvLocale = "en" | "id";

/** The separator between cells of a CSV of `locale`. */
export const csvDelimiter = (locale: CsvLocale) => (locale === "id" ? ";" : ",");

/**
 * The columns of the CSV template, one row per contribution (docs/csv-template.md). An indicator
 * without a contribution has one row with the line columns blank; a budget line no indicator
 * draws on has one row with the objective and indicator columns blank.
 */
export const CSV_COLUMNS: readonly string[] = Object.freeze([
  "objective_number",
  "objective_code",
  "objective_name",
  "indicator_code",
  "indicator_name",
  "unit",
  "direction",
  "shape",
  ...MONTHS.map(monthCode),
  "stated_anggaran",
  "ro_code",
  "ro_name",
  "komponen_code",
  "komponen_name",
  "sub_komponen_code",
  "sub_komponen_name",
  "pagu",
  "contribution",
]);

/** Columns a file may leave out (written before they existed): stated_anggaran, the indicator's ANGGARAN as the document prints it. */
export const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(["stated_anggaran"]);

/** The `#key,value` rows above the header: the template's version, the plan and its signature. */
export const CSV_KEYS = Object.freeze([
  "rapk_csv",
  "title",
  "unit",
  "agency",
  "year",
  "ceiling",
  "stated_total",
  "signed_place",
  "signed_date",
  "signatory_title",
  "signatory_name",
] as const);
export type CsvKey = (typeof CSV_KEYS)[number];

/** The template version this package writes and reads. */
export const CSV_VERSION = "1";
