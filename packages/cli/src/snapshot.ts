import { promises as fs } from "node:fs";
import type { PlanState } from "@rapk/core";
import { type CommitRecord, FORMAT_V2, FORMAT_V3, type Version, foldLog, serializeCommit, versionOf } from "@rapk/history";
import type { Io } from "./io.js";
import { readText, writeFileAtomic } from "./files.js";
import { importsUpTo, recordsImport } from "./format/findings.js";
import { type LoadedLog, openHistoryOf, parseLogText } from "./logFile.js";
import { plainFilePath } from "./logTarget.js";

/**
 * A snapshot beside a log file: the plan at the log's last committed version, with the head (the
 * commit record's hash) and the file's size it belongs to, so that reading the plan at the head
 * of a long log need not replay it. A cache, nothing more: `<log>.snapshot.json` can always be
 * deleted (the next `rapk show` writes it again), and it is used only while the log still ends
 * with that very commit record at that very size; otherwise it is ignored, never trusted.
 * `rapk verify` never reads it.
 */
// 2: an objective carries its position (the document's order), which a JSON record of objectives keyed
// by code would lose (`11` is listed before `01`); a snapshot without it is ignored and written again.
// 3: with the import's record (source file, importer, findings), which show prints after the plan.
// 4: with each line's spending notes (spendingNotes), which a state of before them lacks.
const FORMAT = "rapk-snapshot/4";
/** A commit record's line is far shorter; the end of the file is read in one piece of this size. */
const TAIL_BYTES = 1 << 16;

interface SnapshotFile {
  readonly format: typeof FORMAT;
  readonly head: string;
  readonly version: number;
  readonly bytes: number;
  readonly state: PlanState;
  /** The versions that record an import (version 1 of an imported log), as the log holds them. */
  readonly imports: readonly Version[];
}

export const snapshotPathOf = (logPath: string) => `${logPath}.snapshot.json`;

/** The plan at the head of the log file at `logPath`, from its snapshot, when there is one that matches; undefined otherwise. */
export async function readSnapshot(logPath: string): Promise<PlanAtHead | undefined> {
  try {
    const snapshot = JSON.parse(await fs.readFile(snapshotPathOf(logPath), "utf8")) as Partial<SnapshotFile>;
    if (snapshot.format !== FORMAT || typeof snapshot.head !== "string" || !Number.isSafeInteger(snapshot.version) || !Number.isSafeInteger(snapshot.bytes)) return undefined;
    if (typeof snapshot.state !== "object" || snapshot.state === null || !Array.isArray(snapshot.imports)) return undefined;
    const last = await lastLine(logPath, snapshot.bytes as number);
    if (last === undefined) return undefined;
    const record = JSON.parse(last) as Record<string, unknown>;
    if ((record.format !== FORMAT_V2 && record.format !== FORMAT_V3) || record.commit !== snapshot.version || record.hash !== snapshot.head) return undefined;
    return { state: deepFreeze(snapshot.state), version: snapshot.version as number, imports: deepFreeze(snapshot.imports) };
  } catch {
    // No snapshot, or one that cannot be read or parsed: the log is read instead.
    return undefined;
  }
}

/**
 * Writes the snapshot of a log file just read whole (its head state), when the log ends with the
 * commit record of its last version (a v2 log with nothing uncommitted after it). A failure to
 * write is not the command's: the snapshot is only a cache.
 */
export async function writeSnapshot(log: LoadedLog, state: PlanState): Promise<void> {
  const last = log.versions.at(-1);
  if (last === undefined) return;
  await writeSnapshotOf(log.target.path, log.text, { state, version: last.version, imports: importsUpTo(log.history.versions, last.version) }, last.commit);
}

async function writeSnapshotOf(path: string | undefined, text: string, head: PlanAtHead, commit: CommitRecord | undefined): Promise<void> {
  if (path === undefined || commit === undefined || !text.endsWith(`${serializeCommit(commit)}\n`)) return;
  const snapshot: SnapshotFile = { format: FORMAT, head: commit.hash, version: head.version, bytes: Buffer.byteLength(text, "utf8"), state: head.state, imports: head.imports };
  await writeFileAtomic(snapshotPathOf(path), JSON.stringify(snapshot), { overwrite: true }).catch(() => undefined);
}

/** The plan at a log's head, its version number and the versions that record an import. */
export interface PlanAtHead {
  readonly state: PlanState;
  readonly version: number;
  readonly imports: readonly Version[];
}

/**
 * The plan at the head of the log file at `path`, for `rapk show` without `--as-of`: from the
 * snapshot when it matches; else the log read through foldLog, which folds as it reads and keeps
 * neither the events nor a state per version (what `--as-of` needs), and the snapshot written.
 * Undefined when foldLog cannot answer (an empty log, a bad line, an event that does not apply):
 * the caller then reads the log the usual way, which names the problem as every command does.
 */
export async function planAtHead(io: Io, file: string, path: string): Promise<PlanAtHead | undefined> {
  const cached = await readSnapshot(path);
  if (cached) return cached;
  // A file that cannot be read is left to the usual way too, which says why as every command does.
  const text = await readText(io, file.startsWith("file:") ? path : file).catch(() => undefined);
  if (text === undefined) return undefined;
  const imports: Version[] = [];
  let last: { version: number; commit: CommitRecord | undefined } | undefined;
  const folded = foldLog(text, undefined, (events, commit) => {
    const version = versionOf(events);
    if (recordsImport(version)) imports.push(version);
    last = { version: version.number, commit };
  });
  if (!folded.ok || last === undefined) return undefined;
  const head: PlanAtHead = { state: folded.value.state, version: last.version, imports };
  await writeSnapshotOf(path, text, head, last.commit);
  return head;
}

/**
 * For `diff --from <version>` to the head of a log file with a snapshot that matches: the state at
 * that version, from the log's lines up to its commit record only, and the head from the snapshot.
 * Undefined when that cannot be done (no snapshot, a date, a v1 log, a version past the head):
 * the log is then read whole.
 */
export async function versionAndHead(io: Io, file: string, from: string): Promise<{ before: { state: PlanState; version: number }; after: { state: PlanState; version: number } } | undefined> {
  const path = plainFilePath(io, file);
  if (path === undefined || !/^\s*\d+\s*$/.test(from)) return undefined;
  const version = Number(from);
  const after = await readSnapshot(path);
  if (after === undefined || version < 1 || version > after.version) return undefined;
  // A log is only ever appended to: its text up to version N's commit record is what the snapshot's head grew from.
  const text = await readText(io, file);
  const commit = Math.max(text.indexOf(`\n{"format":"${FORMAT_V2}","commit":${version},`), text.indexOf(`\n{"format":"${FORMAT_V3}","commit":${version},`));
  const end = commit < 0 ? -1 : text.indexOf("\n", commit + 1);
  if (end < 0) return undefined;
  const prefix = parseLogText(file, text.slice(0, end + 1));
  if (prefix.versions.at(-1)?.version !== version) return undefined;
  return { before: { state: openHistoryOf(file, prefix.events).stateAt(version), version }, after };
}

/** The last line of the file if its size is `bytes` and it ends with a line break; undefined otherwise. */
async function lastLine(path: string, bytes: number): Promise<string | undefined> {
  const handle = await fs.open(path, "r");
  try {
    if ((await handle.stat()).size !== bytes || bytes === 0) return undefined;
    const length = Math.min(bytes, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, bytes - length);
    const text = buffer.toString("utf8");
    if (!text.endsWith("\n")) return undefined;
    const start = text.lastIndexOf("\n", text.length - 2);
    if (start < 0 && length < bytes) return undefined;
    return text.slice(start + 1, -1);
  } finally {
    await handle.close();
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
