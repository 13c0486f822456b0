import { type CommittedVersion, EMPTY_HEAD, type LogHead, headAfter } from "@rapk/history";
import { alreadyCommitted, checkAppend } from "./appendCheck.js";
import { type AppendExpectation, type AppendedHead, type EventStore, type PlanSummary, type ReadRange, type StoredCommit, checkPlanId } from "./eventStore.js";
import { rangeTest } from "./readRange.js";
import { checkEvidence } from "./evidenceFiles.js";
import { type SubscribeOptions, type Subscription, followStore } from "./subscribe.js";

/**
 * The in-memory store: plans in a Map, versions in arrays, the commit order in one list. For
 * tests, for the browser and as the reference the conformance suite was written against. An
 * append checks and commits in one synchronous step, so concurrent appends cannot interleave.
 */
export class MemoryEventStore implements EventStore {
  readonly kind = "memory";
  private readonly plans: Map<string, { versions: CommittedVersion[]; head: LogHead }>;
  private readonly commits: StoredCommit[];
  private readonly evidence: Map<string, Uint8Array>;
  /** Told after every commit, by every handle on the same data. */
  private readonly listeners: Set<() => void>;
  private closed = false;

  /** A new empty store, or (given one) another handle on the same data, as a second process would see it. */
  constructor(sharing?: MemoryEventStore) {
    this.plans = sharing?.plans ?? new Map();
    this.commits = sharing?.commits ?? [];
    this.evidence = sharing?.evidence ?? new Map();
    this.listeners = sharing?.listeners ?? new Set();
  }

  async listPlans(): Promise<PlanSummary[]> {
    this.open();
    return [...this.plans].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([plan, { head }]) => ({ plan, ...head }));
  }

  async putEvidence(plan: string, sha256: string, bytes: Uint8Array): Promise<void> {
    this.open();
    checkPlanId(plan);
    checkEvidence(plan, sha256, bytes);
    if (!this.evidence.has(`${plan}/${sha256}`)) this.evidence.set(`${plan}/${sha256}`, bytes.slice());
  }

  async getEvidence(plan: string, sha256: string): Promise<Uint8Array | undefined> {
    this.open();
    checkPlanId(plan);
    return this.evidence.get(`${plan}/${sha256}`)?.slice();
  }

  async head(plan: string): Promise<LogHead> {
    this.open();
    checkPlanId(plan);
    return this.plans.get(plan)?.head ?? EMPTY_HEAD;
  }

  async *read(plan: string, range?: ReadRange): AsyncIterable<CommittedVersion> {
    this.open();
    checkPlanId(plan);
    const test = rangeTest(range);
    // A copy of the list as it is now: a read is one consistent snapshot even if appends follow.
    for (const version of [...(this.plans.get(plan)?.versions ?? [])]) {
      if (test.includes(version)) yield version;
      if (test.pastEnd(version)) return;
    }
  }

  async append(plan: string, version: CommittedVersion, expect?: AppendExpectation): Promise<AppendedHead> {
    this.open();
    checkPlanId(plan);
    const held = this.plans.get(plan) ?? { versions: [], head: EMPTY_HEAD };
    const again = alreadyCommitted(plan, held.head, version, held.versions[version.version - 1]?.head);
    if (again) return again;
    checkAppend(plan, held.head, version, expect);
    const head = headAfter(version);
    this.plans.set(plan, { versions: [...held.versions, version], head });
    this.commits.push({ plan, position: this.commits.length + 1, version });
    for (const changed of [...this.listeners]) changed();
    return head;
  }

  async *readAll(after = 0): AsyncIterable<StoredCommit> {
    this.open();
    for (const commit of this.commits.slice(after)) yield commit;
  }

  /** Follows the store from a position, in process: each commit through any handle on the same data wakes it. */
  subscribe(options?: SubscribeOptions): Subscription {
    this.open();
    return followStore(
      (after) => this.readAll(after),
      async (changed) => {
        this.listeners.add(changed);
        return () => void this.listeners.delete(changed);
      },
      options,
    );
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private open(): void {
    if (this.closed) throw new Error("the memory store is closed");
  }
}

