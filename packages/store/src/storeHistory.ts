import { type DomainError, type PlanCommand, isRapkError } from "@rapk/core";
import { type CommittedVersion, EMPTY_HEAD, type History, type LogHead, type RevisionInput, type StoredEvent, appendRevision, headAfter, openHistory } from "@rapk/history";
import { signVersion } from "@rapk/history/signing";
import type { EventStore } from "./eventStore.js";

/** A revision with its commands typed: what a program (not a file) appends. */
export interface PlanRevision {
  readonly meta: RevisionInput["meta"];
  readonly commands: readonly PlanCommand[];
}

export interface StoreAppendOptions {
  /** Refuse (StoreConflict) unless the plan is still at this version when the store commits. */
  readonly expectedVersion?: number;
  /** An Ed25519 secret key (hex) to sign the version's head with. */
  readonly signWith?: string;
  /** The writer's clock for recordedAt (default: now). */
  readonly now?: () => string;
}

export type StoreAppendResult =
  | { readonly ok: true; readonly version: CommittedVersion; readonly head: LogHead }
  | { readonly ok: false; readonly error: DomainError };

/**
 * A plan's history kept by a store: as-of and diff questions on `history`, and `append`, which
 * decides a revision on the head held here, hands the sealed version to the store (which checks
 * the head again as it commits: a StoreConflict when another writer got in first) and extends
 * what is held here without reading the log again.
 */
export interface StoreHistory {
  readonly store: EventStore;
  readonly plan: string;
  /** The committed versions read, and appended through this object, in order. */
  readonly versions: readonly CommittedVersion[];
  readonly events: readonly StoredEvent[];
  /** Where the log ends, as far as this object knows. */
  readonly head: LogHead;
  /** Versions, states at any version or moment, diffs (`@rapk/history`'s History), for the versions held. */
  readonly history: History;
  /**
   * Decides and appends a revision, all or nothing. A domain refusal is returned; a store's refusal
   * (StoreConflict, StoreError) is thrown. After a StoreConflict what is held has caught up with the
   * store (the versions another writer committed are read), so the next append decides on the
   * log's head, not on the one that lost.
   */
  append(revision: PlanRevision, options?: StoreAppendOptions): Promise<StoreAppendResult>;
  /** Reads the versions committed since what is held (by another writer) and holds them too; returns how many. */
  refresh(): Promise<number>;
}

/** Reads a plan's versions from a store once and opens its history (a plan the store does not hold is empty). */
export async function openStoreHistory(store: EventStore, plan: string): Promise<StoreHistory> {
  const versions: CommittedVersion[] = [];
  for await (const version of store.read(plan)) versions.push(version);
  let events: StoredEvent[] = versions.flatMap((version) => version.events);
  let head = versions.length === 0 ? EMPTY_HEAD : headAfter(versions[versions.length - 1] as CommittedVersion);
  // Opened when first asked for, and again after an append: replaying events held in memory, not reading the log.
  let opened: History | undefined;
  const history = (): History => (opened ??= openHistory(events));

  const hold = (version: CommittedVersion): void => {
    versions.push(version);
    events = [...events, ...version.events];
    head = headAfter(version);
    opened = undefined;
  };
  const refresh = async (): Promise<number> => {
    const held = versions.length;
    let added = 0;
    for await (const version of store.read(plan)) {
      if (version.version <= held) {
        // What is held was read from this log: a different version there means the log is not the one read.
        if (version.head !== versions[version.version - 1]?.head) throw new Error(`plan ${plan}: version ${version.version} in the store is not the one held (the log was replaced); open the history again`);
        continue;
      }
      hold(version);
      added += 1;
    }
    return added;
  };

  return {
    store,
    plan,
    get versions() {
      return versions;
    },
    get events() {
      return events;
    },
    get head() {
      return head;
    },
    get history() {
      return history();
    },
    refresh,
    async append(revision, options = {}) {
      const decided = appendRevision(events, revision, { history: history(), head, ...(options.now ? { now: options.now } : {}) });
      if (!decided.ok) return decided;
      const sealed = options.signWith ? signVersion(decided.sealed, options.signWith) : decided.sealed;
      let committed: LogHead;
      try {
        committed = await store.append(plan, sealed, options.expectedVersion === undefined ? { expectedHead: head.head } : { expectedVersion: options.expectedVersion, expectedHead: head.head });
      } catch (error) {
        // Another writer got in first: catch up with it, so the next decision is made on the log's head.
        if (isRapkError(error, "CONFLICT")) await refresh();
        throw error;
      }
      hold(sealed);
      head = { version: committed.version, seq: committed.seq, head: committed.head };
      return { ok: true, version: sealed, head };
    },
  };
}
