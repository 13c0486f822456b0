import type { Command } from "commander";
import { exportCsv } from "@rapk/import";
import { stateAsOf } from "../asOf.js";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { pathOf, writeUserFile } from "../files.js";
import { jsonText } from "../json.js";
import { loadLog } from "../logFile.js";
import { stateToJson } from "../stateToJson.js";

export function registerExport(program: Command, { io }: Context): void {
  program
    .command("export")
    .summary("write the plan as CSV (the import template) or JSON")
    .description(
      "Writes the plan at the head (or --as-of) as CSV in the import template's columns, which `rapk import` reads back, or as the JSON that `rapk show --json` prints. To standard output, or to --out (replaced atomically).",
    )
    .argument("<log>", "the event log (NDJSON)")
    .requiredOption("--format <format>", "csv or json")
    .option("-o, --out <file>", "write here instead of standard output")
    .option("--as-of <version|date>", "a version number, or an ISO date or date-time (default: the latest version)")
    .addHelpText("after", "\nExamples:\n  rapk export plan.ndjson --format csv --out plan.csv\n  rapk export plan.ndjson --format json --as-of 1")
    .action(async (file: string, options: { format: string; out?: string; asOf?: string }) => {
      if (options.format !== "csv" && options.format !== "json") throw new CliError(`--format ${options.format}: expected csv or json`);
      if (options.out !== undefined && pathOf(io, options.out) === pathOf(io, file))
        throw new CliError("--out must not be the log itself", { file: options.out });
      const log = await loadLog(io, file);
      const { state, version } = stateAsOf(log, options.asOf);
      const text = options.format === "csv" ? exportCsv(state) : jsonText(stateToJson(state, version));
      if (options.out === undefined) io.stdout.write(text);
      else await writeUserFile(io, options.out, text, { overwrite: true });
    });
}
