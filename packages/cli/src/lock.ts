import lockfile from "proper-lockfile";
import { CliError, EXIT } from "./cliError.js";
import { describeFsError } from "./files.js";

export interface LockOptions {
  /** How long to keep trying for a lock someone else holds, in milliseconds. */
  readonly waitMs?: number;
}

/** A lock that fell to another process (it thought ours stale) must stop the write. */
export interface HeldLock {
  readonly compromised: () => Error | undefined;
}

/**
 * Runs `work` while holding an exclusive lock on `file` (proper-lockfile: a `<file>.lock` folder,
 * created atomically, refreshed while held, taken over once stale). Another writer waits briefly;
 * if the lock stays taken, the run fails with a conflict (exit 3) rather than hanging.
 */
export async function withLock<T>(file: string, shown: string, work: (lock: HeldLock) => Promise<T>, options: LockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? 5_000;
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(file, {
      stale: 10_000,
      retries: { retries: Math.max(1, Math.ceil(waitMs / 100)), factor: 1, minTimeout: 100, maxTimeout: 100, randomize: true },
      onCompromised: (error) => {
        compromised = error;
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED")
      throw new CliError(`conflict: another rapk process is writing this log (still locked after ${waitMs / 1000} s); try again`, { file: shown }, EXIT.conflict);
    throw new CliError(`cannot be locked: ${describeFsError(error)}`, { file: shown });
  }
  try {
    return await work({ compromised: () => compromised });
  } finally {
    // A compromised lock is no longer ours to release; anything else failing here changes nothing written.
    if (!compromised) await release().catch(() => undefined);
  }
}
