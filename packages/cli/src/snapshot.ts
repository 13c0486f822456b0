import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import type { PlanState } from "@rapk/core";
import { type CommitRecord, FORMAT_V2, FORMAT_V3, type Version, auditLog, serializeCommit, versionOf } from "@rapk/history";
import { checkSignature } from "@rapk/history/signing";
import type { Io } from "./io.js";
import { readText, readTextAndBytes, writeFileAtomic } from "./files.js";
import { importsUpTo, recordsImport } from "./format/findings.js";
import { type LoadedLog, openHistoryOf, parseLogText } from "./logFile.js";
import { plainFilePath } from "./logTarget.js";

/**
 * A snapshot beside a log file: the plan at the log's last committed version, with the head (the
 * commit record's hash) and the file's size it belongs to, so that reading the plan at the head
 * of a long log need not replay it. A cache, nothing more: `<log>.snapshot.json` can always be
 * deleted (the next `rapk show` writes it again). It is written only after the log verified
 * (chain, signatures, kinds, invariants) and holds the SHA-256 of the log's bytes then; it is used
 * only while the file's bytes still have that digest, so a changed byte anywhere makes the next
 * read verify the log again. `rapk verify` never reads it. (Whoever can rewrite the log can also
 * rewrite its snapshot: a snapshot saves work, it is no evidence; `rapk verify` is.)
 */
// 2: an objective carries its position (the document's order), which a JSON record of objectives keyed
// by code would lose (`11` is listed before `01`); a snapshot without it is ignored and written again.
// 3: with the import's record (source file, importer, findings), which show prints after the plan.
// 4: with each line's spending notes (spendingNotes), which a state of before them lacks.
// 5: bound to the SHA-256 of the log's bytes, written only after the log verified.
// 6: a line carries what the document prints under no indicator (unattributed).
const FORMAT = "rapk-snapshot/6";

interface SnapshotFile {
  readonly format: typeof FORMAT;
  readonly head: string;
  readonly version: number;
  readonly bytes: number;
  /** SHA-256 of the log file's bytes when it verified. */
  readonly sha256: string;
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
    if (typeof snapshot.sha256 !== "string") return undefined;
    const stat = await fs.stat(logPath);
    if (stat.size !== snapshot.bytes || digestOf(await fs.readFile(logPath)) !== snapshot.sha256) return undefined;
    return { state: deepFreeze(snapshot.state), version: snapshot.version as number, imports: deepFreeze(snapshot.imports) };
  } catch {
    // No snapshot, or one that cannot be read or parsed: the log is read instead.
    return undefined;
  }
}

const digestOf = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/**
 * Writes the snapshot of a log file just read whole and verified (its head state), when the log
 * ends with the commit record of its last version (nothing uncommitted after it). A failure to
 * write is not the command's: the snapshot is only a cache.
 */
export async function writeSnapshot(log: LoadedLog, state: PlanState): Promise<void> {
  const last = log.versions.at(-1);
  if (last === undefined || !log.verification.ok) return;
  await writeSnapshotOf(log.target.path, log.text, { state, version: last.version, imports: importsUpTo(log.history.versions, last.version) }, last.commit);
}

async function writeSnapshotOf(path: string | undefined, text: string | undefined, head: PlanAtHead, commit: CommitRecord | undefined, bytes?: Uint8Array): Promise<void> {
  if (path === undefined || text === undefined || commit === undefined || !text.endsWith(`${serializeCommit(commit)}\n`)) return;
  const written = bytes ?? Buffer.from(text, "utf8");
  const snapshot: SnapshotFile = { format: FORMAT, head: commit.hash, version: head.version, bytes: written.byteLength, sha256: digestOf(written), state: head.state, imports: head.imports };
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
 * snapshot when it matches the file's bytes; else from the one reading that verifies the log
 * (auditLog, handing over each verified version's plan), and the snapshot written. Undefined
 * when that reading does not verify the whole log or finds nothing (an empty log, a bad line, an
 * uncommitted tail, a tampered line): the caller then reads the log the usual way, which names
 * the problem (or, with --unverified, shows it marked) as every command does.
 */
export async function planAtHead(io: Io, file: string, path: string): Promise<PlanAtHead | undefined> {
  const cached = await readSnapshot(path).catch(() => undefined);
  if (cached) return cached;
  // A file that cannot be read is left to the usual way too, which says why as every command does.
  const read = await readTextAndBytes(io, file.startsWith("file:") ? path : file).catch(() => undefined);
  if (read === undefined) return undefined;
  const imports: Version[] = [];
  let last: { version: number; state: PlanState; commit: CommitRecord | undefined } | undefined;
  const audit = auditLog(read.text, {
    checkSignature,
    onVersion: ({ events, state, commit }) => {
      const version = versionOf(events);
      if (recordsImport(version)) imports.push(version);
      last = { version: version.number, state, commit };
    },
  });
  if (!audit.ok || last === undefined) return undefined;
  const head: PlanAtHead = { state: last.state, version: last.version, imports };
  await writeSnapshotOf(path, read.text, head, last.commit, read.bytes);
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

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
