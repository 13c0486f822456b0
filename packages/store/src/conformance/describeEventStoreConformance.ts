import { planCommand, isRapkError } from "@rapk/core";
import { type CommittedVersion, EMPTY_HEAD, GENESIS_HASH, canonicalJson, checkSealed, headAfter } from "@rapk/history";
import { afterEach, describe, expect, it } from "vitest";
import type { EventStore, StoreConflict, StoreError, StoredCommit } from "../eventStore.js";
import type { Subscription } from "../subscribe.js";
import { PlanWriter, collect, draftCommands, metadataAt, reportCommands } from "./planVersions.js";

/** How the suite reaches a store: every store's test file gives one (docs/stores.md). */
export interface ConformanceSubject {
  /** A new, empty store. */
  open(): Promise<EventStore>;
  /** Another handle on the same data as `store` (a second process, or the same one after a restart); `store` stays open. */
  reopen(store: EventStore): Promise<EventStore>;
  /**
   * Leaves `plan` as a crash in the middle of appending `version` would (for a file: some of its
   * lines written, no commit record; for a database: a transaction never committed). The store
   * is closed afterwards; the suite reopens it.
   */
  crashDuring(store: EventStore, plan: string, version: CommittedVersion): Promise<void>;
  /** Events in the suite's large version (default 5,000). */
  readonly largeVersion?: number;
}

const PLAN = "loka-pom-rejang-lebong-2024";
const OTHER = "loka-pom-kabupaten-ketapang-2024";
const THIRD = "balai-pom-palangka-raya-2024";

/**
 * The feature suite every EventStore passes, whatever keeps the data: ordering, expected-version
 * and expected-head conflicts, concurrent writers, reading ranges, the hash chain and commit
 * records, a large version, unicode, and reopening after a crash. Call it from a store's test file:
 * `describeEventStoreConformance("file", { open, reopen, crashDuring })`.
 */
export function describeEventStoreConformance(name: string, subject: ConformanceSubject): void {
  describe(`EventStore conformance: ${name}`, () => {
    const opened: EventStore[] = [];
    const open = async () => track(await subject.open());
    const reopen = async (store: EventStore) => track(await subject.reopen(store));
    function track(store: EventStore): EventStore {
      opened.push(store);
      return store;
    }
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close().catch(() => undefined);
    });

    /** A plan with a draft (version 1) and `reports` monthly reports after it, appended. */
    async function planWith(store: EventStore, reports: number, plan = PLAN): Promise<{ writer: PlanWriter; versions: CommittedVersion[] }> {
      const writer = new PlanWriter();
      const versions = [writer.next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft"))];
      for (let month = 1; month <= reports; month++) versions.push(writer.next(reportCommands(month), metadataAt(`2024-${String(month + 2).padStart(2, "0")}-05T10:00:00+07:00`, "report")));
      for (const version of versions) await store.append(plan, version);
      return { writer, versions };
    }

    describe("given an empty store", () => {
      it("then it lists no plans, a plan's head is version 0 at the genesis hash, and reading yields nothing", async () => {
        const store = await open();
        expect(await store.listPlans()).toEqual([]);
        expect(await store.head(PLAN)).toEqual({ version: 0, seq: 0, head: GENESIS_HASH });
        expect(await collect(store.read(PLAN))).toEqual([]);
        expect(await collect(store.readAll())).toEqual([]);
      });

      it("then a plan id that no store could hold is refused (PLAN_ID_INVALID)", async () => {
        const store = await open();
        const version = new PlanWriter().next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft"));
        for (const bad of ["", "../escape", "a/b", " spaced", "x".repeat(201)])
          await expect(store.append(bad, version)).rejects.toMatchObject({ code: "PLAN_ID_INVALID" });
        expect(await store.listPlans()).toEqual([]);
      });
    });

    describe("given versions appended one after another", () => {
      it("then they read back in order, whole: the same events, metadata and commit records", async () => {
        const store = await open();
        const { versions } = await planWith(store, 3);
        const read = await collect(store.read(PLAN));
        expect(read.map((v) => v.version)).toEqual([1, 2, 3, 4]);
        expect(read.map((v) => canonicalJson(v.commit))).toEqual(versions.map((v) => canonicalJson(v.commit)));
        expect(read.flatMap((v) => v.events.map((e) => [e.seq, e.version, e.type, canonicalJson(e.data), e.hash]))).toEqual(
          versions.flatMap((v) => v.events.map((e) => [e.seq, e.version, e.type, canonicalJson(e.data), e.hash])),
        );
        expect(read.map((v) => v.metadata)).toEqual(versions.map((v) => v.metadata));
      });

      it("then seq runs 1, 2, 3 ... across versions and each append returns the new head", async () => {
        const store = await open();
        const writer = new PlanWriter();
        const first = writer.next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft"));
        expect(await store.append(PLAN, first)).toEqual(headAfter(first));
        const second = writer.next(reportCommands(1), metadataAt("2024-03-05T10:00:00+07:00", "report"));
        expect(await store.append(PLAN, second)).toEqual({ version: 2, seq: first.events.length + 2, head: second.head });
        const seqs = (await collect(store.read(PLAN))).flatMap((v) => v.events.map((e) => e.seq));
        expect(seqs).toEqual(Array.from({ length: first.events.length + 2 }, (_, i) => i + 1));
        expect(await store.head(PLAN)).toEqual(headAfter(second));
        expect(await store.listPlans()).toEqual([{ plan: PLAN, ...headAfter(second) }]);
      });

      it("then the hash chain runs from the genesis hash through every event and commit record", async () => {
        const store = await open();
        await planWith(store, 4);
        let head = EMPTY_HEAD;
        for (const version of await collect(store.read(PLAN))) {
          expect(checkSealed(head, version)).toBeUndefined();
          expect(version.commit?.prev).toBe(version.events.at(-1)?.hash);
          expect(version.commit?.events).toBe(version.events.length);
          head = headAfter(version);
        }
        expect(head).toEqual(await store.head(PLAN));
      });
    });

    describe("given a version decided on a head the log has moved past", () => {
      it("then the append fails with a typed StoreConflict naming where the log is, and nothing changes", async () => {
        const store = await open();
        const { writer } = await planWith(store, 1);
        const late = writer.fork();
        const winner = writer.next(reportCommands(2), metadataAt("2024-04-05T10:00:00+07:00", "report"));
        const loser = late.next(reportCommands(2, 80), metadataAt("2024-04-06T10:00:00+07:00", "report"));
        await store.append(PLAN, winner);
        const failure = await store.append(PLAN, loser).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(isRapkError(failure, "CONFLICT")).toBe(true);
        expect(failure).toMatchObject({ code: "CONFLICT", plan: PLAN, actual: headAfter(winner), expected: { version: 2 } });
        const read = await collect(store.read(PLAN));
        expect(read.map((v) => v.head)).toEqual([read[0]?.head, read[1]?.head, winner.head]);
      });

      it("then an expected version or expected head other than the log's is a conflict too", async () => {
        const store = await open();
        const { writer } = await planWith(store, 1);
        const next = writer.next(reportCommands(2), metadataAt("2024-04-05T10:00:00+07:00", "report"));
        await expect(store.append(PLAN, next, { expectedVersion: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
        await expect(store.append(PLAN, next, { expectedHead: GENESIS_HASH })).rejects.toMatchObject({ code: "CONFLICT" });
        expect((await store.head(PLAN)).version).toBe(2);
        const head = await store.append(PLAN, next, { expectedVersion: 2, expectedHead: next.events[0]?.prev as string });
        expect(head.version).toBe(3);
      });

      it("then a version 1 for a plan that exists already is a conflict, not a second plan", async () => {
        const store = await open();
        await planWith(store, 0);
        const again = new PlanWriter().next(draftCommands("Loka POM Lain"), metadataAt("2024-02-23T09:00:00+07:00", "draft"));
        await expect(store.append(PLAN, again)).rejects.toMatchObject({ code: "CONFLICT" });
        expect((await collect(store.read(PLAN))).length).toBe(1);
      });
    });

    describe("given a version sent again that the log holds already", () => {
      it("then the head version or an earlier one sent again is a success that says so, whatever the expectation, and nothing is appended", async () => {
        const store = await open();
        const { versions } = await planWith(store, 3);
        const head = headAfter(versions[3] as CommittedVersion);
        expect(await store.append(PLAN, versions[3] as CommittedVersion)).toEqual({ ...head, alreadyCommitted: true });
        expect(await store.append(PLAN, versions[3] as CommittedVersion, { expectedVersion: 3 })).toEqual({ ...head, alreadyCommitted: true });
        expect(await store.append(PLAN, versions[1] as CommittedVersion)).toEqual({ ...head, alreadyCommitted: true });
        expect(await store.append(PLAN, versions[0] as CommittedVersion)).toEqual({ ...head, alreadyCommitted: true });
        expect((await collect(store.read(PLAN))).map((v) => v.head)).toEqual(versions.map((v) => v.head));
        expect((await collect(store.readAll())).map((c) => c.position)).toEqual([1, 2, 3, 4]);
      });

      it("then another version of the same number is still a conflict, and a re-sent one whose events were changed is VERSION_INVALID", async () => {
        const store = await open();
        const { writer, versions } = await planWith(store, 1);
        const rival = writer.fork();
        const second = versions[1] as CommittedVersion;
        const fork = new PlanWriter(headAfter(versions[0] as CommittedVersion), (versions[0] as CommittedVersion).events).next(reportCommands(1, 42), metadataAt("2024-03-05T10:00:00+07:00", "report"));
        await expect(store.append(PLAN, fork)).rejects.toMatchObject({ code: "CONFLICT" });
        const changed = { ...second, events: second.events.map((e, i) => (i === 0 ? { ...e, data: { ...(e.data as object), value: 1 } } : e)) } as CommittedVersion;
        await expect(store.append(PLAN, changed)).rejects.toMatchObject({ code: "VERSION_INVALID" });
        expect((await store.append(PLAN, rival.next(reportCommands(2), metadataAt("2024-04-05T10:00:00+07:00", "report")))).alreadyCommitted).toBeUndefined();
        expect((await store.head(PLAN)).version).toBe(3);
      });

      it("then eight writers sending the same new version at once append it once: one appends, seven hear it was committed", async () => {
        const store = await open();
        const second = await reopen(store);
        const { writer } = await planWith(store, 1);
        const version = writer.next(reportCommands(2), metadataAt("2024-04-05T10:00:00+07:00", "report"));
        const heads = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? store : second).append(PLAN, version)));
        expect(heads.filter((h) => h.alreadyCommitted === undefined)).toHaveLength(1);
        expect(heads.filter((h) => h.alreadyCommitted === true)).toHaveLength(7);
        for (const head of heads) expect({ version: head.version, seq: head.seq, head: head.head }).toEqual(headAfter(version));
        expect((await collect(store.read(PLAN))).map((v) => v.version)).toEqual([1, 2, 3]);
      });
    });

    describe("given eight writers appending on the same head at once", () => {
      it("then exactly one wins and seven get a conflict; the log holds the winner", async () => {
        const store = await open();
        const second = await reopen(store);
        const { writer } = await planWith(store, 1);
        const candidates = Array.from({ length: 8 }, (_, i) => writer.fork().next(reportCommands(2, 50 + i), metadataAt("2024-04-05T10:00:00+07:00", "report")));
        const results = await Promise.allSettled(candidates.map((version, i) => (i % 2 === 0 ? store : second).append(PLAN, version)));
        const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
        expect(won).toHaveLength(1);
        for (const r of results) if (r.status === "rejected") expect(isRapkError(r.reason, "CONFLICT")).toBe(true);
        const read = await collect(store.read(PLAN));
        expect(read.map((v) => v.version)).toEqual([1, 2, 3]);
        expect(read[2]?.head).toBe(candidates[won[0] as number]?.head);
      });

      it("then writers that retry on conflict all get in, each once, in some order", async () => {
        const store = await open();
        const { writer } = await planWith(store, 0);
        const attempts = Array.from({ length: 6 }, async (_, i) => {
          for (;;) {
            const read = await collect(store.read(PLAN));
            const retry = new PlanWriter(headAfter(read.at(-1) as CommittedVersion), read.flatMap((v) => v.events));
            try {
              return await store.append(PLAN, retry.next(reportCommands(i + 1), metadataAt("2024-04-05T10:00:00+07:00", "report")));
            } catch (error) {
              if (!isRapkError(error, "CONFLICT")) throw error;
            }
          }
        });
        const heads = await Promise.all(attempts);
        expect(heads.map((h) => h.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
        expect(writer.head.version).toBe(1);
        expect((await store.head(PLAN)).version).toBe(7);
      });
    });

    describe("given a version that is not well made", () => {
      it("then a changed event, a wrong count or a changed commit is refused (VERSION_INVALID) and nothing changes", async () => {
        const store = await open();
        const { writer } = await planWith(store, 0);
        const good = writer.fork().next(reportCommands(1), metadataAt("2024-03-05T10:00:00+07:00", "report"));
        const commit = good.commit as NonNullable<CommittedVersion["commit"]>;
        const edited = { ...good, events: good.events.map((e, i) => (i === 0 ? { ...e, data: { ...(e.data as object), value: 1 } } : e)) } as CommittedVersion;
        const miscounted = { ...good, commit: { ...commit, events: commit.events + 1 } } as CommittedVersion;
        const reworded = { ...good, commit: { ...commit, metadata: { ...commit.metadata, actor: "someone else" } } } as CommittedVersion;
        const uncommitted = { ...good, commit: undefined } as CommittedVersion;
        for (const bad of [edited, miscounted, reworded, uncommitted]) {
          const failure = await store.append(PLAN, bad).then(
            () => undefined,
            (error: unknown) => error,
          );
          expect(isRapkError(failure, "VERSION_INVALID")).toBe(true);
          expect((failure as StoreError).code).toBe("VERSION_INVALID");
        }
        expect((await store.head(PLAN)).version).toBe(1);
        expect((await store.append(PLAN, good)).version).toBe(2);
      });
    });

    describe("given a plan with versions over the months", () => {
      it("then it reads up to a version, an effective date, a recorded time, or all three at once", async () => {
        const store = await open();
        const writer = new PlanWriter();
        // Version 3 is recorded late (in June) but took effect in March: the two times differ.
        const plan = [
          writer.next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft")),
          writer.next(reportCommands(1), metadataAt("2024-03-05T10:00:00+07:00", "report")),
          writer.next(reportCommands(2), metadataAt("2024-06-10T10:00:00+07:00", "report", "2024-03-31T16:00:00+07:00")),
          writer.next(reportCommands(3), metadataAt("2024-07-01T08:00:00+07:00", "report")),
        ];
        for (const version of plan) await store.append(PLAN, version);
        const numbers = async (range: Parameters<EventStore["read"]>[1]) => (await collect(store.read(PLAN, range))).map((v) => v.version);
        expect(await numbers({ toVersion: 2 })).toEqual([1, 2]);
        expect(await numbers({ toVersion: 0 })).toEqual([]);
        expect(await numbers({ effectiveAt: "2024-04-01T00:00:00+07:00" })).toEqual([1, 2, 3]);
        expect(await numbers({ recordedAt: "2024-04-01T00:00:00+07:00" })).toEqual([1, 2]);
        // The same instant written in another offset is the same bound.
        expect(await numbers({ recordedAt: "2024-06-10T03:00:00Z" })).toEqual([1, 2, 3]);
        expect(await numbers({ toVersion: 3, effectiveAt: "2024-12-31T00:00:00+07:00", recordedAt: "2024-06-30T00:00:00+07:00" })).toEqual([1, 2, 3]);
        await expect(collect(store.read(PLAN, { effectiveAt: "yesterday" }))).rejects.toMatchObject({ code: "RANGE_INVALID" });
      });

      it("then every field of the metadata and the signatures in the commit record are kept as given, in order", async () => {
        const store = await open();
        const writer = new PlanWriter();
        const source = { name: "rapk-2024.txt", size: 31_337, sha256: "a".repeat(64) };
        const findings = [{ code: "PAGE_MISSING", line: 12, subject: "01.06", message: { id: "Halaman hilang", en: "A page is missing" } }];
        const sealed = writer.next(draftCommands(), metadataAt("2026-11-30T10:00:00+07:00", "draft", "2024-02-22T00:00:00+07:00", { source, importer: "@rapk/import@0.1.0", findings }));
        const signed = { ...sealed, commit: { ...(sealed.commit as NonNullable<CommittedVersion["commit"]>), signatures: [{ publicKey: "b".repeat(64), signature: "c".repeat(128) }, { publicKey: "d".repeat(64), signature: "e".repeat(128) }] } };
        await store.append(PLAN, signed);
        const [read] = await collect(store.read(PLAN));
        expect(read?.commit?.signatures).toEqual([{ publicKey: "b".repeat(64), signature: "c".repeat(128) }, { publicKey: "d".repeat(64), signature: "e".repeat(128) }]);
        expect(read?.metadata).toEqual(sealed.metadata);
        expect(read?.commit?.metadata).toEqual(sealed.metadata);
      });
    });

    describe("given a large version", () => {
      it("then it is appended and read back whole, and the next version follows it", async () => {
        const store = await open();
        const size = subject.largeVersion ?? 5_000;
        const writer = new PlanWriter();
        // A draft whose targets were set again and again, one event per setTarget.
        const targets = Array.from({ length: size }, (_, i) => planCommand("setTarget", { indicator: "01.01", month: (i % 12) + 1, value: 90 + (i % 100) / 10 }));
        const large = writer.next([...draftCommands(), ...targets], metadataAt("2024-02-22T09:00:00+07:00", "draft"));
        expect(large.events.length).toBeGreaterThanOrEqual(size);
        await store.append(PLAN, large);
        const next = writer.next(reportCommands(1), metadataAt("2024-03-05T10:00:00+07:00", "report"));
        await store.append(PLAN, next);
        const read = await collect(store.read(PLAN));
        expect(read[0]?.events.length).toBe(large.events.length);
        expect(read[0]?.head).toBe(large.head);
        expect(read[1]?.events[0]?.seq).toBe(large.events.length + 1);
      });
    });

    describe("given text in any script and numbers JSON writes in exponent form", () => {
      it("then they come back exactly, and the hashes still recompute", async () => {
        const store = await open();
        const writer = new PlanWriter();
        const unit = "Loka POM 🇮🇩 Rejang Lebong — \u062c\u0627\u0643\u0631\u062a\u0627 \u00e9\u0301 \"kutip\" \\ \u2028 \ud83d\ude00";
        const draft = writer.next(draftCommands(unit), metadataAt("2024-02-22T09:00:00+07:00", "draft", "2024-02-22T09:00:00+07:00", { reason: "Rencana Aksi — “final” ✓" }));
        const tiny = writer.next(reportCommands(1, 1e-7), metadataAt("2024-03-05T10:00:00+07:00", "report"));
        await store.append(PLAN, draft);
        await store.append(PLAN, tiny);
        const read = await collect(store.read(PLAN));
        expect((read[0]?.events[0]?.data as { unit: string }).unit).toBe(unit);
        expect(read[0]?.metadata.reason).toBe("Rencana Aksi — “final” ✓");
        expect((read[1]?.events[0]?.data as { value: number }).value).toBe(1e-7);
        expect(checkSealed(EMPTY_HEAD, read[0] as CommittedVersion)).toBeUndefined();
        expect(checkSealed(headAfter(read[0] as CommittedVersion), read[1] as CommittedVersion)).toBeUndefined();
      });
    });

    describe("given several plans", () => {
      it("then each has its own log and readAll gives every version in commit order, from any position", async () => {
        const store = await open();
        const a = new PlanWriter();
        const b = new PlanWriter();
        const order: [string, CommittedVersion][] = [
          [PLAN, a.next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft"))],
          [OTHER, b.next(draftCommands("Loka POM di Kabupaten Ketapang"), metadataAt("2024-02-23T09:00:00+07:00", "draft"))],
          [PLAN, a.next(reportCommands(1), metadataAt("2024-03-05T10:00:00+07:00", "report"))],
          [OTHER, b.next(reportCommands(1), metadataAt("2024-03-06T10:00:00+07:00", "report"))],
          [OTHER, b.next(reportCommands(2), metadataAt("2024-04-06T10:00:00+07:00", "report"))],
        ];
        for (const [plan, version] of order) await store.append(plan, version);
        expect((await store.listPlans()).map((p) => [p.plan, p.version])).toEqual([
          [OTHER, 3],
          [PLAN, 2],
        ]);
        const all = await collect(store.readAll());
        expect(all.map((c) => [c.plan, c.version.version, c.version.head])).toEqual(order.map(([plan, v]) => [plan, v.version, v.head]));
        expect(all.map((c) => c.position)).toEqual([1, 2, 3, 4, 5]);
        const rest = await collect(store.readAll(3));
        expect(rest.map((c) => c.position)).toEqual([4, 5]);
        expect((await collect(store.read(OTHER))).map((v) => v.version)).toEqual([1, 2, 3]);
      });
    });

    describe("given a subscription from a position", () => {
      /** The next `count` commits the subscription gives, failing after `ms` rather than hanging. */
      async function take(subscription: Subscription, count: number, ms = 20_000): Promise<StoredCommit[]> {
        const taken: StoredCommit[] = [];
        let timer: ReturnType<typeof setTimeout> | undefined;
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`the subscription gave ${taken.length} of ${count} commits in ${ms} ms`)), ms);
        });
        try {
          while (taken.length < count) {
            const next = await Promise.race([subscription.next(), late]);
            if (next.done) throw new Error(`the subscription ended after ${taken.length} of ${count} commits`);
            taken.push(next.value);
          }
        } finally {
          clearTimeout(timer);
        }
        return taken;
      }
      const described = (commits: readonly StoredCommit[]) => commits.map((c) => [c.position, c.plan, c.version.version, c.version.head]);

      it("then it catches up on what is after the position, then gives each new commit, from any handle, in commit order, each once", async () => {
        const store = await open();
        const other = await reopen(store);
        const a = new PlanWriter();
        const b = new PlanWriter();
        await store.append(PLAN, a.next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft")));
        await store.append(OTHER, b.next(draftCommands("Loka POM di Kabupaten Ketapang"), metadataAt("2024-02-22T09:00:00+07:00", "draft")));
        await store.append(PLAN, a.next(reportCommands(1), metadataAt("2024-03-05T10:00:00+07:00", "report")));
        const subscription = store.subscribe({ after: 1 });
        try {
          expect(described(await take(subscription, 2))).toEqual(described((await collect(store.readAll())).slice(1)));
          // Committed after catching up, through this handle and another (another process).
          const later = [
            [OTHER, b.next(reportCommands(1), metadataAt("2024-03-05T10:00:00+07:00", "report"))],
            [PLAN, a.next(reportCommands(2), metadataAt("2024-04-05T10:00:00+07:00", "report"))],
            [OTHER, b.next(reportCommands(2), metadataAt("2024-04-05T10:00:00+07:00", "report"))],
          ] as const;
          const given = take(subscription, 3);
          for (const [index, [plan, version]] of later.entries()) await (index % 2 === 0 ? other : store).append(plan, version);
          const live = await given;
          expect(live.map((c) => [c.position, c.plan, c.version.head])).toEqual(later.map(([plan, version], i) => [4 + i, plan, version.head]));
          expect(described(live)).toEqual(described((await collect(store.readAll(3)))));
        } finally {
          await subscription.close();
        }
        // Closed: the iterator is done, and a commit after it is not given.
        await store.append(PLAN, a.next(reportCommands(3), metadataAt("2024-05-05T10:00:00+07:00", "report")));
        expect(await subscription.next()).toEqual({ done: true, value: undefined });
      });

      it("then one plan's subscription gives only that plan's versions, with the store's positions", async () => {
        const store = await open();
        const a = new PlanWriter();
        const b = new PlanWriter();
        const subscription = store.subscribe({ plan: OTHER });
        try {
          const given = take(subscription, 2);
          await store.append(PLAN, a.next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft")));
          await store.append(OTHER, b.next(draftCommands("Loka POM di Kabupaten Ketapang"), metadataAt("2024-02-22T09:00:00+07:00", "draft")));
          await store.append(PLAN, a.next(reportCommands(1), metadataAt("2024-03-05T10:00:00+07:00", "report")));
          await store.append(OTHER, b.next(reportCommands(1), metadataAt("2024-03-05T10:00:00+07:00", "report")));
          expect((await given).map((c) => [c.position, c.plan, c.version.version])).toEqual([
            [2, OTHER, 1],
            [4, OTHER, 2],
          ]);
        } finally {
          await subscription.close();
        }
      });

      it("then a waiting next() ends when the subscription is closed or its signal aborted, and leaving a for-await loop closes it", async () => {
        const store = await open();
        const writer = new PlanWriter();
        await store.append(PLAN, writer.next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft")));
        const closed = store.subscribe({ after: 1 });
        const waiting = closed.next();
        await new Promise((resolve) => setTimeout(resolve, 50));
        await closed.close();
        expect(await waiting).toEqual({ done: true, value: undefined });

        const controller = new AbortController();
        const aborted = store.subscribe({ after: 1, signal: controller.signal });
        const pending = aborted.next();
        controller.abort();
        expect(await pending).toEqual({ done: true, value: undefined });

        const seen: number[] = [];
        for await (const commit of store.subscribe()) {
          seen.push(commit.position);
          break;
        }
        expect(seen).toEqual([1]);
      });
    });

    describe("given plans appended interleaved with the same recorded time to the second", () => {
      it("then readAll gives them in the order they were committed, and a reader catching up after each append sees every version once at a position that never moves", async () => {
        const store = await open();
        const writers = new Map([PLAN, OTHER, THIRD].map((plan) => [plan, new PlanWriter()]));
        // The same recordedAt everywhere, and plan ids whose order is not the commit order.
        const at = "2024-03-05T10:00:00+07:00";
        const plans = [THIRD, PLAN, OTHER, PLAN, THIRD, OTHER, OTHER, PLAN, THIRD];
        const seen: string[] = [];
        let position = 0;
        for (const plan of plans) {
          const writer = writers.get(plan) as PlanWriter;
          const version = writer.next(writer.head.version === 0 ? draftCommands() : reportCommands(writer.head.version), metadataAt(at, writer.head.version === 0 ? "draft" : "report"));
          await store.append(plan, version);
          for (const commit of await collect(store.readAll(position))) {
            seen.push(`${commit.position} ${commit.plan} ${commit.version.version}`);
            position = commit.position;
          }
        }
        const versionOf = (i: number) => plans.slice(0, i + 1).filter((p) => p === plans[i]).length;
        expect(seen).toEqual(plans.map((plan, i) => `${i + 1} ${plan} ${versionOf(i)}`));
        expect((await collect((await reopen(store)).readAll())).map((c) => `${c.position} ${c.plan} ${c.version.version}`)).toEqual(seen);
      });

      it("then a subscription closed and started again from the last position it gave sees exactly the versions after it", async () => {
        const store = await open();
        const a = new PlanWriter();
        const b = new PlanWriter();
        const at = "2024-03-05T10:00:00+07:00";
        await store.append(PLAN, a.next(draftCommands(), metadataAt(at, "draft")));
        await store.append(OTHER, b.next(draftCommands(), metadataAt(at, "draft")));
        const first = store.subscribe();
        const given = [await first.next(), await first.next()].map((r) => r.value as StoredCommit);
        await first.close();
        await store.append(OTHER, b.next(reportCommands(1), metadataAt(at, "report")));
        await store.append(PLAN, a.next(reportCommands(1), metadataAt(at, "report")));
        const resumed = (await reopen(store)).subscribe({ after: (given.at(-1) as StoredCommit).position });
        try {
          const rest = [await resumed.next(), await resumed.next()].map((r) => r.value as StoredCommit);
          expect([...given, ...rest].map((c) => [c.position, c.plan, c.version.version])).toEqual([
            [1, PLAN, 1],
            [2, OTHER, 1],
            [3, OTHER, 2],
            [4, PLAN, 2],
          ]);
        } finally {
          await resumed.close();
        }
      });
    });

    describe("given evidence files a plan's reports cite", () => {
      // Digests computed here with Web Crypto, independently of any store's own code.
      const digest = async (bytes: Uint8Array) => [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
      it("then each is kept by its digest, read back byte for byte after reopening, kept once, and per plan", async () => {
        const store = await open();
        await planWith(store, 0);
        const scan = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
        const letter = new TextEncoder().encode("Surat pengantar laporan Januari 2024\n");
        const [a, b] = [await digest(scan), await digest(letter)];
        await store.putEvidence(PLAN, a, scan);
        await store.putEvidence(PLAN, b, letter);
        await store.putEvidence(PLAN, a, scan); // again: nothing changes
        const again = await reopen(store);
        expect(await again.getEvidence(PLAN, a)).toEqual(scan);
        expect(await again.getEvidence(PLAN, b)).toEqual(letter);
        expect(await again.getEvidence(PLAN, "0".repeat(64))).toBeUndefined();
        expect(await again.getEvidence(PLAN, "../../etc/passwd")).toBeUndefined();
      });

      it("then a digest that names no file, or a file over 20 MB, is refused before anything is kept", async () => {
        const store = await open();
        await planWith(store, 0);
        const refusal = async (call: Promise<unknown>) => call.then(() => "kept", (error: StoreError) => error.code);
        expect(await refusal(store.putEvidence(PLAN, "../x", new Uint8Array(1)))).toBe("VERSION_INVALID");
        const big = new Uint8Array(20 * 1024 * 1024 + 1);
        expect(await refusal(store.putEvidence(PLAN, await digest(big), big))).toBe("EVIDENCE_TOO_LARGE");
        expect(await store.getEvidence(PLAN, await digest(big))).toBeUndefined();
      });
    });

    describe("given a store opened again", () => {
      it("then it holds what was committed before: the same plans, heads and versions", async () => {
        const store = await open();
        const { versions } = await planWith(store, 2);
        const again = await reopen(store);
        expect(await again.listPlans()).toEqual(await store.listPlans());
        expect((await collect(again.read(PLAN))).map((v) => v.head)).toEqual(versions.map((v) => v.head));
      });

      it("then after a crash in the middle of an append it holds the versions before it, and takes the next append", async () => {
        const store = await open();
        const { writer, versions } = await planWith(store, 1);
        const interrupted = writer.fork().next(reportCommands(2), metadataAt("2024-04-05T10:00:00+07:00", "report"));
        await subject.crashDuring(store, PLAN, interrupted);
        const after = await reopen(store);
        expect(await after.head(PLAN)).toEqual(headAfter(versions[1] as CommittedVersion));
        expect((await collect(after.read(PLAN))).map((v) => v.head)).toEqual(versions.map((v) => v.head));
        const next = writer.next(reportCommands(2, 70), metadataAt("2024-04-06T10:00:00+07:00", "report"));
        expect((await after.append(PLAN, next)).version).toBe(3);
        expect((await collect(after.read(PLAN))).map((v) => v.head)).toEqual([...versions.map((v) => v.head), next.head]);
      });
    });
  });
}


