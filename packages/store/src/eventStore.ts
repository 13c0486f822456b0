import { type ErrorCode, RapkError } from "@rapk/core";
import type { CommittedVersion, LogHead } from "@rapk/history";
import type { EvidenceFiles } from "./evidenceFiles.js";
import type { SubscribeOptions, Subscription } from "./subscribe.js";

/**
 * A plan's id in a store: letters, digits, `.`, `_` and `-`, starting with a letter or digit
 * (`loka-pom-rejang-lebong-2024`). Every store accepts these and only these, so a plan can move
 * from one store to another under the same id (the NDJSON file store names its file after it).
 */
export const PLAN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** A plan a store holds and where its log ends. */
export interface PlanSummary extends LogHead {
  readonly plan: string;
}

/**
 * Which versions to read, all of them by default. Each bound keeps the versions at or before it:
 * `toVersion` a version number, `effectiveAt` and `recordedAt` an ISO date-time with offset
 * (compared as instants with the version's metadata.effectiveAt and metadata.recordedAt).
 * The bounds combine (all must hold).
 */
export interface ReadRange {
  readonly toVersion?: number;
  readonly effectiveAt?: string;
  readonly recordedAt?: string;
}

/**
 * What an append expects of the log beside what the sealed version already implies (it was
 * sealed after a head, so it follows only that head): a version number and/or a head hash. A
 * store refuses with {@link StoreConflict} when the log is anywhere else, never appending over.
 */
export interface AppendExpectation {
  readonly expectedVersion?: number;
  readonly expectedHead?: string;
}

/**
 * Where the log ends after an append. `alreadyCommitted` is there (true) when the version was in
 * the log already, the same sealed version sent again: nothing was appended, and that is a
 * success (the version is committed), not a conflict. A version decided on an old head that is
 * not the one committed is still a {@link StoreConflict}.
 */
export interface AppendedHead extends LogHead {
  readonly alreadyCommitted?: true;
}

/** One version of one plan in a store's commit order, for projections across plans. */
export interface StoredCommit {
  readonly plan: string;
  /** 1, 2, 3 ... in the order the store committed the versions, across all its plans. */
  readonly position: number;
  readonly version: CommittedVersion;
}

/**
 * The event store of RAPK plans: one log per plan, each a hash-chained sequence of versions
 * (a version: its events and a commit record; see @rapk/history's sealVersion and
 * docs/log-format.md). Every store passes the same conformance suite
 * (`@rapk/store/conformance`, docs/stores.md).
 *
 * The concurrency contract: `append` is all or nothing and linearisable per plan. A version is
 * sealed against the head it was decided on; if another version was committed meanwhile the
 * append fails with a {@link StoreConflict} and the log is unchanged, so two writers never both
 * get version n. A version that is not well made (a hash that does not recompute, a commit
 * record that does not count its events) fails with a {@link StoreError} VERSION_INVALID.
 */
export interface EventStore extends EvidenceFiles {
  /** What kind of store this is, for messages: `memory`, `file`, `postgres`. */
  readonly kind: string;
  /** The plans the store holds (in plan id order) and where each log ends. */
  listPlans(): Promise<PlanSummary[]>;
  /** Where a plan's log ends; version 0 and the genesis hash for a plan the store does not hold. */
  head(plan: string): Promise<LogHead>;
  /** A plan's committed versions in order, streaming; a version cut short by a crash is never among them. */
  read(plan: string, range?: ReadRange): AsyncIterable<CommittedVersion>;
  /**
   * Appends one sealed version (sealVersion: the head it was decided on, its events, its
   * metadata) and returns the new head. A plan not held yet is created by its version 1.
   * Idempotent: the same sealed version sent again (after a lost answer) appends nothing and
   * returns the log's head with `alreadyCommitted: true`, whatever `expect` says.
   */
  append(plan: string, version: CommittedVersion, expect?: AppendExpectation): Promise<AppendedHead>;
  /** Every plan's versions in the store's commit order, after `position` (0: from the start). */
  readAll(after?: number): AsyncIterable<StoredCommit>;
  /**
   * Follows the store from a position (`after`, 0 by default), for all plans or one (`plan`):
   * first every version already committed after it, then each new one as it is committed, in
   * commit order, each once, until the subscription is closed (`close()`, `signal`, or leaving
   * the `for await` loop). The positions are readAll's, so a reader that keeps the last one it
   * handled resumes there after a restart.
   */
  subscribe(options?: SubscribeOptions): Subscription;
  /** Releases what the store holds open (connections, file handles). */
  close(): Promise<void>;
}

/** A store's refusal or failure, with a stable code (VERSION_INVALID, PLAN_ID_INVALID, LOG_INVALID, TORN_TAIL, ...). */
export class StoreError extends RapkError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly plan?: string,
  ) {
    super(code, message);
    this.name = "StoreError";
  }
}

/**
 * The log was not where the append expected it: another version was committed first (or the
 * expectation named another version or head). Nothing was appended; decide again on `actual`.
 */
export class StoreConflict extends StoreError {
  constructor(
    readonly plan: string,
    readonly expected: { readonly version: number; readonly head?: string },
    readonly actual: LogHead,
    why: string,
  ) {
    super("CONFLICT", `conflict on plan ${plan}: ${why}; the log is at version ${actual.version} (head ${actual.head}); nothing was appended`, plan);
    this.name = "StoreConflict";
  }
}

/** Throws PLAN_ID_INVALID unless `plan` is a plan id every store accepts. */
export function checkPlanId(plan: string): void {
  if (!PLAN_ID.test(plan))
    throw new StoreError("PLAN_ID_INVALID", `plan id ${JSON.stringify(plan)} must be letters, digits, ".", "_" or "-", starting with a letter or digit (at most 200)`, plan);
}
