import { promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { type CommittedVersion, HEX_SHA256, instantOf } from "@rapk/history";
import { PLAN_ID, StoreError } from "../eventStore.js";
import { takeWriteLock } from "./writeLock.js";

/** The file in a folder of logs that keeps the folder's commit order (not a plan: its name is no plan id). */
export const JOURNAL_NAME = ".rapk-commits.ndjson";

/** One line of the journal: which version of which plan was committed next, and its head. */
export interface JournalEntry {
  readonly plan: string;
  readonly version: number;
  readonly head: string;
}

/** What a writer needs of the folder to bring the journal up to date. */
export interface FolderLogs {
  /** The plans in the folder. */
  plans(): Promise<string[]>;
  /** A plan's committed versions. */
  versions(plan: string): Promise<CommittedVersion[]>;
}

/**
 * The commit order of a folder of logs: `.rapk-commits.ndjson`, one line per committed version
 * (`{"plan":...,"version":n,"head":...}`), appended by each writer under the journal's own write lock
 * right after its version is committed to the plan's log (and still holding that log's lock). A
 * version's position is its line's number, so positions never move and follow the order of commit.
 *
 * A writer reads only the journal's end (back to its plan's last line). When its plan's last line
 * is not the version before its own (a writer died between the log and the journal, or a writer
 * that keeps no journal wrote the log), it adds the plan's missing versions first, in version
 * order: such versions are given by readAll from then on, not before. An empty journal is started
 * with every version of the folder, ordered by recorded time, plan and version (a folder made
 * before the journal), which is also how readAll orders a folder without one.
 */
export class CommitJournal {
  readonly file: string;
  private entries: JournalEntry[] = [];
  private known = new Set<string>();
  private readBytes = 0;

  constructor(folder: string) {
    this.file = join(folder, JOURNAL_NAME);
  }

  /** Whether the folder keeps a journal yet. */
  async exists(): Promise<boolean> {
    return fs.stat(this.file).then(
      () => true,
      () => false,
    );
  }

  /** Every entry, in commit order (read from where the last read stopped: the journal only grows). */
  async read(): Promise<readonly JournalEntry[]> {
    const handle = await fs.open(this.file, "r").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (!handle) return this.entries;
    try {
      const size = (await handle.stat()).size;
      if (size < this.readBytes) this.reset();
      if (size === this.readBytes) return this.entries;
      const bytes = Buffer.alloc(size - this.readBytes);
      await handle.read(bytes, 0, bytes.length, this.readBytes);
      // Only whole lines: one being written is read next time.
      const end = bytes.lastIndexOf(0x0a) + 1;
      for (const line of bytes.toString("utf8", 0, end).split("\n")) if (line !== "") this.add(parseEntry(line, this.file));
      this.readBytes += end;
      return this.entries;
    } finally {
      await handle.close();
    }
  }

  /**
   * Adds `version` of `plan` (just committed to its log, whose lock the caller holds) to the
   * journal, under the journal's lock. Its cost is the journal's end, not the folder: the journal
   * is read backwards only as far as the plan's last line. When that line is not the version
   * before this one (a writer died between its log and the journal, or wrote the log without the
   * journal), the plan's missing versions are added first. A journal still empty is started with
   * every version the folder holds, in the order of recording, plan and version (a folder made
   * before the journal). A line cut short by a crash at the end is cut before writing.
   */
  async record(plan: string, version: CommittedVersion, logs: FolderLogs, lockWaitMs: number): Promise<void> {
    const lock = await takeWriteLock(this.file, plan, { waitMs: lockWaitMs }, true);
    if (!lock) throw new StoreError("WRITE_FAILED", `${this.file} could not be created`, plan);
    try {
      const size = await wholeLinesEnd(lock.handle);
      const missing: { plan: string; version: CommittedVersion }[] = [];
      if (size === 0) {
        for (const other of await logs.plans()) if (other !== plan) missing.push(...(await logs.versions(other)).map((v) => ({ plan: other, version: v })));
        missing.push(...(await logs.versions(plan)).filter((v) => v.version < version.version).map((v) => ({ plan, version: v })));
        missing.sort((a, b) => instantOf(a.version.metadata.recordedAt) - instantOf(b.version.metadata.recordedAt) || (a.plan < b.plan ? -1 : a.plan > b.plan ? 1 : 0) || a.version.version - b.version.version);
      } else {
        const last = await lastEntryOf(lock.handle, size, plan, this.file);
        const before = version.version === 1 ? undefined : version.events[0]?.prev;
        if (last && last.version === version.version && last.head === version.head) return;
        if (!last || (last.version === version.version - 1 && last.head === before)) {
          if (!last && version.version > 1) missing.push(...(await logs.versions(plan)).filter((v) => v.version < version.version).map((v) => ({ plan, version: v })));
        } else {
          // Versions the order lacks; or, when its last line is not this log's version of that
          // number (the log was replaced by another), every version of the log as it is now.
          const versions = await logs.versions(plan);
          const kept = last.version < version.version && versions[last.version - 1]?.head === last.head;
          missing.push(...versions.filter((v) => v.version < version.version && (!kept || v.version > last.version)).map((v) => ({ plan, version: v })));
        }
      }
      missing.push({ plan, version });
      const text = missing.map(({ plan: p, version: v }) => `${JSON.stringify({ plan: p, version: v.version, head: v.head })}\n`).join("");
      await lock.handle.write(text, size, "utf8");
      await lock.handle.sync();
    } finally {
      await lock.release();
    }
  }

  private add(entry: JournalEntry): void {
    // A line for a version already there (two writers caught up on it at once) keeps the first.
    const key = `${entry.plan} ${entry.version} ${entry.head}`;
    if (this.known.has(key)) return;
    this.known.add(key);
    this.entries.push(entry);
  }

  private reset(): void {
    this.entries = [];
    this.known = new Set();
    this.readBytes = 0;
  }
}

function parseEntry(line: string, file: string): JournalEntry {
  let raw: { plan?: unknown; version?: unknown; head?: unknown };
  try {
    raw = JSON.parse(line) as typeof raw;
  } catch {
    raw = {};
  }
  const { plan, version, head } = raw;
  if (typeof plan === "string" && PLAN_ID.test(plan) && typeof version === "number" && Number.isSafeInteger(version) && version >= 1 && typeof head === "string" && HEX_SHA256.test(head)) return { plan, version, head };
  throw new StoreError("LOG_INVALID", `${file}: ${JSON.stringify(line.slice(0, 80))} is not a line of the folder's commit order`);
}

/** Where the journal's whole lines end; a last line cut short (a writer died in its write) is cut off here, under the lock. */
async function wholeLinesEnd(handle: FileHandle): Promise<number> {
  const { size } = await handle.stat();
  if (size === 0) return 0;
  let end = size;
  const chunk = Buffer.alloc(4096);
  while (end > 0) {
    const from = Math.max(0, end - chunk.length);
    const { bytesRead } = await handle.read(chunk, 0, end - from, from);
    const newline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (newline >= 0) {
      end = from + newline + 1;
      break;
    }
    end = from;
  }
  if (end < size) await handle.truncate(end);
  return end;
}

/** The last line of `plan` in the journal (undefined: none), read backwards from `size` only as far as it. */
async function lastEntryOf(handle: FileHandle, size: number, plan: string, file: string): Promise<JournalEntry | undefined> {
  const quoted = `"plan":${JSON.stringify(plan)},`;
  let end = size;
  let rest = "";
  const chunk = Buffer.alloc(64 * 1024);
  while (end > 0) {
    const from = Math.max(0, end - chunk.length);
    const { bytesRead } = await handle.read(chunk, 0, end - from, from);
    // Plan ids and hashes are ASCII, so a chunk never splits a character of a line rapk wrote.
    const lines = (chunk.toString("latin1", 0, bytesRead) + rest).split("\n");
    rest = from > 0 ? (lines.shift() as string) : "";
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i] as string;
      if (line.includes(quoted)) return parseEntry(line, file);
    }
    end = from;
  }
  return undefined;
}
