import { stat } from "node:fs/promises";
import { extname } from "node:path";
import type { Command } from "commander";
import type { DomainError } from "@rapk/core";
import { type RevisionInput, parseRevision } from "@rapk/history";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { fsFailure, pathOf, readText } from "../files.js";
import { type Io, println } from "../io.js";
import { jsonText, parseJsonFile } from "../json.js";
import { openTarget, withLockWait } from "../logTarget.js";
import { readKeyFiles, SIGN_OPTION } from "../signingKey.js";
import { citingEvidence, readEvidenceFiles } from "../evidence.js";
import { csvLocaleOption } from "../csvLocale.js";
import { isTemplateFile, workbookRevision } from "../workbookRevision.js";
import { type Appended, type RevisionSource, placeIn, revisionPath, writeRevision } from "../writeRevision.js";

type ApplyOptions = WriterOptions & RevisionFileOptions;

export function registerApply(program: Command, { io, language }: Context): void {
  revisionFileOptions(writerOptions(
    program
      .command("apply")
    .summary("append a revision (a batch of commands) to a log, all or nothing")
    .description(
      'Appends a revision to an event log: revision.json is {"meta": {"actor", "reason", "kind", "reference"?, "effectiveAt"? (or "at"), "corrects"?}, "commands": [...]}. The batch is decided against the latest version all or nothing, then the new version (its events and a commit record) is appended: to a log file only its lines are written, at the end, under the file\'s write lock, and flushed before rapk answers; the head is checked again right before the write, so a revision decided on a version that another writer has moved past is refused (exit 3), never lost. On a plan that keeps a roster, the version is taken by the member holding the first --sign key, and it is refused (exit 2) unless its signers meet the policy (docs/workflow.md): a change the head must approve is proposed (rapk propose) or co-signed. Prints the new version, its head and who signed it.',
    )
    .argument("<log>", "the event log: an NDJSON file, or a store URL (postgres://...#plan)")
    .argument("<revision>", "the revision (JSON), or a filled template (.xlsx or .csv, from rapk template)"),
  ))
    .addHelpText(
      "after",
      "\nExit: 0 appended, 1 bad input, 2 refused by the plan's rules (the log is unchanged), 3 conflict (the log moved past --expect-version or past the version the revision was decided on, or another writer kept the lock).\n\nExample:\n  rapk apply plan.ndjson revisi-pok-1.json --expect-version 1",
    )
    .action(async (file: string, revisionFile: string, options: ApplyOptions) => {
      checkWriterOptions(options);
      const source = await revisionSourceOf(io, revisionFile, options, language());
      await appendFrom(io, file, source, options, (appended) => `applied ${revisionFile} to ${file}: ${appendedText(appended)}`);
    });
}

/** The options of every command that appends a version. */
export interface WriterOptions {
  readonly expectVersion?: string;
  readonly json?: boolean;
  readonly lockWait?: string;
  readonly sign: string[];
}

/** Adds the options every writer takes: --expect-version, --sign (repeatable), --json, --lock-wait. */
export function writerOptions(command: Command): Command {
  return command
    .option("--expect-version <n>", "refuse (exit 3) unless the log is still at version n")
    .option(...SIGN_OPTION)
    .option("--json", "print {version, events, head, signedBy} as JSON")
    .option("--lock-wait <ms>", "how long to wait for another writer's lock", "5000");
}

/** Where `rapk apply` and `rapk propose` take their revision from: revision.json, or a filled template (.xlsx or .csv), with the evidence its reports cite. */
export async function revisionSourceOf(io: Io, revisionFile: string, options: RevisionFileOptions, language: "id" | "en"): Promise<RevisionSource> {
  const template = isTemplateFile(revisionFile);
  if (!template && (options.month !== undefined || options.kind !== undefined)) throw new CliError("--month and --kind go with a filled template (.xlsx or .csv)");
  const csvLocale = csvLocaleOption(options.csvLocale);
  if (csvLocale !== undefined && extname(revisionFile).toLowerCase() !== ".csv") throw new CliError("--csv-locale goes with a CSV template (.csv)");
  const month = options.month === undefined ? undefined : wholeNumber(options.month, "--month");
  const source: RevisionSource = template
    ? { file: revisionFile, read: async (log) => workbookRevision(io, revisionFile, log, language, { ...(month === undefined ? {} : { month }), ...(options.kind === undefined ? {} : { kind: options.kind }) }, csvLocale) }
    : jsonSource(await readRevision(io, revisionFile), revisionFile);
  const evidence = await readEvidenceFiles(io, options.evidence ?? []);
  if (evidence.length === 0) return source;
  return {
    ...source,
    evidence,
    read: async (log) => {
      const read = await source.read(log);
      return { ...read, revision: citingEvidence(read.revision, evidence, revisionFile) };
    },
  };
}

/** What `rapk apply` and `rapk propose` take with their revision file. */
export interface RevisionFileOptions {
  readonly month?: string;
  readonly kind?: string;
  readonly csvLocale?: string;
  readonly evidence?: string[];
}

/** Adds the options of a command that takes a revision file: a template's --month and --kind, and --evidence. */
export function revisionFileOptions(command: Command): Command {
  return command
    .option("--month <1-12>", "with a template: refuse it unless it is the template of this month")
    .option("--kind <kind>", "with a template: refuse it unless it is of this kind (report, pok, rapk)")
    .option("--csv-locale <locale>", "with a CSV template: en (`,` between fields; the default) or id (Indonesian Excel: `;` between fields, decimal comma)")
    .option("--evidence <file>", "a file the revision's reports cite as evidence (a scan, a spreadsheet; 20 MB at most), kept by its SHA-256 beside the log; repeat it for more", (value: string, previous: string[]) => [...previous, value], [] as string[]);
}

/** Refuses a malformed --expect-version or --lock-wait before any file is read. */
export function checkWriterOptions(options: WriterOptions): void {
  if (options.expectVersion !== undefined) wholeNumber(options.expectVersion, "--expect-version");
  wholeNumber(options.lockWait ?? "5000", "--lock-wait");
}

/** Appends the source's revision to the log under its write lock, signed by every --sign key, and says what was appended. */
export async function appendFrom(io: Io, file: string, source: RevisionSource, options: WriterOptions, said: (appended: Appended) => string): Promise<void> {
  const expected = options.expectVersion === undefined ? undefined : wholeNumber(options.expectVersion, "--expect-version");
  const waitMs = wholeNumber(options.lockWait ?? "5000", "--lock-wait");
  const keys = await readKeyFiles(io, options.sign);
  const target = withLockWait(io, await openTarget(io, file), waitMs);
  try {
    const appended = await writeRevision(io, target, file, source, expected, keys);
    if (options.json) io.stdout.write(jsonText(appendedJson(appended)));
    else println(io.stdout, said(appended));
  } finally {
    await target.store.close();
  }
}

/** What a writer prints of the version it appended, after saying what it did. */
export function appendedText(appended: Appended): string {
  return `version ${appended.version} (${appended.events} events), head ${appended.head}${appended.signedBy.length > 0 ? `, signed by ${appended.signedBy.join(", ")}` : ""}`;
}

/** {version, events, head, signedBy?} as a writer's --json prints it. */
export function appendedJson(appended: Appended): Partial<Appended> {
  return { version: appended.version, events: appended.events, head: appended.head, ...(appended.signedBy.length > 0 ? { signedBy: appended.signedBy } : {}) };
}

/** A revision file as a source: its refusals placed on the lines of the file. */
export function jsonSource({ revision, text }: { revision: RevisionInput; text: string }, file: string): RevisionSource {
  return { file, read: async () => ({ revision }), placeIn: (error: DomainError) => placeIn(text, file, revisionPath(error.path)) };
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

export async function readRevision(io: Io, file: string): Promise<{ revision: RevisionInput; text: string }> {
  // A revision is a page of commands, not a data dump: a huge file is refused before it is read whole.
  const size = await fileSize(io, file);
  if (size > MAX_REVISION_BYTES) throw new CliError(`is ${size} bytes; a revision file may be at most ${MAX_REVISION_BYTES} bytes (5 MB)`, { file, code: "FILE_UNREADABLE" });
  const text = await readText(io, file, { maxBytes: MAX_REVISION_BYTES, what: "a revision file" });
  const raw = parseJsonFile(text, file);
  const parsed = parseRevision(raw);
  if (!parsed.ok) throw new CliError(`is not a revision: ${parsed.error.message.replace(/^revision: /, "")}`, { ...placeIn(text, file, parsed.error.path), code: "FILE_UNREADABLE" });
  return { revision: parsed.value, text };
}

export function wholeNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) throw new CliError(`${option} ${text}: expected a whole number`);
  return Number(text);
}

