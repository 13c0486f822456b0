import { type PlanEvent, PlanEvent as PlanEventSchema, schemaError } from "@rapk/core";
import { type CommittedVersion, checkSealed, hashEvent } from "@rapk/history";
import type { EventStore, StoredCommit } from "./eventStore.js";
import { StoreError } from "./eventStore.js";
import { type SubscribeOptions, type Subscription } from "./subscribe.js";

/** An event as it was stored (its type and data, possibly in a shape older than today's schema), and where it is. */
export interface StoredShape {
  readonly type: string;
  readonly data: unknown;
}

/**
 * Turns an event of an older shape into today's (`{ type, data }`), or gives it back unchanged. It
 * runs after the version's hashes were checked over the stored shape, and its result is then
 * checked against today's schema: what it gives must be a PlanEvent.
 */
export type Upcaster = (event: StoredShape, at: { readonly plan: string; readonly seq: number; readonly version: number }) => StoredShape;

/**
 * A store whose reads (read, readAll, subscribe) hand out events upcast: for each version read,
 * first its hash chain and commit record are checked over the events as stored (checkSealed on
 * the head the version names: a changed event is LOG_INVALID, and the upcaster never sees it),
 * then every event is passed through `upcast`, then checked against today's event schema
 * (EVENT_INVALID when the upcaster left a shape the schema refuses). The events keep their
 * stored `seq`, `prev` and `hash` (what the chain and the signatures cover); appends and
 * everything else go to the store unchanged. Hashing every event read has a cost: use it on
 * logs that hold old shapes.
 */
export function withUpcaster(store: EventStore, upcast: Upcaster): EventStore {
  const upcastVersion = (plan: string, version: CommittedVersion): CommittedVersion => {
    const problem = storedProblem(version);
    if (problem) throw new StoreError("LOG_INVALID", `plan ${plan}: version ${version.version} as stored ${problem.message}; nothing of it was upcast`, plan);
    const events = version.events.map((event) => {
      const shaped = upcast({ type: event.type, data: event.data }, { plan, seq: event.seq, version: event.version });
      const parsed = PlanEventSchema.safeParse(shaped);
      if (!parsed.success) throw new StoreError("EVENT_INVALID", `plan ${plan}: ${schemaError("EVENT_INVALID", `event ${event.seq} (${String(shaped.type).slice(0, 60)}) after upcasting`, parsed.error).message}`, plan);
      return { ...event, type: parsed.data.type, data: parsed.data.data } as typeof event & PlanEvent;
    });
    return { ...version, events };
  };
  const upcastCommit = (commit: StoredCommit): StoredCommit => ({ ...commit, version: upcastVersion(commit.plan, commit.version) });
  return {
    kind: store.kind,
    listPlans: () => store.listPlans(),
    head: (plan) => store.head(plan),
    append: (plan, version, expect) => store.append(plan, version, expect),
    putEvidence: (plan, sha256, bytes) => store.putEvidence(plan, sha256, bytes),
    getEvidence: (plan, sha256) => store.getEvidence(plan, sha256),
    close: () => store.close(),
    async *read(plan, range) {
      for await (const version of store.read(plan, range)) yield upcastVersion(plan, version);
    },
    async *readAll(after) {
      for await (const commit of store.readAll(after)) yield upcastCommit(commit);
    },
    subscribe(options?: SubscribeOptions): Subscription {
      const inner = store.subscribe(options);
      const outer: Subscription = {
        [Symbol.asyncIterator]: () => outer,
        next: async () => {
          const next = await inner.next();
          return next.done ? next : { done: false, value: upcastCommit(next.value) };
        },
        return: async () => {
          await inner.close();
          return { done: true, value: undefined };
        },
        close: () => inner.close(),
      };
      return outer;
    },
  };
}

/** What is wrong with a version as stored: its hashes over the stored shape (a v1 version, without a commit record, event by event). */
function storedProblem(version: CommittedVersion): { message: string } | undefined {
  const first = version.events[0];
  if (!first) return { message: "holds no events" };
  if (version.commit) return checkSealed({ version: version.version - 1, seq: first.seq - 1, head: first.prev }, version);
  let prev = first.prev;
  for (const event of version.events) {
    if (event.prev !== prev) return { message: `event ${event.seq}: prev is not the hash before it` };
    if (hashEvent(event) !== event.hash) return { message: `event ${event.seq}: hash does not match its content` };
    prev = event.hash;
  }
  return undefined;
}
