import type { ChangeFeed } from "@rapk/store";
import pg from "pg";
import { CONNECT_BACKOFF_MS } from "./faults.js";

/** The channel every append notifies in its transaction (delivered at COMMIT, with the position as payload). */
export const COMMIT_CHANNEL = "rapk_commits";

/**
 * A change feed by LISTEN/NOTIFY: one dedicated connection (not the pool's) that LISTENs on
 * {@link COMMIT_CHANNEL}, with an error handler, so a dropped connection never crashes the process.
 * When it is lost it is opened again with back-off, for as long as the subscription lasts, and
 * once listening again it tells `changed`: the subscription then catches up by position on what
 * was committed while nobody listened. The first connection must succeed (its error is thrown).
 */
export function listenForCommits(connectionString: string): ChangeFeed {
  return async (changed) => {
    let stopped = false;
    let client: pg.Client | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const connect = async (): Promise<pg.Client> => {
      const next = new pg.Client({ connectionString });
      next.on("error", () => undefined);
      next.on("notification", (message) => {
        if (message.channel === COMMIT_CHANNEL) changed();
      });
      try {
        await next.connect();
        await next.query(`LISTEN ${COMMIT_CHANNEL}`);
      } catch (error) {
        await next.end().catch(() => undefined);
        throw error;
      }
      next.on("end", () => {
        if (!stopped) reconnect(0);
      });
      return next;
    };

    const reconnect = (attempt: number): void => {
      client = undefined;
      const wait = CONNECT_BACKOFF_MS[Math.min(attempt, CONNECT_BACKOFF_MS.length - 1)] ?? 1_000;
      retry = setTimeout(() => {
        connect().then(
          (found) => {
            if (stopped) return void found.end().catch(() => undefined);
            client = found;
            // Listening again: what was committed meanwhile is read by position.
            changed();
          },
          () => {
            if (!stopped) reconnect(attempt + 1);
          },
        );
      }, wait);
      // Not unref'd: a process that only follows the store stays alive while it reconnects.
    };

    client = await connect();
    return async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    };
  };
}
