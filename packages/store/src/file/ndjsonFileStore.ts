import { promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { type CommittedVersion, EMPTY_HEAD, type LogHead, headAfter, instantOf, parseLog, serializeVersion } from "@rapk/history";
import { checkAppend } from "../appendCheck.js";
import { type AppendExpectation, type EventStore, type PlanSummary, type ReadRange, type StoredCommit, StoreError, checkPlanId } from "../eventStore.js";
import { rangeTest } from "../readRange.js";
import { type CommittedEnd, committedEnd } from "./logTail.js";
import { takeWriteLock } from "./writeLock.js";
import { syncFolder } from "./syncFolder.js";
import { evidenceFolderOf, readEvidenceFile, writeEvidenceFile } from "./evidenceFolder.js";
import { checkEvidence } from "../evidenceFiles.js";
import { writeRefusal } from "./writeRefusal.js";

/** What an append found and cut: the tail a writer that died in the middle of an append left. */
export interface RecoveredTail {
  readonly plan: string;
  readonly file: string;
  /** Event lines of the uncommitted version that were cut. */
  readonly events: number;
  /** Whether a last line cut short was among what was cut. */
  readonly torn: boolean;
  readonly bytes: number;
  /** Where the cut bytes were kept. */
  readonly backup: string;
}

/** What `repair` did. */
export interface RepairResult {
  readonly plan: string;
  readonly file: string;
  /** The head the log now ends at. */
  readonly head: LogHead;
  /** Nothing was cut (the log ended with a committed version). */
  readonly unchanged: boolean;
  readonly firstLine?: number;
  readonly lastLine?: number;
  readonly events?: number;
  readonly version?: number;
  readonly torn?: boolean;
  readonly bytes?: number;
  /** A copy of the whole file as it was before the cut. */
  readonly backup?: string;
}

export interface FileStoreOptions {
  /** How long an append waits for another writer's lock, in milliseconds (default 5,000). */
  readonly lockWaitMs?: number;
  /** Told when an append cut an uncommitted tail left by a writer that died. */
  readonly onRecovered?: (tail: RecoveredTail) => void;
}

/**
 * The NDJSON file store: one log file per plan (docs/log-format.md), append-only.
 *
 * - An append takes the file's operating-system write lock (a live writer cannot lose it, a dead
 *   one leaves none), finds the head from the end of the file, checks the version against it right
 *   there, writes the version's lines (events and commit record) in one write at the end, and
 *   flushes them to disk before it returns. The file is never rewritten and never re-read whole.
 * - A crash in the middle leaves at most an uncommitted tail, which readers ignore and the next
 *   append (under the lock, where only a dead writer can have left it) cuts, keeping the cut bytes
 *   in a `.torn-*` file beside the log; `repair` does the same on request.
 * - Readers take no lock: they see the log up to its last commit record.
 *
 * `NdjsonFileStore.folder(dir)` holds the plans of a folder as `<plan>.ndjson`;
 * `NdjsonFileStore.file(path)` is one log file holding one plan (the `rapk` commands' `<log>`).
 */
export class NdjsonFileStore implements EventStore {
  readonly kind = "file";

  private constructor(
    private readonly locate: (plan: string) => string,
    private readonly plans: () => Promise<string[]>,
    private readonly options: FileStoreOptions,
    /** The single plan of a one-file store. */
    readonly plan: string | undefined,
  ) {}

  /** The plans of a folder, one `<plan>.ndjson` file each. */
  static folder(folder: string, options: FileStoreOptions = {}): NdjsonFileStore {
    return new NdjsonFileStore(
      (plan) => join(folder, `${plan}.ndjson`),
      async () =>
        (await fs.readdir(folder).catch(() => [] as string[]))
          .filter((name) => name.endsWith(".ndjson"))
          .map((name) => name.slice(0, -".ndjson".length))
          .filter((plan) => isPlanId(plan)),
      options,
      undefined,
    );
  }

  /** One log file as a store of one plan, whose id is the file's name without `.ndjson` (or `plan` when that is not an id). */
  static file(path: string, options: FileStoreOptions = {}): NdjsonFileStore {
    const name = basename(path).replace(/\.ndjson$/, "");
    const plan = isPlanId(name) ? name : "plan";
    return new NdjsonFileStore(
      (asked) => {
        if (asked !== plan) throw new StoreError("PLAN_NOT_FOUND", `${path} holds plan ${plan} only, not ${asked}`, asked);
        return path;
      },
      async () => ((await exists(path)) ? [plan] : []),
      options,
      plan,
    );
  }

  /** The file a plan's log is kept in. */
  fileOf(plan: string): string {
    checkPlanId(plan);
    return this.locate(plan);
  }

  async listPlans(): Promise<PlanSummary[]> {
    const plans = (await this.plans()).sort();
    return Promise.all(plans.map(async (plan) => ({ plan, ...(await this.head(plan)) })));
  }

  async head(plan: string): Promise<LogHead> {
    const file = this.fileOf(plan);
    const handle = await fs.open(file, "r").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (!handle) return EMPTY_HEAD;
    try {
      return (await committedEnd(handle, file, plan)).head;
    } finally {
      await handle.close();
    }
  }

  async *read(plan: string, range?: ReadRange): AsyncIterable<CommittedVersion> {
    const test = rangeTest(range);
    for (const version of await this.versions(plan)) {
      if (test.includes(version)) yield version;
      if (test.pastEnd(version)) return;
    }
  }

  async append(plan: string, version: CommittedVersion, expect?: AppendExpectation): Promise<LogHead> {
    const file = this.fileOf(plan);
    const lock = await takeWriteLock(file, plan, { waitMs: this.options.lockWaitMs ?? 5_000 }, version.version === 1);
    if (!lock) {
      checkAppend(plan, EMPTY_HEAD, version, expect);
      throw new StoreError("PLAN_NOT_FOUND", `${file} does not exist`, plan);
    }
    try {
      let end = await committedEnd(lock.handle, file, plan);
      // Checked here, under the lock, right before the write: nothing can move the head in between.
      checkAppend(plan, end.head, version, expect);
      if (end.size > end.committedBytes) end = await this.cutTail(lock.handle, file, plan, end);
      // A last committed line without its line break (an editor saved it so) is whole, and verify
      // accepts it: the new version starts on a line of its own, so nothing is refused that verify passes.
      const unterminated = end.committedBytes > 0 && (await lastByte(lock.handle, end.committedBytes)) !== 0x0a;
      const bytes = Buffer.from(`${unterminated ? "\n" : ""}${serializeVersion(version)}`, "utf8");
      await writeAll(lock.handle, bytes, end.committedBytes, file, plan);
      await lock.handle.sync();
      if (end.size === 0) await syncFolder(dirname(file));
      return headAfter(version);
    } finally {
      await lock.release();
    }
  }

  async putEvidence(plan: string, sha256: string, bytes: Uint8Array): Promise<void> {
    checkEvidence(plan, sha256, bytes);
    await writeEvidenceFile(evidenceFolderOf(this.fileOf(plan)), sha256, bytes);
  }

  async getEvidence(plan: string, sha256: string): Promise<Uint8Array | undefined> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
    return readEvidenceFile(evidenceFolderOf(this.fileOf(plan)), sha256);
  }

  async *readAll(after = 0): AsyncIterable<StoredCommit> {
    // Files have no order among themselves: the commit order is the order of recording (then plan, then version).
    const all: { plan: string; version: CommittedVersion }[] = [];
    for (const plan of (await this.plans()).sort()) for (const version of await this.versions(plan)) all.push({ plan, version });
    all.sort((a, b) => instantOf(a.version.metadata.recordedAt) - instantOf(b.version.metadata.recordedAt) || (a.plan < b.plan ? -1 : a.plan > b.plan ? 1 : 0) || a.version.version - b.version.version);
    for (const [index, commit] of all.entries()) if (index >= after) yield { ...commit, position: index + 1 };
  }

  async close(): Promise<void> {
    // Nothing is kept open between calls.
  }

  /**
   * Cuts an uncommitted tail (a version without commit record, a last line cut short) back to the
   * last committed version, under the write lock, after copying the whole file to a backup.
   * A log with a fault before its tail is refused: repair only cuts what a crash can leave.
   */
  async repair(plan: string, now: Date = new Date()): Promise<RepairResult> {
    const file = this.fileOf(plan);
    const lock = await takeWriteLock(file, plan, { waitMs: this.options.lockWaitMs ?? 5_000 }, false);
    if (!lock) throw new StoreError("PLAN_NOT_FOUND", `${file} does not exist`, plan);
    try {
      const bytes = await lock.handle.readFile();
      const parsed = parseLog(bytes.toString("utf8"));
      if (!parsed.ok)
        throw new StoreError("LOG_INVALID", `${file}:${parsed.error.line}: ${parsed.error.code}: ${parsed.error.message}; repair only cuts an uncommitted tail, and this fault is before it`, plan);
      const { versions, tail, committedLines } = parsed.value;
      const head = versions.length === 0 ? EMPTY_HEAD : headAfter(versions[versions.length - 1] as CommittedVersion);
      if (!tail) return { plan, file, head, unchanged: true };
      const keep = offsetAfterLine(bytes, committedLines);
      const backup = `${file}.bak-${stamp(now)}`;
      await keepCopy(backup, bytes, file, plan, "the log as it was");
      await lock.handle.truncate(keep);
      await lock.handle.sync();
      const { firstLine, lastLine, events, torn, version } = tail;
      return { plan, file, head, unchanged: false, firstLine, lastLine, events, torn, bytes: bytes.length - keep, backup, ...(version === undefined ? {} : { version }) };
    } finally {
      await lock.release();
    }
  }

  private async versions(plan: string): Promise<CommittedVersion[]> {
    const file = this.fileOf(plan);
    const text = await fs.readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return "";
      throw error;
    });
    const parsed = parseLog(text);
    if (!parsed.ok) throw new StoreError("LOG_INVALID", `${file}:${parsed.error.line}: ${parsed.error.code}: ${parsed.error.message}`, plan);
    return parsed.value.versions;
  }

  private async cutTail(handle: FileHandle, file: string, plan: string, end: CommittedEnd): Promise<CommittedEnd> {
    const tail = Buffer.alloc(end.size - end.committedBytes);
    await handle.read(tail, 0, tail.length, end.committedBytes);
    const backup = `${file}.torn-${stamp(new Date())}-${process.pid}`;
    await keepCopy(backup, tail, file, plan, "the uncommitted tail");
    await handle.truncate(end.committedBytes);
    await handle.sync();
    this.options.onRecovered?.({ plan, file, events: end.tailEvents, torn: end.torn, bytes: tail.length, backup });
    return { ...end, size: end.committedBytes, tailEvents: 0, torn: false };
  }
}

function isPlanId(name: string): boolean {
  try {
    checkPlanId(name);
    return true;
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  return fs.stat(path).then(
    () => true,
    () => false,
  );
}

/** Writes all bytes at `position`; a write that stops short is undone (the file cut back) and reported. */
async function lastByte(handle: FileHandle, size: number): Promise<number | undefined> {
  const byte = Buffer.alloc(1);
  const { bytesRead } = await handle.read(byte, 0, 1, size - 1);
  return bytesRead === 1 ? byte[0] : undefined;
}


async function writeAll(handle: FileHandle, bytes: Buffer, position: number, file: string, plan: string): Promise<void> {
  let written = 0;
  try {
    while (written < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, written, bytes.length - written, position + written);
      if (bytesWritten === 0) throw new Error("the write made no progress");
      written += bytesWritten;
    }
  } catch (error) {
    await handle.truncate(position).catch(() => undefined);
    const refused = writeRefusal(error);
    throw new StoreError(refused ?? "WRITE_FAILED", `${file}: the version could not be written (${(error as Error).message}); nothing was appended`, plan);
  }
}


/**
 * Keeps a copy of what a cut is about to remove, before the cut. A copy the system refuses (a full
 * disk, a read-only folder, no write permission) is removed again, so no half-written backup
 * stays, and the cut does not happen.
 */
async function keepCopy(copy: string, bytes: Buffer, file: string, plan: string, what: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(copy, "wx");
    await handle.writeFile(bytes);
    await handle.close();
  } catch (error) {
    if (handle) {
      await handle.close().catch(() => undefined);
      // Made by this call (`wx` refuses a file already there): removed, whatever it holds.
      await fs.rm(copy, { force: true });
    }
    const refused = writeRefusal(error);
    throw new StoreError(refused ?? "WRITE_FAILED", `${file}: ${what} could not be kept in ${basename(copy)} before cutting it (${(error as Error).message}); nothing was cut or written`, plan);
  }
}

function offsetAfterLine(bytes: Buffer, lines: number): number {
  let offset = 0;
  for (let n = 0; n < lines; n++) {
    const newline = bytes.indexOf(0x0a, offset);
    if (newline < 0) return bytes.length;
    offset = newline + 1;
  }
  return offset;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, "-");
}
