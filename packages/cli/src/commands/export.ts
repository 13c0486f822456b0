import type { Command } from "commander";
import type { PlanState } from "@rapk/core";
import type { PrintProvenance } from "@rapk/report";
import { stateAsOf } from "../asOf.js";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { pathOf, writeUserFile } from "../files.js";
import { jsonText } from "../json.js";
import { loadLog } from "../logFile.js";
import { provenanceOf } from "../provenance.js";
import { planJson } from "../format/findings.js";
import { UNVERIFIED_OPTION, markedJson, markedText, markedWorkbook } from "../verifiedRead.js";
import { csvLocaleOption } from "../csvLocale.js";

export function registerExport(program: Command, { io }: Context): void {
  program
    .command("export")
    .summary("write the plan as CSV (the import template), JSON or an XLSX workbook")
    .description(
      "Writes the plan at the head (or --as-of) as CSV in the import template's columns, which `rapk import` reads back, as the JSON that `rapk show --json` prints, or as an XLSX workbook (sheets RAPK in the document's columns, Anggaran: the budget summary, Capaian: achievement by month; Rupiah and percentages as numbers). To standard output, or to --out (replaced atomically); XLSX only to --out.",
    )
    .argument("<log>", "the event log (NDJSON)")
    .requiredOption("--format <format>", "csv, json or xlsx")
    .option("-o, --out <file>", "write here instead of standard output")
    .option("--as-of <version|date>", "a version number, or a date or date-time: the plan in force then, by when versions took effect (default: the latest version)")
    .option("--known-at <date>", "a date or date-time: the plan as the log knew it then, by when versions were recorded")
    .option("--csv-locale <locale>", "with --format csv: en (`,` between fields, `.` decimal mark; the default) or id (Indonesian Excel: `;` and `,`); rapk import tells it from the first row")
    .option(...UNVERIFIED_OPTION)
    .addHelpText("after", "\nExamples:\n  rapk export plan.ndjson --format csv --out plan.csv\n  rapk export plan.ndjson --format csv --csv-locale id --out plan.csv\n  rapk export plan.ndjson --format json --as-of 1\n  rapk export plan.ndjson --format xlsx --out plan.xlsx")
    .action(async (file: string, options: { format: string; out?: string; asOf?: string; knownAt?: string; csvLocale?: string; unverified?: boolean }) => {
      if (options.format !== "csv" && options.format !== "json" && options.format !== "xlsx") throw new CliError(`--format ${options.format}: expected csv, json or xlsx`);
      const locale = csvLocaleOption(options.csvLocale);
      if (locale !== undefined && options.format !== "csv") throw new CliError("--csv-locale goes with --format csv");
      if (options.format === "xlsx" && options.out === undefined) throw new CliError("--format xlsx writes a file: say where with --out");
      if (options.out !== undefined && pathOf(io, options.out) === pathOf(io, file))
        throw new CliError("--out must not be the log itself", { file: options.out });
      const log = await loadLog(io, file, { unverified: options.unverified === true });
      const { state, version } = stateAsOf(log, options.asOf, "--as-of", options.knownAt);
      const { verification } = log;
      // An unverified log's CSV starts and ends with its mark, so it cannot be imported as a plan unnoticed.
      const text =
        options.format === "csv"
          ? markedText(verification, (await import("@rapk/import")).exportCsv(state, locale === undefined ? {} : { locale }))
          : options.format === "json"
            ? jsonText(markedJson(verification, planJson(state, version, log.history.versions)))
            : await markedWorkbook(verification, await workbookOf(state, provenanceOf(log, version)));
      if (options.out === undefined) io.stdout.write(text as string);
      else await writeUserFile(io, options.out, text, { overwrite: true });
    });
}

/** The plan as a workbook; @rapk/report (exceljs behind it) is loaded only when one is asked for. */
async function workbookOf(state: PlanState, provenance: PrintProvenance): Promise<Uint8Array> {
  const { planWorkbook, printLayout } = await import("@rapk/report");
  return planWorkbook(state, printLayout(state, provenance));
}
