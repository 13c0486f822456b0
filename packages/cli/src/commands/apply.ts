import { stat } from "node:fs/promises";
import type { Command } from "commander";
import type { DomainError } from "@rapk/core";
import { EMPTY_HEAD, type RevisionInput, appendRevision, headAfter, jsonPathLine, parseRevision } from "@rapk/history";
import { signVersion } from "@rapk/history/signing";
import { CliError, EXIT } from "../cliError.js";
import type { Context } from "../context.js";
import { fsFailure, pathOf, readText } from "../files.js";
import { type Io, println } from "../io.js";
import { formatPath, jsonText, parseJsonFile } from "../json.js";
import { type LoadedLog, loadFrom, storeFailure } from "../logFile.js";
import { type LogTarget, openTarget, withLockWait } from "../logTarget.js";
import { headVersion } from "../selector.js";
import { readKeyFile } from "../signingKey.js";
import { clockIn, zoneOfLog } from "../unitClock.js";
import { isWorkbook, workbookRevision } from "../workbookRevision.js";

interface ApplyOptions {
  readonly expectVersion?: string;
  readonly month?: string;
  readonly kind?: string;
  readonly json?: boolean;
  readonly lockWait?: string;
  readonly sign?: string;
}

export function registerApply(program: Command, { io, language }: Context): void {
  program
    .command("apply")
    .summary("append a revision (a batch of commands) to a log, all or nothing")
    .description(
      'Appends a revision to an event log: revision.json is {"meta": {"actor", "reason", "kind", "reference"?, "effectiveAt"? (or "at"), "corrects"?}, "commands": [...]}. The batch is decided against the latest version all or nothing, then the new version (its events and a commit record) is appended: to a log file only its lines are written, at the end, under the file\'s write lock, and flushed before rapk answers; the head is checked again right before the write, so a revision decided on a version that another writer has moved past is refused (exit 3), never lost. Prints the new version and its head.',
    )
    .argument("<log>", "the event log: an NDJSON file, or a store URL (postgres://...#plan)")
    .argument("<revision>", "the revision (JSON), or a filled template (.xlsx, from rapk template)")
    .option("--expect-version <n>", "refuse (exit 3) unless the log is still at version n")
    .option("--sign <key>", "sign the new version with this key file (rapk keygen)")
    .option("--month <1-12>", "with a template: refuse it unless it is the template of this month")
    .option("--kind <kind>", "with a template: refuse it unless it is of this kind (report, pok, rapk)")
    .option("--json", "print {version, events, head} as JSON")
    .option("--lock-wait <ms>", "how long to wait for another writer's lock", "5000")
    .addHelpText(
      "after",
      "\nExit: 0 appended, 1 bad input, 2 refused by the plan's rules (the log is unchanged), 3 conflict (the log moved past --expect-version or past the version the revision was decided on, or another writer kept the lock).\n\nExample:\n  rapk apply plan.ndjson revisi-pok-1.json --expect-version 1",
    )
    .action(async (file: string, revisionFile: string, options: ApplyOptions) => {
      const expected = options.expectVersion === undefined ? undefined : wholeNumber(options.expectVersion, "--expect-version");
      const waitMs = wholeNumber(options.lockWait ?? "5000", "--lock-wait");
      const workbook = isWorkbook(revisionFile);
      if (!workbook && (options.month !== undefined || options.kind !== undefined)) throw new CliError("--month and --kind go with a filled template (.xlsx)");
      const month = options.month === undefined ? undefined : wholeNumber(options.month, "--month");
      const source: RevisionSource = workbook
        ? { file: revisionFile, read: async (log) => workbookRevision(io, revisionFile, log, language(), { ...(month === undefined ? {} : { month }), ...(options.kind === undefined ? {} : { kind: options.kind }) }) }
        : jsonSource(await readRevision(io, revisionFile), revisionFile);
      const key = options.sign === undefined ? undefined : await readKeyFile(io, options.sign);
      const target = withLockWait(io, await openTarget(io, file), waitMs);
      try {
        const appended = await applyTo(io, target, file, source, expected, key?.secretKey);
        if (options.json) io.stdout.write(jsonText(appended));
        else println(io.stdout, `applied ${revisionFile} to ${file}: version ${appended.version} (${appended.events} events), head ${appended.head}${key ? `, signed by ${key.name}` : ""}`);
      } finally {
        await target.store.close();
      }
    });
}

/**
 * Decides the revision on the log as read, seals (and signs) the new version, and hands it to the
 * store, which checks the head again under its lock or transaction right before it commits.
 */
async function applyTo(
  io: Io,
  target: LogTarget,
  file: string,
  source: RevisionSource,
  expected: number | undefined,
  secretKey: string | undefined,
): Promise<{ version: number; events: number; head: string }> {
  // A log that does not verify (signatures included) is never appended to: the reading refuses it.
  // A tail a crashed writer left is not a fault of the log (it is not part of it), and the store
  // cuts it under its lock before it appends.
  const log = await loadFrom(io, file, target, { refusal: "does not verify, so nothing was appended" });
  const head = headVersion(log.history);
  if (expected !== undefined && head > expected)
    throw new CliError(`conflict: the log is at version ${head}, past the expected version ${expected}; nothing was appended`, { file, code: "CONFLICT" }, EXIT.conflict);
  if (expected !== undefined && head < expected) throw new CliError(`the log is at version ${head}; --expect-version ${expected} does not exist yet`, { file });

  const { revision, placeOf } = await source.read(log);
  const logHead = log.versions.length === 0 ? EMPTY_HEAD : headAfter(log.versions[log.versions.length - 1]!);
  const result = appendRevision(log.events, revision, { history: log.history, head: logHead, now: () => clockIn(io, zoneOfLog(log.history)) });
  if (!result.ok)
    throw new CliError(`rejected: ${describeDomainError(result.error, placeOf)}`, { ...(source.placeIn?.(result.error) ?? { file: source.file }), code: result.error.code }, EXIT.rejected);
  const sealed = secretKey ? signVersion(result.sealed, secretKey) : result.sealed;
  try {
    await target.store.append(target.plan, sealed, { expectedVersion: head });
  } catch (error) {
    throw storeFailure(file, error);
  }
  return { version: sealed.version, events: sealed.events.length, head: sealed.head };
}

/**
 * Where a revision comes from: revision.json (read before the log, its errors placed on its
 * lines), or a filled template, read against the log (its errors placed on its sheets' cells).
 */
interface RevisionSource {
  readonly file: string;
  readonly read: (log: LoadedLog) => Promise<{ readonly revision: RevisionInput; readonly placeOf?: (error: DomainError) => string | undefined }>;
  readonly placeIn?: (error: DomainError) => { file: string; line?: number };
}

function jsonSource({ revision, text }: { revision: RevisionInput; text: string }, file: string): RevisionSource & { placeIn: (error: DomainError) => { file: string; line?: number } } {
  return { file, read: async () => ({ revision }), placeIn: (error) => placeIn(text, file, revisionPath(error.path)) };
}

/** The largest revision file read: 5 MB. */
export const MAX_REVISION_BYTES = 5 * 1024 * 1024;

async function fileSize(io: Io, file: string): Promise<number> {
  try {
    return (await stat(pathOf(io, file))).size;
  } catch (error) {
    throw fsFailure(error, file, "read");
  }
}

/** The file, and the line a path into its JSON points at when there is one. */
function placeIn(text: string, file: string, path: readonly (string | number)[]): { file: string; line?: number } {
  const line = jsonPathLine(text, path);
  return line === undefined ? { file } : { file, line };
}

async function readRevision(io: Io, file: string): Promise<{ revision: RevisionInput; text: string }> {
  // A revision is a page of commands, not a data dump: a huge file is refused before it is read whole.
  const size = await fileSize(io, file);
  if (size > MAX_REVISION_BYTES) throw new CliError(`is ${size} bytes; a revision file may be at most ${MAX_REVISION_BYTES} bytes (5 MB)`, { file, code: "FILE_UNREADABLE" });
  const text = await readText(io, file, { maxBytes: MAX_REVISION_BYTES, what: "a revision file" });
  const raw = parseJsonFile(text, file);
  const parsed = parseRevision(raw);
  if (!parsed.ok) throw new CliError(`is not a revision: ${parsed.error.message.replace(/^revision: /, "")}`, { ...placeIn(text, file, parsed.error.path), code: "FILE_UNREADABLE" });
  return { revision: parsed.value, text };
}

function wholeNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) throw new CliError(`${option} ${text}: expected a whole number`);
  return Number(text);
}

/** Where in the revision file a domain error's path points (as describeDomainError reads it), or [] for the plan. */
function revisionPath(path: readonly (string | number)[]): (string | number)[] {
  if (typeof path[0] === "number") return ["commands", ...path];
  if (path[0] === "meta" || path[0] === "commands") return [...path];
  return [];
}

/**
 * `CODE: message (at commands[1].data.amount)`. A path that starts with a command's index (a
 * batch's refusal always does, one command or many) points into the revision file; anything else
 * is a place in the plan.
 */
export function describeDomainError(error: DomainError, placeOf?: (error: DomainError) => string | undefined): string {
  const inFile = revisionPath(error.path);
  const where = placeOf?.(error) ?? (inFile.length > 0 ? formatPath(inFile) : error.path.length > 0 ? `plan ${formatPath(error.path)}` : undefined);
  // The path names the command (`commands[1].data.line`), so its number is not said twice.
  const message = inFile.length > 0 ? (error.command?.message ?? error.message) : error.message;
  return `${error.code}: ${message}${where ? ` (at ${where})` : ""}`;
}
