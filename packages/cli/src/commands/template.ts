import type { Command } from "commander";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { pathOf, writeUserFile } from "../files.js";
import { loadLog } from "../logFile.js";
import { outputFormat } from "../outputFormat.js";
import { headVersion } from "../selector.js";
import { csvLocaleOption } from "../csvLocale.js";
import { planIdOf } from "../workbookRevision.js";

const KINDS = ["report", "pok", "rapk"] as const;

export function registerTemplate(program: Command, { io }: Context): void {
  program
    .command("template")
    .summary("a spreadsheet to fill in: a monthly report, a Revisi POK or a revised RAPK's targets")
    .description(
      "Writes an .xlsx (or, with --out <file>.csv, the same sheets as one CSV) to fill in instead of a revision file, applied back with rapk apply <log> <file>. --kind report (the default) with --month: each indicator's target, last realisation and this month's realisation, numerator, denominator, notes, hambatan and rencana tindak lanjut; each budget line's pagu, spending so far and this month's, with notes. --kind pok: each line's pagu and each contribution, before and after. --kind rapk: each indicator's twelve targets and the signature. What the log already holds is filled in; the shaded cells are the ones to fill. The workbook remembers (in a hidden sheet) the plan, version, kind and month it was made for, and is applied to nothing else.",
    )
    .argument("<log>", "the event log: an NDJSON file, or a store URL")
    .option("--kind <kind>", "report, pok or rapk", "report")
    .option("--month <1-12>", "with --kind report: the month reported on")
    .requiredOption("-o, --out <file>", "the workbook to write: .xlsx, or .csv (the same sheets one after another, each after a #sheet row)")
    .option("--csv-locale <locale>", "with a .csv: en (`,` between fields, `.` decimal mark; the default) or id (Indonesian Excel: `;` and `,`)")
    .option("--force", "replace --out when it exists")
    .addHelpText("after", "\nExamples:\n  rapk template plan.ndjson --month 6 --out juni.xlsx\n  rapk template plan.ndjson --kind pok --out revisi-pok.xlsx\n  rapk template plan.ndjson --month 6 --out juni.csv --csv-locale id\n  rapk apply plan.ndjson juni.xlsx\n  rapk apply plan.ndjson juni.csv --csv-locale id")
    .action(async (file: string, options: { kind: string; month?: string; out: string; csvLocale?: string; force?: boolean }) => {
      const format = outputFormat({ out: options.out }, ["xlsx", "csv"] as const, "xlsx");
      const csvLocale = csvLocaleOption(options.csvLocale);
      if (csvLocale !== undefined && format !== "csv") throw new CliError("--csv-locale goes with a CSV template (--out <file>.csv)");
      const kind = KINDS.find((k) => k === options.kind);
      if (kind === undefined) throw new CliError(`--kind ${options.kind}: expected ${KINDS.join(", ")}`);
      if (kind === "report" && options.month === undefined) throw new CliError("--kind report: say which month with --month <1-12>");
      if (kind !== "report" && options.month !== undefined) throw new CliError(`--month goes with --kind report; a ${kind} template is not of a month`);
      const month = options.month === undefined ? undefined : Number(options.month);
      if (month !== undefined && (!/^\d{1,2}$/.test(options.month!.trim()) || month < 1 || month > 12)) throw new CliError(`--month ${options.month}: expected a month number 1-12`);
      if (pathOf(io, options.out) === pathOf(io, file)) throw new CliError("--out must not be the log itself", { file: options.out });
      const log = await loadLog(io, file);
      const plan = planIdOf(log);
      const { templateCsv, templateOf, templateWorkbook } = await import("@rapk/report");
      const template = templateOf(log.history.head, { kind, ...(month === undefined ? {} : { month }), plan, version: headVersion(log.history) });
      const written = format === "csv" ? templateCsv(template, csvLocale) : await templateWorkbook(template);
      await writeUserFile(io, options.out, written, { overwrite: options.force === true });
    });
}
