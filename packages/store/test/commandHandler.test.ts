import type { PlanCommand } from "@rapk/core";
import { afterAll, describe, expect, it } from "vitest";
import { collect, draftCommands, reportCommands } from "../src/conformance/index.js";
import { type EventStore, MemoryEventStore, StoreConflict, StoreError, handleCommand, openStoreHistory } from "../src/index.js";
import { NdjsonFileStore } from "../src/file/index.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PLAN = "loka-pom-rejang-lebong-2024";
const META = { actor: "Tim Perencanaan", reason: "RAPK 2024", kind: "draft" as const, effectiveAt: "2024-02-22T09:00:00+07:00" };
const clock = () => "2024-12-10T09:00:00+07:00";
const report = (month: number, value = 95.5) => ({ meta: { ...META, kind: "report" as const, reason: `bulan ${month}`, effectiveAt: `2024-${String(month + 2).padStart(2, "0")}-05T10:00:00+07:00` }, commands: reportCommands(month, value) as PlanCommand[] });
const folders: string[] = [];
afterAll(() => {
  for (const made of folders) rmSync(made, { recursive: true, force: true });
});

async function drafted<S extends EventStore>(store: S): Promise<S> {
  const plan = await openStoreHistory(store, PLAN);
  await plan.append({ meta: META, commands: draftCommands() as PlanCommand[] }, { now: clock });
  return store;
}

describe("a StoreHistory after a conflict", () => {
  it("given another writer got in first, when the conflict is thrown, then the history has caught up and its next append goes through without reopening", async () => {
    const store = await drafted(new MemoryEventStore());
    const mine = await openStoreHistory(store, PLAN);
    const theirs = await openStoreHistory(store, PLAN);
    await theirs.append(report(1), { now: clock });
    await expect(mine.append(report(1, 80), { now: clock })).rejects.toBeInstanceOf(StoreConflict);
    expect(mine.head).toEqual(await store.head(PLAN));
    const next = await mine.append(report(2), { now: clock });
    expect(next.ok && next.head.version).toBe(3);
    expect((await collect(store.read(PLAN))).map((v) => v.head)).toEqual(mine.versions.map((v) => v.head));
    expect(mine.history.stateAt(3).realisations["01.01"]?.[2]).toMatchObject({ value: 95.5 });
  });
});

describe("handleCommand", () => {
  for (const kind of ["memory", "file"] as const) {
    it(`given ${kind === "memory" ? "six writers on one memory store" : "six writers on one folder, each with its own store handle"} deciding at once, when each may try six times, then every revision is committed once and no writer fails`, async () => {
      const dir = kind === "file" ? mkdtempSync(join(tmpdir(), "rapk-handler-")) : "";
      if (dir) folders.push(dir);
      const memory = new MemoryEventStore();
      const shared = await drafted(kind === "memory" ? memory : NdjsonFileStore.folder(dir));
      // Each writer with its own handle on the same data, as separate processes would have.
      const handle = (): EventStore => (kind === "memory" ? new MemoryEventStore(memory) : NdjsonFileStore.folder(dir));
      let decisions = 0;
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          handleCommand(
            handle(),
            PLAN,
            (plan) => {
              decisions += 1;
              // Decided on what the history holds: the month after the last one reported.
              const reported = Object.keys(plan.history.stateAt(plan.head.version).spending["DR.3165.QIA.005.053.A"] ?? {}).length;
              return report(reported + 1, 90 + i);
            },
            { attempts: 6, now: clock },
          ),
        ),
      );
      expect(results.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(Array(6).fill("ok"));
      expect(results.map((r) => (r.ok ? r.head.version : 0)).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
      expect(decisions).toBe(results.reduce((sum, r) => sum + r.attempts, 0));
      const read = await collect(shared.read(PLAN));
      // Every month reported once, in order: each decision saw the writers before it.
      expect(read.slice(1).map((v) => (v.events[0]?.data as { month: number }).month)).toEqual([1, 2, 3, 4, 5, 6]);
    });
  }

  it("given a writer that always gets in first, when the attempts run out, then the last StoreConflict is thrown after deciding that many times", async () => {
    const store = await drafted(new MemoryEventStore());
    const rival = await openStoreHistory(store, PLAN);
    let decisions = 0;
    const failure = handleCommand(
      store,
      PLAN,
      async () => {
        decisions += 1;
        await rival.append(report(decisions, 70), { now: clock });
        return report(decisions);
      },
      { attempts: 3, now: clock },
    );
    await expect(failure).rejects.toMatchObject({ code: "CONFLICT" });
    expect(decisions).toBe(3);
    expect((await store.head(PLAN)).version).toBe(4);
  });

  for (const committed of [true, false]) {
    it(`given the connection lost during the append ${committed ? "after" : "before"} the version was committed, then the same version is sent once more and the plan holds it once`, async () => {
      const store = await drafted(new MemoryEventStore());
      let cuts = 0;
      // The store commits (or not), then the answer is lost, once.
      const cutting = new Proxy(store, {
        get: (target, key) =>
          key === "append"
            ? async (...args: Parameters<EventStore["append"]>) => {
                if (cuts++ > 0) return target.append(...args);
                if (committed) await target.append(...args);
                throw new StoreError("CONNECTION_LOST", "the connection was lost while appending");
              }
            : Reflect.get(target, key),
      });
      const result = await handleCommand(cutting, PLAN, () => report(1), { now: clock });
      expect(result).toMatchObject({ ok: true, attempts: 1, head: { version: 2 } });
      expect(cuts).toBe(2);
      expect((await collect(store.read(PLAN))).map((v) => v.version)).toEqual([1, 2]);
    });
  }

  it("given a revision the plan's rules refuse, then the refusal is returned after one decision, not retried", async () => {
    const store = await drafted(new MemoryEventStore());
    let decisions = 0;
    const result = await handleCommand(store, PLAN, () => {
      decisions += 1;
      return { meta: META, commands: draftCommands() as PlanCommand[] };
    });
    expect(result).toMatchObject({ ok: false, attempts: 1, error: { code: "PLAN_ALREADY_DRAFTED" } });
    expect(decisions).toBe(1);
    expect((await store.head(PLAN)).version).toBe(1);
  });
});
