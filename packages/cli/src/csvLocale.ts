import { CliError } from "./cliError.js";

/** `--csv-locale`: en (`,` between fields, `.` decimal mark; the default) or id (Indonesian Excel: `;` and `,`). */
export type CsvLocale = "en" | "id";

/** A --csv-locale value, refused unless en or id. */
export function csvLocaleOption(value: string | undefined): CsvLocale | undefined {
  if (value !== undefined && value !== "en" && value !== "id") throw new CliError(`--csv-locale ${value}: expected en or id`);
  return value;
}
