import { promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { tryLock } from "./nativeLock.js";
import { StoreError } from "../eventStore.js";
import { writeRefusal } from "./writeRefusal.js";

/**
 * The exclusive write lock on a log file: an operating-system advisory lock (Linux: an
 * open-file-description lock, fcntl F_OFD_SETLK; macOS: flock; Windows: LockFileEx) taken on the
 * log file itself through fs-native-extensions. The kernel holds it for as long as the writer's
 * file is open and drops it the moment the process ends, however it ends: a live writer, even one
 * paused for minutes, cannot lose it, and a dead one cannot leave it behind. No lock file is made.
 */
export interface HeldWriteLock {
  /** The log file, opened for reading and appending, locked. */
  readonly handle: FileHandle;
  /** Closes the file, which releases the lock. */
  release(): Promise<void>;
}

export interface LockWait {
  /** How long to keep trying while another writer holds the lock, in milliseconds. */
  readonly waitMs: number;
}

/**
 * Opens `file` (creating it, empty, when `create`) and takes its write lock, waiting up to
 * `waitMs` for another writer. Takes the lock again when the file was replaced by another
 * (renamed over) between opening and locking, so the lock held is always on the file at `file`.
 * Throws StoreError LOCKED, naming the processes that hold the file open, when the wait runs out.
 */
export async function takeWriteLock(file: string, plan: string, wait: LockWait, create: boolean): Promise<HeldWriteLock | undefined> {
  const deadline = Date.now() + wait.waitMs;
  let pause = 5;
  for (;;) {
    let handle: FileHandle;
    try {
      handle = await fs.open(file, create ? "a+" : "r+");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" && !create) return undefined;
      const refused = writeRefusal(error);
      if (refused) throw new StoreError(refused, `${file}: cannot be opened for writing (${(error as Error).message}); nothing was written`, plan);
      throw error;
    }
    let locked = false;
    try {
      locked = tryLock(handle.fd);
      if (locked && (await sameFile(handle, file))) return { handle, release: () => handle.close() };
    } catch (error) {
      await handle.close();
      throw error;
    }
    await handle.close();
    // Locked but replaced meanwhile: go again at once on the file now at the path.
    if (locked) continue;
    if (Date.now() >= deadline) {
      const holders = await processesHolding(file);
      throw new StoreError(
        "LOCKED",
        `another writer holds the write lock on ${file} and is still running (${holders}); the operating system drops the lock of a process that ends, so this is not a stale lock; waited ${(wait.waitMs / 1000).toFixed(1)} s`,
        plan,
      );
    }
    await sleep(pause);
    pause = Math.min(pause * 2, 100);
  }
}

async function sameFile(handle: FileHandle, file: string): Promise<boolean> {
  try {
    const [open, named] = await Promise.all([handle.stat(), fs.stat(file)]);
    return open.ino === named.ino && open.dev === named.dev;
  } catch {
    return false;
  }
}

/** Which processes have the file open (Linux /proc), for the message; "holder not found" elsewhere. */
async function processesHolding(file: string): Promise<string> {
  const found: string[] = [];
  let target: string;
  try {
    target = await fs.realpath(file);
    const pids = (await fs.readdir("/proc")).filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
    for (const pid of pids) {
      const fds = await fs.readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
      for (const fd of fds) {
        if ((await fs.readlink(`/proc/${pid}/fd/${fd}`).catch(() => "")) !== target) continue;
        const command = (await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).split("\0").filter(Boolean).join(" ");
        found.push(`pid ${pid}${command ? ` ${command.slice(0, 80)}` : ""}`);
        break;
      }
    }
  } catch {
    return "holder not found: cannot look into /proc here";
  }
  return found.length > 0 ? `open in ${found.join("; ")}` : "holder not found: it may be on another machine sharing the file system";
}
