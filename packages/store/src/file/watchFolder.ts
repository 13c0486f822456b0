import { type FSWatcher, promises as fs, watch } from "node:fs";
import { join } from "node:path";
import type { ChangeFeed } from "../subscribe.js";

/**
 * A change feed on a folder of logs: `fs.watch` on the folder (inotify, FSEvents, ...; unless `watching` is false), and a poll
 * every `pollMs` beside it that compares the size and modification time of the files that
 * `matches`, for file systems that do not report changes (network shares, some containers) or
 * a watcher that fails. Either may tell when nothing was committed; the subscription then reads
 * and finds nothing new.
 */
export function watchFolder(folder: string, matches: (name: string) => boolean, pollMs: number, watching: boolean): ChangeFeed {
  return async (changed) => {
    let watcher: FSWatcher | undefined;
    if (watching) {
      try {
        watcher = watch(folder, (_event, name) => {
          if (name === null || matches(String(name))) changed();
        });
        // A watcher that fails (the folder removed, too many watches) leaves the poll to do the work.
        watcher.on("error", () => watcher?.close());
      } catch {
        watcher = undefined;
      }
    }
    let last = await signature(folder, matches);
    let polling = false;
    const timer = setInterval(() => {
      if (polling) return;
      polling = true;
      void signature(folder, matches)
        .then((now) => {
          if (now !== last) changed();
          last = now;
        })
        .finally(() => {
          polling = false;
        });
    }, pollMs);
    // Both the watcher and the timer keep the process alive while the subscription waits (a
    // process whose only work is to follow the logs must not end): close() releases them.
    return () => {
      clearInterval(timer);
      watcher?.close();
    };
  };
}

async function signature(folder: string, matches: (name: string) => boolean): Promise<string> {
  const names = (await fs.readdir(folder).catch(() => [] as string[])).filter(matches).sort();
  const parts = await Promise.all(
    names.map(async (name) => {
      const stat = await fs.stat(join(folder, name)).catch(() => undefined);
      return stat ? `${name}:${stat.size}:${stat.mtimeMs}` : name;
    }),
  );
  return parts.join("\n");
}
