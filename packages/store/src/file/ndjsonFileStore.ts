import { promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { type CommittedVersion, EMPTY_HEAD, type LogHead, headAfter, instantOf, parseLog, serializeVersion } from "@rapk/history";
import { alreadyCommitted, checkAppend, sentAgainBefore } from "../appendCheck.js";
import { type AppendExpectation, type AppendedHead, type EventStore, type PlanSummary, type ReadRange, type StoredCommit, StoreError, checkPlanId } from "../eventStore.js";
import { rangeTest } from "../readRange.js";
import { type CommittedEnd, committedEnd } from "./logTail.js";
import { takeWriteLock } from "./writeLock.js";
import { syncFolder } from "./syncFolder.js";
import { evidenceFolderOf, readEvidenceFile, writeEvidenceFile } from "./evidenceFolder.js";
import { checkEvidence } from "../evidenceFiles.js";
import { writeRefusal } from "./writeRefusal.js";
import { type SubscribeOptions, type Subscription, followStore } from "../subscribe.js";
import { watchFolder } from "./watchFolder.js";
import { CommitJournal, type FolderLogs } from "./commitJournal.js";

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
  /** How often a subscription looks at the logs' sizes when the folder watcher says nothing, in milliseconds (default 1,000). */
  readonly pollMs?: number;
  /** Whether a subscription also watches the folder (`fs.watch`, default true); false polls only (a network share that reports nothing). */
  readonly watch?: boolean;
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
    /** The folder the logs are in, and which names in it are logs (for subscriptions). */
    private readonly where: { readonly folder: string; readonly matches: (name: string) => boolean },
    private readonly locate: (plan: string) => string,
    private readonly plans: () => Promise<string[]>,
    private readonly options: FileStoreOptions,
    /** The single plan of a one-file store. */
    readonly plan: string | undefined,
    /**
     * The folder's commit order, and the folder's logs for bringing it up to date. A folder store
     * always keeps it; a one-file store whose file is `<plan>.ndjson` adds to its folder's when
     * that folder has one, so `rapk apply` on one log keeps a folder store's positions right.
     */
    private readonly journal: { readonly order: CommitJournal; readonly logs: FolderLogs; readonly always: boolean } | undefined,
  ) {}

  /** Each plan's versions as last parsed, with the file's size and time then: a file that did not change is not parsed again. */
  private readonly parsed = new Map<string, { size: number; mtimeMs: number; versions: CommittedVersion[] }>();

  /** The plans of a folder, one `<plan>.ndjson` file each. */
  static folder(folder: string, options: FileStoreOptions = {}): NdjsonFileStore {
    const order = new CommitJournal(folder);
    let store: NdjsonFileStore | undefined = undefined;
    const logs: FolderLogs = {
      plans: () => (store as NdjsonFileStore).plans(),
      versions: (plan) => (store as NdjsonFileStore).versions(plan),
    };
    store = new NdjsonFileStore(
      { folder, matches: (name) => name.endsWith(".ndjson") },
      (plan) => join(folder, `${plan}.ndjson`),
      async () =>
        (await fs.readdir(folder).catch(() => [] as string[]))
          .filter((name) => name.endsWith(".ndjson"))
          .map((name) => name.slice(0, -".ndjson".length))
          .filter((plan) => isPlanId(plan)),
      options,
      undefined,
      { order, logs, always: true },
    );
    return store;
  }

  /** One log file as a store of one plan, whose id is the file's name without `.ndjson` (or `plan` when that is not an id). */
  static file(path: string, options: FileStoreOptions = {}): NdjsonFileStore {
    const name = basename(path).replace(/\.ndjson$/, "");
    const plan = isPlanId(name) ? name : "plan";
    return new NdjsonFileStore(
      { folder: dirname(path), matches: (name) => name === basename(path) },
      (asked) => {
        if (asked !== plan) throw new StoreError("PLAN_NOT_FOUND", `${path} holds plan ${plan} only, not ${asked}`, asked);
        return path;
      },
      async () => ((await exists(path)) ? [plan] : []),
      options,
      plan,
      basename(path) === `${plan}.ndjson` ? (() => {
        const folder = NdjsonFileStore.folder(dirname(path), options);
        return { order: folder.journal?.order as CommitJournal, logs: folder.journal?.logs as FolderLogs, always: false };
      })() : undefined,
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

  async append(plan: string, version: CommittedVersion, expect?: AppendExpectation): Promise<AppendedHead> {
    const file = this.fileOf(plan);
    const lock = await takeWriteLock(file, plan, { waitMs: this.options.lockWaitMs ?? 5_000 }, version.version === 1);
    if (!lock) {
      checkAppend(plan, EMPTY_HEAD, version, expect);
      throw new StoreError("PLAN_NOT_FOUND", `${file} does not exist`, plan);
    }
    try {
      let end = await committedEnd(lock.handle, file, plan);
      // The same version sent again: an earlier one is looked up in the log (read only in this case).
      const again = alreadyCommitted(plan, end.head, version, sentAgainBefore(end.head, version) ? (await this.versions(plan))[version.version - 1]?.head : undefined);
      if (again) return again;
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
      // Committed; its place in the folder's order is taken now, the log still locked.
      if (this.journal && (this.journal.always || (await this.journal.order.exists())))
        await this.journal.order.record(plan, version, this.journal.logs, this.options.lockWaitMs ?? 5_000);
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

  /**
   * Every plan's versions in the folder's commit order (its `.rapk-commits.ndjson`, one line per
   * version, appended as each is committed): positions are line numbers, so they never move. A
   * folder with no such file yet (logs written before it, or by one-file stores) is read in the
   * order of recording, then plan, then version, which the first append writes down as it is.
   */
  async *readAll(after = 0): AsyncIterable<StoredCommit> {
    const journal = this.journal?.always ? this.journal.order : undefined;
    if (journal && (await journal.exists())) {
      const entries = await journal.read();
      for (let index = after; index < entries.length; index++) {
        const { plan, version: number, head } = entries[index] as (typeof entries)[number];
        const version = (await this.versions(plan))[number - 1];
        // A line for a version the log no longer holds (the log was replaced by another) keeps its
        // position and gives nothing: the log's versions as it is now have lines of their own.
        if (version?.head !== head) continue;
        yield { plan, position: index + 1, version };
      }
      return;
    }
    const all: { plan: string; version: CommittedVersion }[] = [];
    for (const plan of (await this.plans()).sort()) for (const version of await this.versions(plan)) all.push({ plan, version });
    all.sort((a, b) => instantOf(a.version.metadata.recordedAt) - instantOf(b.version.metadata.recordedAt) || (a.plan < b.plan ? -1 : a.plan > b.plan ? 1 : 0) || a.version.version - b.version.version);
    for (const [index, commit] of all.entries()) if (index >= after) yield { ...commit, position: index + 1 };
  }

  /**
   * Follows the logs from a position: the folder is watched (`fs.watch`) and, beside it, polled
   * every `pollMs` for a log whose size or time changed; on either, the versions after the last
   * position seen are read.
   */
  subscribe(options?: SubscribeOptions): Subscription {
    return followStore((after) => this.readAll(after), watchFolder(this.where.folder, this.where.matches, this.options.pollMs ?? 1_000, this.options.watch ?? true), options);
  }

  async close(): Promise<void> {
    // Nothing is kept open between calls (a subscription releases its watcher when it ends).
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
    const stat = await fs.stat(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (!stat) return [];
    const cached = this.parsed.get(plan);
    if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached.versions;
    const text = await fs.readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return "";
      throw error;
    });
    const parsed = parseLog(text);
    if (!parsed.ok) throw new StoreError("LOG_INVALID", `${file}:${parsed.error.line}: ${parsed.error.code}: ${parsed.error.message}`, plan);
    // Kept only when the text read is the size seen: a file that grew in between is parsed again next time.
    if (Buffer.byteLength(text, "utf8") === stat.size) this.parsed.set(plan, { size: stat.size, mtimeMs: stat.mtimeMs, versions: parsed.value.versions });
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
