import type { StoredCommit } from "./eventStore.js";

/** Where a subscription starts and what it follows. */
export interface SubscribeOptions {
  /**
   * The position to follow from: the versions after it are given first (catching up), then each
   * new one as it is committed. 0 (the default) is the start of the store; the position of the
   * last {@link StoredCommit} a reader handled resumes it exactly there.
   */
  readonly after?: number;
  /** Only this plan's versions (positions are still the store's, across plans). */
  readonly plan?: string;
  /** Ends the subscription when aborted, as {@link Subscription.close} does. */
  readonly signal?: AbortSignal;
}

/**
 * A store followed from a position: an async iterator of committed versions in commit order,
 * each once, that waits for the next commit when it has caught up and never ends by itself.
 * `for await (const commit of store.subscribe({ after }))`; leaving the loop (`break`, `return`,
 * a throw), `close()` or the options' `signal` ends it and releases what it holds (a watcher, a
 * listening connection). A failure of the store (a log that no longer reads, a server gone for
 * good) is thrown from the loop.
 */
export interface Subscription extends AsyncIterableIterator<StoredCommit> {
  /** Ends the subscription: a pending `next()` resolves done, and the store's watch is released. */
  close(): Promise<void>;
}

/**
 * How a store tells a subscription that something may have been committed: `listen(changed)`
 * starts telling (and resolves once it does), and returns how to stop. A tell may be spurious; a
 * commit is never missed after `listen` resolved. After a listening connection is lost and
 * found again the store calls `changed` too, so the subscription catches up by position.
 */
export type ChangeFeed = (changed: () => void) => Promise<() => void | Promise<void>>;

/**
 * A subscription on any store: catch up with `readAfter(position)` (the store's readAll, for one
 * plan or all), then wait for the change feed, read again after the last position seen, and so on.
 * The feed is listened to before the first read, so a commit between the read and the wait still
 * wakes it: nothing committed is missed and nothing is given twice.
 */
export function followStore(readAfter: (after: number, plan: string | undefined) => AsyncIterable<StoredCommit>, listen: ChangeFeed, options: SubscribeOptions = {}): Subscription {
  let after = options.after ?? 0;
  if (!Number.isSafeInteger(after) || after < 0) throw new RangeError(`a subscription starts after a position (0, 1, 2 ...), not ${after}`);
  let pending = true;
  let closed = false;
  let wake: (() => void) | undefined;
  const changed = () => {
    pending = true;
    wake?.();
  };
  const abort = () => void subscription.close();

  async function* run(): AsyncGenerator<StoredCommit> {
    const stop = await listen(changed);
    try {
      while (!closed) {
        if (!pending) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
          continue;
        }
        pending = false;
        for await (const commit of readAfter(after, options.plan)) {
          if (closed) return;
          if (commit.position <= after) continue;
          after = commit.position;
          if (options.plan === undefined || commit.plan === options.plan) yield commit;
        }
      }
    } finally {
      options.signal?.removeEventListener("abort", abort);
      await stop();
    }
  }

  const commits = run();
  const subscription: Subscription = {
    [Symbol.asyncIterator]() {
      return subscription;
    },
    next: () => commits.next(),
    async return() {
      await subscription.close();
      return { done: true, value: undefined };
    },
    async close() {
      if (closed) return;
      closed = true;
      wake?.();
      await commits.return(undefined);
    },
  };
  if (options.signal?.aborted) closed = true;
  else options.signal?.addEventListener("abort", abort, { once: true });
  return subscription;
}
