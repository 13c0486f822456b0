import { stat } from "node:fs/promises";
import type { Command } from "commander";
import { formatISO } from "date-fns";
import type { DomainError } from "@rapk/core";
import { type RevisionInput, appendRevision, parseRevision, serializeLog, verifyLog } from "@rapk/history";
import { CliError, EXIT } from "../cliError.js";
import type { Context } from "../context.js";
import { describeFsError, pathOf, readText, writeFileAtomic } from "../files.js";
import { type Io, println } from "../io.js";
import { formatPath, jsonText, parseJsonFile } from "../json.js";
import { type HeldLock, withLock } from "../lock.js";
import { openHistoryOf, parseLogText } from "../logFile.js";
import { headVersion } from "../selector.js";

interface ApplyOptions {
  readonly expectVersion?: string;
  readonly json?: boolean;
  readonly lockWait?: string;
}

export function registerApply(program: Command, { io }: Context): void {
  program
    .command("apply")
    .summary("append a revision (a batch of commands) to a log, all or nothing")
    .description(
      'Appends a revision to an event log: revision.json is {"meta": {"actor", "reason", "kind", "reference"?, "effectiveAt"? (or "at"), "corrects"?}, "commands": [...]}. The log is locked, checked with verify (a log that does not verify is never appended to), the batch is decided against the latest version all or nothing, and the new events are written by replacing the file atomically (temporary file, fsync, rename), so a crash never leaves half an event.',
    )
    .argument("<log>", "the event log (NDJSON)")
    .argument("<revision>", "the revision (JSON)")
    .option("--expect-version <n>", "refuse (exit 3) unless the log is still at version n")
    .option("--json", "print {version, events} as JSON")
    .option("--lock-wait <ms>", "how long to wait for another writer's lock", "5000")
    .addHelpText(
      "after",
      "\nExit: 0 appended, 1 bad input or the log does not verify, 2 refused by the plan's rules (the log is unchanged), 3 conflict (the log moved past --expect-version, or stayed locked).\n\nExample:\n  rapk apply plan.ndjson revisi-pok-1.json --expect-version 1",
    )
    .action(async (file: string, revisionFile: string, options: ApplyOptions) => {
      const expected = options.expectVersion === undefined ? undefined : wholeNumber(options.expectVersion, "--expect-version");
      const waitMs = wholeNumber(options.lockWait ?? "5000", "--lock-wait");
      const revision = await readRevision(io, revisionFile);
      const appended = await withLock(pathOf(io, file), file, (lock) => appendLocked(io, file, revisionFile, revision, expected, lock), { waitMs });
      if (options.json) io.stdout.write(jsonText(appended));
      else println(io.stdout, `applied ${revisionFile} to ${file}: version ${appended.version} (${appended.events} events)`);
    });
}

/**
 * The part of `apply` that runs under the lock: read, verify, check the expected version, decide,
 * and replace the log with the old bytes plus the new lines in one atomic rename.
 */
async function appendLocked(
  io: Io,
  file: string,
  revisionFile: string,
  revision: RevisionInput,
  expected: number | undefined,
  lock: HeldLock,
): Promise<{ version: number; events: number }> {
  const text = await readText(io, file);
  const verified = verifyLog(text);
  if (!verified.ok) throw new CliError(`does not verify, so nothing was appended: ${verified.code}: ${verified.message}`, { file, line: verified.line });
  const events = parseLogText(file, text);
  const history = openHistoryOf(file, events);
  const head = headVersion(history);
  if (expected !== undefined && head > expected)
    throw new CliError(`conflict: the log is at version ${head}, past the expected version ${expected}; nothing was appended`, { file }, EXIT.conflict);
  if (expected !== undefined && head < expected) throw new CliError(`the log is at version ${head}; --expect-version ${expected} does not exist yet`, { file });

  const result = appendRevision(events, revision, { history, now: () => formatISO(io.now?.() ?? new Date()) });
  if (!result.ok) throw new CliError(`rejected: ${describeDomainError(result.error, revision)}`, { file: revisionFile }, EXIT.rejected);
  if (lock.compromised()) throw new CliError("conflict: the lock on the log was taken over by another process; nothing was appended", { file }, EXIT.conflict);
  const prefix = text === "" || text.endsWith("\n") ? text : `${text}\n`;
  try {
    await writeFileAtomic(pathOf(io, file), prefix + serializeLog(result.events), { overwrite: true });
  } catch (error) {
    throw new CliError(`cannot be written, nothing was appended: ${describeFsError(error)}`, { file });
  }
  return { version: result.version, events: result.events.length };
}

/** The largest revision file read: 5 MB. */
export const MAX_REVISION_BYTES = 5 * 1024 * 1024;

async function fileSize(io: Io, file: string): Promise<number> {
  try {
    return (await stat(pathOf(io, file))).size;
  } catch (error) {
    throw new CliError(describeFsError(error), { file });
  }
}

async function readRevision(io: Io, file: string): Promise<RevisionInput> {
  // A revision is a page of commands, not a data dump: a huge file is refused before it is read whole.
  const size = await fileSize(io, file);
  if (size > MAX_REVISION_BYTES) throw new CliError(`is ${size} bytes; a revision file may be at most ${MAX_REVISION_BYTES} bytes (5 MB)`, { file });
  const raw = parseJsonFile(await readText(io, file), file);
  const parsed = parseRevision(raw);
  if (!parsed.ok) throw new CliError(`is not a revision: ${parsed.error.message.replace(/^revision: /, "")}`, { file });
  return parsed.revision;
}

function wholeNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) throw new CliError(`${option} ${text}: expected a whole number`);
  return Number(text);
}

/**
 * `CODE: message (at commands[1].data.amount)`. A path that starts with a command's index (or,
 * for a one-command revision, with the command's own fields) points into the revision file;
 * anything else is a place in the plan.
 */
export function describeDomainError(error: DomainError, revision: RevisionInput): string {
  const path = error.path;
  let where: string | undefined;
  if (typeof path[0] === "number") where = `commands${formatPath(path)}`;
  else if (path[0] === "meta" || path[0] === "commands") where = formatPath(path);
  else if (revision.commands.length === 1 && (path[0] === "data" || path[0] === "type")) where = `commands[0].${formatPath(path)}`;
  else if (path.length > 0) where = `plan ${formatPath(path)}`;
  return `${error.code}: ${error.message}${where ? ` (at ${where})` : ""}`;
}
