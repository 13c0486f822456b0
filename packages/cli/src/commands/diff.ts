import type { Command } from "commander";
import { diffStates } from "@rapk/history";
import { stateAsOf } from "../asOf.js";
import { CliError } from "../cliError.js";
import { csvLocaleOption } from "../csvLocale.js";
import type { Context } from "../context.js";
import { renderDiff } from "../format/diff.js";
import { pathOf, writeUserFile } from "../files.js";
import { jsonText } from "../json.js";
import { loadLog } from "../logFile.js";
import { outputFormat } from "../outputFormat.js";
import { versionAndHead, writeSnapshot } from "../snapshot.js";
import { type ReadVerification, UNVERIFIED_OPTION, markedJson, markedText, markedWorkbook } from "../verifiedRead.js";

export function registerDiff(program: Command, { io }: Context): void {
  program
    .command("diff")
    .summary("what changed between two versions of a log, or between two logs")
    .description(
      "Compares two states of a plan: two versions (or dates) of one log with --from and --to, or the latest versions of two logs (each verified first, and refused if it fails, unless --unverified). Lists each change (kind, subject, old -> new; Rupiah the Indonesian way) and a summary: counts by kind and the Rupiah moved.",
    )
    .argument("<log>", "the event log (NDJSON)")
    .argument("[other]", "a second log to compare with the first (instead of --from/--to)")
    .option("--from <version|date>", "the older state: a version number, or an ISO date or date-time")
    .option("--to <version|date>", "the newer state (default: the latest version)")
    .option("--json", "print the diff (changes and summary) as JSON")
    .option("--format <format>", "text, json, csv or xlsx (default: from --out's extension, else text)")
    .option("-o, --out <file>", "write here instead of standard output (xlsx only here)")
    .option("--csv-locale <locale>", "en (`,` between fields, `.` decimal mark; the default) or id (Indonesian Excel: `;` and `,`)")
    .option(...UNVERIFIED_OPTION)
    .addHelpText("after", "\nExamples:\n  rapk diff plan.ndjson --from 1 --to 2\n  rapk diff plan.ndjson --from 2024-02-22 --to 2024-06-30\n  rapk diff before.ndjson after.ndjson --json\n  rapk diff plan.ndjson --from 1 --to 2 --out changes.xlsx\n  rapk diff plan.ndjson --from 1 --format csv --csv-locale id")
    .action(async (file: string, other: string | undefined, options: { from?: string; to?: string; json?: boolean; format?: string; out?: string; csvLocale?: string; unverified?: boolean }) => {
      const read = { unverified: options.unverified === true };
      // Of two logs, the first that does not verify marks the output (the snapshot's head verified).
      let verification: ReadVerification = { ok: true };
      if (options.json && options.format !== undefined) throw new CliError("--json and --format: say one of them");
      const format = options.json ? "json" : outputFormat(options, ["text", "json", "csv", "xlsx"] as const, "text");
      if (format === "xlsx" && options.out === undefined) throw new CliError("--format xlsx writes a file: say where with --out");
      const csvLocale = csvLocaleOption(options.csvLocale);
      if (csvLocale !== undefined && format !== "csv") throw new CliError("--csv-locale goes with --format csv");
      for (const input of [file, other]) if (options.out !== undefined && input !== undefined && pathOf(io, options.out) === pathOf(io, input)) throw new CliError("--out must not be a log compared", { file: options.out });
      let before;
      let after;
      let label: string;
      if (other !== undefined) {
        if (options.from !== undefined || options.to !== undefined)
          throw new CliError("--from/--to compare versions of one log; with two logs, their latest versions are compared");
        const [a, b] = [await loadLog(io, file, read), await loadLog(io, other, read)];
        verification = a.verification.ok ? b.verification : a.verification;
        before = stateAsOf(a, undefined);
        after = stateAsOf(b, undefined);
        label = `${file} (version ${before.version}) -> ${other} (version ${after.version})`;
      } else {
        if (options.from === undefined) throw new CliError("diff of one log needs --from <version|date> (and --to, default the latest version), or a second log");
        // To the head of a log file: the head from the snapshot beside it, when that still matches.
        const quick = options.to === undefined ? await versionAndHead(io, file, options.from) : undefined;
        if (quick) ({ before, after } = quick);
        else {
          const log = await loadLog(io, file, read);
          verification = log.verification;
          before = stateAsOf(log, options.from, "--from");
          after = stateAsOf(log, options.to, "--to");
          if (options.to === undefined) await writeSnapshot(log, after.state);
        }
        label = `${file}: version ${before.version} -> version ${after.version}`;
      }
      const diff = diffStates(before.state, after.state);
      const output =
        format === "json"
          ? jsonText(markedJson(verification, diff))
          : format === "csv"
            ? markedText(verification, (await import("@rapk/report")).diffCsv(diff, csvLocale ?? "en"))
            : format === "xlsx"
              ? await markedWorkbook(verification, await (await import("@rapk/report")).diffWorkbook(diff, label))
              : markedText(verification, `${renderDiff(diff, label).join("\n")}\n`);
      if (options.out === undefined) io.stdout.write(output as string);
      else await writeUserFile(io, options.out, output, { overwrite: true });
    });
}
