import { isRapkError } from "@rapk/core";
import type { AppendedHead, EventStore } from "./eventStore.js";
import { type PlanRevision, type StoreAppendOptions, type StoreAppendResult, type StoreHistory, openStoreHistory } from "./storeHistory.js";

export interface HandleOptions extends Omit<StoreAppendOptions, "expectedVersion"> {
  /** How many times to decide and append in all, the first included, before a conflict is thrown (default 3, at least 1). */
  readonly attempts?: number;
  /** An already opened history of the plan to start from (it is brought up to date on a conflict). */
  readonly history?: StoreHistory;
}

/** What {@link handleCommand} did: the append's result, after how many attempts. */
export type HandleResult = StoreAppendResult & { readonly attempts: number };

/**
 * The command handler an embedder writes around a store, written once: read the plan, decide a
 * revision on its state (`decide`, given the plan's history: state, versions, as-of questions),
 * append it expecting the head it was decided on, and when another writer committed first
 * (StoreConflict) read what they wrote and decide again, at most `attempts` times in all.
 *
 * A domain refusal (the plan's rules say no) is returned, not retried: deciding again on the same
 * kind of state refuses again. Any other store error is thrown at once. After the last attempt's
 * conflict the StoreConflict is thrown. `decide` may be called more than once, so it should only
 * decide (no side effects); it may read the history it is given.
 *
 * A connection lost during the append (CONNECTION_LOST: the store could not say whether the
 * version was committed) is answered by sending the same sealed version once more, which the
 * idempotent append makes safe: committed already, it is a success (`alreadyCommitted`); not, it
 * is appended now, or a conflict if another writer got in meanwhile.
 *
 * ```ts
 * const done = await handleCommand(store, "loka-pom-rejang-lebong-2024", (plan) => ({
 *   meta: { actor: "Tim Keuangan", reason: "Mei", kind: "report", effectiveAt: "2024-06-05T10:00:00+07:00" },
 *   commands: [{ type: "reportSpending", data: { line, month: 5, amount: 193_616_083 } }],
 * }));
 * ```
 */
export async function handleCommand(store: EventStore, plan: string, decide: (history: StoreHistory) => PlanRevision | Promise<PlanRevision>, options: HandleOptions = {}): Promise<HandleResult> {
  const attempts = Math.max(1, Math.floor(options.attempts ?? 3));
  const { attempts: _attempts, history: given, ...append } = options;
  const history = given ?? (await openStoreHistory(resendingOnLostConnection(store), plan));
  if (given) await history.refresh();
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await history.append(await decide(history), append);
      return { ...result, attempts: attempt };
    } catch (error) {
      // The history caught up with the winner as the conflict was thrown: decide again on it.
      if (!isRapkError(error, "CONFLICT") || attempt >= attempts) throw error;
    }
  }
}

/** The store, its append sent once more with the same version when the connection was lost during it. */
function resendingOnLostConnection(store: EventStore): EventStore {
  const append = async (...args: Parameters<EventStore["append"]>): Promise<AppendedHead> => {
    try {
      return await store.append(...args);
    } catch (error) {
      if (!isRapkError(error, "CONNECTION_LOST")) throw error;
      return store.append(...args);
    }
  };
  return new Proxy(store, { get: (target, key, receiver) => (key === "append" ? append : Reflect.get(target, key, receiver)) });
}
