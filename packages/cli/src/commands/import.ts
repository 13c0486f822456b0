import { basename } from "node:path";
import type { Command } from "commander";
import { Instant, signingDateOf, startOfDayLike } from "@rapk/core";
import { formatISO } from "date-fns";
import { appendRevision, serializeLog } from "@rapk/history";
import { type Finding, importPlan } from "@rapk/import";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { pathOf, readText, writeUserFile } from "../files.js";
import { type Output, println } from "../io.js";
import { formatPath, jsonText } from "../json.js";

interface ImportOptions {
  readonly out: string;
  readonly json?: boolean;
  readonly actor: string;
  readonly at?: string;
  readonly force?: boolean;
  readonly format?: "table" | "csv";
}

export function registerImport(program: Command, { io }: Context): void {
  program
    .command("import")
    .summary("import a published plan (table text or CSV) into a new event log")
    .description(
      "Imports a plan (the text of a published RAPK table, or the CSV template) and writes a new event log holding it as version 1 (kind draft). What the importer noticed (missing pages, unattributed rows, sums that do not add up) is printed as findings; findings do not stop the import.",
    )
    .argument("<input>", "the plan: table text (.txt) or CSV (.csv)")
    .requiredOption("-o, --out <log>", "the event log to create (NDJSON)")
    .option("--format <format>", "table or csv (default: recognised from the content)")
    .option("--actor <name>", "who imports, recorded in the log", "rapk import")
    .option("--at <date-time>", "when the plan took effect, an ISO date-time with offset (default: the document's signing date, else now)")
    .option("-f, --force", "replace --out if it exists")
    .option("--json", "print {events, findings} as JSON")
    .addHelpText("after", "\nExit: 0 imported (even with findings), 1 the input cannot be imported.\n\nExample:\n  rapk import rapk-2024.txt --out plan.ndjson")
    .action(async (input: string, options: ImportOptions) => {
      if (options.format !== undefined && options.format !== "table" && options.format !== "csv")
        throw new CliError(`--format ${options.format}: expected table or csv`);
      const recordedAt = formatISO(io.now?.() ?? new Date());
      if (options.at !== undefined) {
        const checkedAt = Instant.safeParse(options.at);
        if (!checkedAt.success) throw new CliError(`--at ${options.at}: ${checkedAt.error.issues[0]?.message ?? "is not an ISO date-time"}`);
      }
      if (pathOf(io, options.out) === pathOf(io, input)) throw new CliError("--out must not be the input file", { file: options.out });

      const text = await readText(io, input);
      const result = importPlan(text, options.format ? { format: options.format } : undefined);
      if (!result.ok) {
        if (options.json) io.stdout.write(jsonText({ events: 0, findings: result.findings.map(findingJson), error: result.error }));
        else printFindings(io.stdout, result.findings);
        // The place already names the line; the importer's message repeats it for readers without one.
        const why = result.error.message.replace(/^line \d+: /, "");
        throw new CliError(`cannot be imported: ${result.error.code}: ${why}`, placeOf(input, result.error.line));
      }
      const signed = signingDateOf(result.commands);
      const effectiveAt = options.at ?? (signed === undefined ? recordedAt : startOfDayLike(signed, recordedAt));
      const appended = appendRevision(
        [],
        { meta: { actor: options.actor, reason: `imported from ${basename(input)}`, kind: "draft", effectiveAt }, commands: result.commands },
        { now: () => recordedAt },
      );
      if (!appended.ok) {
        const { code, message, path } = appended.error;
        throw new CliError(`cannot be imported: the plan it describes is refused: ${code}: ${message} (at ${formatPath(path)})`, { file: input });
      }
      await writeUserFile(io, options.out, serializeLog(appended.events), { overwrite: options.force === true });

      if (options.json) {
        io.stdout.write(jsonText({ events: appended.events.length, findings: result.findings.map(findingJson) }));
        return;
      }
      println(io.stdout, `imported ${input} -> ${options.out}: ${appended.events.length} events, version ${appended.version}`);
      printFindings(io.stdout, result.findings);
    });
}

function placeOf(file: string, line: number | undefined) {
  return line === undefined ? { file } : { file, line };
}

function findingJson(finding: Finding) {
  return finding.subject === undefined
    ? { code: finding.code, message: finding.message, line: finding.line }
    : { code: finding.code, message: finding.message, line: finding.line, subject: finding.subject };
}

/** Counts by code first (what kinds of trouble), then every finding at its line (where to look). */
export function printFindings(out: Output, findings: readonly Finding[]): void {
  if (findings.length === 0) {
    println(out, "findings: none");
    return;
  }
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  const summary = [...counts].sort(([a], [b]) => a.localeCompare(b, "en")).map(([code, n]) => `${code} ${n}`);
  println(out, `findings: ${findings.length} (${summary.join(", ")})`);
  for (const finding of [...findings].sort((a, b) => a.line - b.line))
    println(out, `  line ${finding.line}: ${finding.code}: ${finding.message}${finding.subject ? ` [${finding.subject}]` : ""}`);
}
