import { promises as fs } from "node:fs";
import { join } from "node:path";
import { type CommittedVersion, HEX_SHA256, type LogHead, instantOf } from "@rapk/history";
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
  /** Where a plan's log ends now. */
  head(plan: string): Promise<LogHead>;
  /** A plan's committed versions. */
  versions(plan: string): Promise<CommittedVersion[]>;
}

/**
 * The commit order of a folder of logs: `.rapk-commits.ndjson`, one line per committed version
 * (`{"plan":...,"version":n,"head":...}`), appended by each writer under the journal's own write lock
 * right after its version is committed to the plan's log (and still holding that log's lock). A
 * version's position is its line's number, so positions never move and follow the order of commit.
 *
 * Before its own line a writer adds the lines of any committed version the journal lacks (a writer
 * that died between its log and the journal, a log written by a store that keeps no journal, the
 * logs of a folder made before the journal), ordered by recorded time, plan and version: the
 * journal catches up on them at the next append. A version is given by readAll only once its line
 * is there.
 */
export class CommitJournal {
  readonly file: string;
  private entries: JournalEntry[] = [];
  private known = new Map<string, number>();
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
   * journal, after the committed versions the journal lacks; a version already in it is not added
   * again (another writer caught up on it first).
   */
  async record(plan: string, version: CommittedVersion, logs: FolderLogs, lockWaitMs: number): Promise<void> {
    const lock = await takeWriteLock(this.file, plan, { waitMs: lockWaitMs }, true);
    if (!lock) throw new StoreError("WRITE_FAILED", `${this.file} could not be created`, plan);
    try {
      await this.read();
      const missing: { plan: string; version: CommittedVersion }[] = [];
      for (const other of await logs.plans()) {
        if (other === plan) continue;
        const head = await logs.head(other);
        if (head.version > (this.known.get(other) ?? 0)) missing.push(...(await this.unjournaled(other, logs)));
      }
      if (version.version - 1 > (this.known.get(plan) ?? 0)) missing.push(...(await this.unjournaled(plan, logs)).filter((v) => v.version.version < version.version));
      missing.sort((a, b) => instantOf(a.version.metadata.recordedAt) - instantOf(b.version.metadata.recordedAt) || (a.plan < b.plan ? -1 : a.plan > b.plan ? 1 : 0) || a.version.version - b.version.version);
      if (version.version > (this.known.get(plan) ?? 0)) missing.push({ plan, version });
      if (missing.length === 0) return;
      const text = missing.map(({ plan: p, version: v }) => `${JSON.stringify({ plan: p, version: v.version, head: v.head })}\n`).join("");
      const { size } = await lock.handle.stat();
      await lock.handle.write(text, size, "utf8");
      await lock.handle.sync();
    } finally {
      await lock.release();
    }
  }

  private async unjournaled(plan: string, logs: FolderLogs): Promise<{ plan: string; version: CommittedVersion }[]> {
    const after = this.known.get(plan) ?? 0;
    return (await logs.versions(plan)).filter((v) => v.version > after).map((version) => ({ plan, version }));
  }

  private add(entry: JournalEntry): void {
    // A line for a version already there (two writers caught up on it at once) keeps the first.
    if (entry.version <= (this.known.get(entry.plan) ?? 0)) return;
    this.known.set(entry.plan, entry.version);
    this.entries.push(entry);
  }

  private reset(): void {
    this.entries = [];
    this.known = new Map();
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
