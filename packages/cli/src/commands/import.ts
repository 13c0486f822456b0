import { promises as fs } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import { DEFAULT_ZONE_OFFSET, MemberId, type Finding, Instant, escapeEveryControl, schemaIssue, signingDateOf, startOfDayLike, isRapkError, zoneOffset } from "@rapk/core";
import { type CommittedVersion, appendRevision, serializeVersion, sourceFileOf } from "@rapk/history";
import { signVersion } from "@rapk/history/signing";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { fsFailure, pathOf, readTextAndBytes, writeFileAtomic } from "../files.js";
import { findingLines } from "../format/findings.js";
import { type Io, println } from "../io.js";
import { storeFailure } from "../logFile.js";
import { openTarget } from "../logTarget.js";
import { readKeyFile } from "../signingKey.js";
import { formatPath, jsonText } from "../json.js";
import { clockIn } from "../unitClock.js";

/** The largest source read: 32 MiB (a published RAPK's text is about 25 kB; the importer has its own, smaller, limit). */
const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

interface ImportOptions {
  readonly out: string;
  readonly json?: boolean;
  readonly actor: string;
  readonly at?: string;
  readonly zone?: string;
  readonly force?: boolean;
  readonly format?: "table" | "csv";
  readonly sign?: string;
  readonly head?: string;
}

export function registerImport(program: Command, { io, language }: Context): void {
  program
    .command("import")
    .summary("import a published plan (table text or CSV) into a new event log")
    .description(
      "Imports a plan (the text of a published RAPK table, or the CSV template) and writes a new event log holding it as version 1 (kind draft). What the importer noticed (missing pages, unattributed rows, sums that do not add up) is printed as findings; findings do not stop the import.",
    )
    .argument("<input>", "the plan: table text (.txt) or CSV (.csv)")
    .requiredOption("-o, --out <log>", "the event log to create: an NDJSON file, or a store URL (postgres://...#plan)")
    .option("--format <format>", "table or csv (default: recognised from the content)")
    .option("--actor <name>", "who imports, recorded in the log", "rapk import")
    .option("--at <date-time>", "when the plan took effect, an ISO date-time with offset (default: the document's signing date, else now)")
    .option("--zone <zone>", "the unit's time zone, which the log is kept in: WIB (+07:00, the default), WITA (+08:00), WIT (+09:00) or an offset")
    .option("-f, --force", "replace --out if it exists (a log file only)")
    .option("--sign <key>", "sign version 1 with this key file (rapk keygen)")
    .option("--head <member>", "start the plan's roster: the holder of the --sign key joins as its head under this member id (kepala), and that key becomes the plan's root of trust (docs/workflow.md)")
    .option("--json", "print {events, findings} as JSON")
    .addHelpText("after", "\nExit: 0 imported (even with findings), 1 the input cannot be imported.\n\nExample:\n  rapk import rapk-2024.txt --out plan.ndjson")
    .action(async (input: string, options: ImportOptions) => {
      if (options.format !== undefined && options.format !== "table" && options.format !== "csv")
        throw new CliError(`--format ${options.format}: expected table or csv`);
      const zone = options.zone === undefined ? DEFAULT_ZONE_OFFSET : zoneOffset(options.zone);
      if (zone === undefined) throw new CliError(`--zone ${options.zone}: expected WIB, WITA, WIT or an offset like +08:00`);
      const recordedAt = clockIn(io, zone);
      if (options.at !== undefined) {
        const checkedAt = Instant.safeParse(options.at);
        if (!checkedAt.success) throw new CliError(`--at ${options.at}: ${schemaIssue(checkedAt.error).why}`);
      }
      if (pathOf(io, options.out.replace(/^file:/, "")) === pathOf(io, input)) throw new CliError("--out must not be the input file", { file: options.out });

      const { text, bytes } = await readTextAndBytes(io, input, { maxBytes: MAX_SOURCE_BYTES, what: "a plan to import" });
      const { IMPORTER, importPlan } = await import("@rapk/import");
      const result = importPlan(text, options.format ? { format: options.format } : undefined);
      if (!result.ok) {
        if (options.json) io.stdout.write(jsonText({ events: 0, findings: result.findings, error: result.error }));
        else for (const line of findingLines(result.findings, language())) println(io.stdout, line);
        // The place already names the line; the importer's message repeats it for readers without one.
        const why = result.error.message.replace(/^line \d+: /, "");
        throw new CliError(`cannot be imported: ${result.error.code}: ${why}`, { ...placeOf(input, result.error.line), code: result.error.code });
      }
      if (options.head !== undefined && options.sign === undefined) throw new CliError("--head goes with --sign: the head's key signs the roster's first version");
      if (options.head !== undefined && !MemberId.safeParse(options.head).success)
        throw new CliError(`--head ${JSON.stringify(options.head.slice(0, 70))}: must be a member id like kepala or siti.rahma (lowercase letters, digits, . _ -; at most 64)`);
      const key = options.sign === undefined ? undefined : await readKeyFile(io, options.sign);
      // The roster's first member is the head whose key signs it, named as the key file names them.
      const founding = options.head === undefined || !key ? [] : [{ type: "addMember", data: { member: options.head, name: key.name, role: "head", publicKey: key.publicKey } }];
      const signed = signingDateOf(result.commands);
      const effectiveAt = options.at ?? (signed === undefined ? recordedAt : startOfDayLike(signed, recordedAt));
      const appended = appendRevision(
        [],
        { meta: { actor: options.actor, reason: `imported from ${basename(input)}`, kind: "draft", effectiveAt }, commands: [...result.commands, ...founding] },
        // The import is part of the record: what was read, by which importer, and what it found.
        // Findings quote the source, which may hold what the gate refuses: recorded escaped.
        { now: () => recordedAt, imported: { source: sourceFileOf(basename(input), bytes), importer: IMPORTER, findings: result.findings.map(gatedFinding) } },
      );
      if (!appended.ok) {
        const { code, message, path } = appended.error;
        throw new CliError(`cannot be imported: the plan it describes is refused: ${code}: ${message} (at ${formatPath(path)})`, { file: input, code });
      }
      const sealed = key ? signVersion(appended.sealed, key.secretKey) : appended.sealed;
      await writeNewLog(io, options.out, sealed, options.force === true);

      if (options.json) {
        io.stdout.write(jsonText({ events: appended.events.length, head: sealed.head, findings: result.findings }));
        return;
      }
      println(io.stdout, `imported ${input} -> ${options.out}: ${appended.events.length} events, version ${appended.version}, head ${sealed.head}${key ? `, signed by ${key.name}` : ""}${options.head === undefined ? "" : `, who heads its roster as ${options.head}`}`);
      for (const line of findingLines(result.findings, language())) println(io.stdout, line);
    });
}

/**
 * Writes version 1 as a new log: into a store only if the plan holds nothing yet; as a new file in
 * one atomic step (a temporary file linked into place), so that a failure (a full disk, a
 * read-only folder) leaves no file at all, never a 0-byte or half-written log; or, with --force,
 * over an existing log file in one atomic replace. A symbolic link whose target does not exist is
 * refused, never followed to create that target.
 */
async function writeNewLog(io: Io, out: string, sealed: CommittedVersion, force: boolean): Promise<void> {
  const target = await openTarget(io, out);
  try {
    if (target.path) {
      const existing = await fs.lstat(target.path).catch(() => undefined);
      if (existing?.isSymbolicLink() && !(await fs.stat(target.path).then(() => true, () => false)))
        throw new CliError("is a symbolic link to nothing; rapk does not create a log through it (remove the link or name its target)", { file: out, code: "FILE_UNWRITABLE" });
      if (!force && existing && (await fs.stat(target.path).then((s) => s.size > 0, () => false))) throw new CliError("already exists; pass --force to replace it", { file: out, code: "FILE_EXISTS" });
      // An empty file (made by mktemp, say) is taken over as a new log.
      await writeFileAtomic(target.path, serializeVersion(sealed), { overwrite: force || existing !== undefined }).catch((error: unknown) => {
        throw (error as NodeJS.ErrnoException).code === "EEXIST" ? new CliError("already exists; pass --force to replace it", { file: out, code: "FILE_EXISTS" }) : fsFailure(error, out, "write");
      });
      return;
    }
    if (force) throw new CliError("--force replaces a log file only; a store keeps every plan's versions", { file: out });
    await target.store.append(target.plan, sealed, { expectedVersion: 0 });
  } catch (error) {
    if (isRapkError(error, "CONFLICT"))
      throw new CliError(target.path ? "already exists; pass --force to replace it" : `already holds plan ${target.plan}; import into a new plan id`, { file: out, code: target.path ? "FILE_EXISTS" : "USAGE" });
    throw storeFailure(out, error);
  } finally {
    await target.store.close();
  }
}

function gatedFinding(finding: Finding): Finding {
  const message = { id: escapeEveryControl(finding.message.id), en: escapeEveryControl(finding.message.en) };
  return finding.subject === undefined ? { ...finding, message } : { ...finding, message, subject: escapeEveryControl(finding.subject) };
}

function placeOf(file: string, line: number | undefined) {
  return line === undefined ? { file } : { file, line };
}
