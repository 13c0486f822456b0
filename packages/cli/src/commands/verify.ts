import type { Command } from "commander";
import { type TrustedKey, type Version, auditLog, versionOf } from "@rapk/history";
import { trusting } from "@rapk/history/signing";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { readText } from "../files.js";
import { importRecordLines, recordsImport } from "../format/findings.js";
import { type Io, println } from "../io.js";
import { jsonText, parseJsonFile } from "../json.js";
import { loadLog } from "../logFile.js";
import { openTarget } from "../logTarget.js";

interface VerifyOptions {
  readonly json?: boolean;
  readonly expectHead?: string;
  readonly trust?: string;
}

export function registerVerify(program: Command, { io, language }: Context): void {
  program
    .command("verify")
    .summary("check a log: every line, the hash chain, commit records, the plan's rules after every version")
    .description(
      "Checks an event log: every line parses and is a valid event or commit record in order, each line's hash covers it and the one before (so an edited, removed or reordered line is caught), every version ends with its commit record (a log cut inside a version fails), and the plan's invariants hold after every version. Names the first failing line and why, and prints the head (the last commit record's hash): keep it elsewhere, and --expect-head catches a log cut after a whole version. With --trust, every version must be signed by one of the trusted keys.",
    )
    .argument("<log>", "the event log: an NDJSON file, or a store URL (postgres://...#plan)")
    .option("--json", "print {ok, events, versions, head, problems} as JSON")
    .option("--expect-head <hash>", "fail unless the log ends at this head")
    .option("--trust <keys.json>", 'fail unless every version is signed by one of these keys ([{"name", "publicKey"}], as rapk keygen prints them)')
    .addHelpText(
      "after",
      "\nExit: 0 the log verifies, 1 it does not (the first failing line is named).\n\nExamples:\n  rapk verify plan.ndjson\n  rapk verify plan.ndjson --expect-head 3f9c...e1 --trust keys.json --json",
    )
    .action(async (file: string, options: VerifyOptions) => {
      if (options.expectHead !== undefined && !/^[0-9a-f]{64}$/.test(options.expectHead))
        throw new CliError(`--expect-head ${options.expectHead}: expected a head hash, 64 lowercase hex digits`);
      const trust = options.trust === undefined ? undefined : trusting(await readTrust(io, options.trust));
      const text = await logText(io, file);
      // A verified log still says what its import could not read: the findings are part of what was
      // verified. They are gathered as each version verifies, in the one reading of the log.
      const recorded: Version[] = [];
      const audit = auditLog(text, {
        ...(trust ? { trust } : {}),
        ...(options.expectHead !== undefined ? { expectHead: options.expectHead } : {}),
        onVersion: ({ events }) => {
          const version = versionOf(events);
          if (recordsImport(version)) recorded.push(version);
        },
      });
      const imported = audit.ok ? recorded : [];
      if (options.json) {
        const imports = imported.map((v) => ({ version: v.number, source: v.source ?? null, importer: v.importer ?? null, findings: v.findings ?? [] }));
        io.stdout.write(jsonText({ ok: audit.ok, events: audit.events, versions: audit.versions, head: audit.head, problems: audit.problems, imports }));
        if (!audit.ok) throw new CliError(`does not verify: ${audit.problems[0]?.code}: ${audit.problems[0]?.message}`, { file, line: audit.problems[0]?.line as number, code: audit.problems[0]?.code });
        return;
      }
      const first = audit.problems[0];
      if (first) {
        const more = audit.problems.length - 1;
        throw new CliError(`${first.code}: ${first.message}${more > 0 ? ` (and ${more} more problem(s); --json lists them all)` : ""}`, { file, line: first.line, code: first.code });
      }
      println(io.stdout, `ok: ${audit.events} events, ${audit.versions} versions, chain intact, invariants hold${trust ? ", every version signed by a trusted key" : ""}; head ${audit.head}`);
      for (const version of imported) for (const line of importRecordLines(version, language(), false)) println(io.stdout, line);
    });
}

/** The log's text: a file as it is on disk (an uncommitted tail included, so it is named), a store's versions as NDJSON. */
async function logText(io: Io, file: string): Promise<string> {
  const target = await openTarget(io, file);
  await target.store.close();
  if (target.path) return readText(io, file.startsWith("file:") ? target.path : file);
  return (await loadLog(io, file)).text;
}

/** Reads `--trust keys.json`: a JSON array of {"name", "publicKey"} entries. */
async function readTrust(io: Io, file: string): Promise<TrustedKey[]> {
  const raw = parseJsonFile(await readText(io, file), file);
  if (!Array.isArray(raw)) throw new CliError('is not a list of trusted keys: expected a JSON array of {"name", "publicKey"}', { file, code: "FILE_UNREADABLE" });
  return raw.map((entry: unknown, index) => {
    const { name, publicKey } = (entry ?? {}) as { name?: unknown; publicKey?: unknown };
    if (typeof name !== "string" || typeof publicKey !== "string" || !/^[0-9a-f]{64}$/.test(publicKey))
      throw new CliError(`entry ${index + 1} must be {"name": "...", "publicKey": "<64 hex digits>"}`, { file, code: "FILE_UNREADABLE" });
    return { name, publicKey };
  });
}
