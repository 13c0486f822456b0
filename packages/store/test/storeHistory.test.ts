import { describe, expect, it } from "vitest";
import { MemoryEventStore, StoreConflict, openStoreHistory } from "../src/index.js";
import { draftCommands, reportCommands } from "../src/conformance/index.js";
import type { PlanCommand } from "@rapk/core";

const META = { actor: "Tim Perencanaan", reason: "RAPK 2024", kind: "draft" as const, effectiveAt: "2024-02-22T09:00:00+07:00" };
const clock = () => "2024-03-10T09:00:00+07:00";

describe("openStoreHistory", () => {
  it("given an empty store, when revisions are appended, then as-of questions see them without reading the log again", async () => {
    const store = new MemoryEventStore();
    const plan = await openStoreHistory(store, "rejang-lebong");
    const first = await plan.append({ meta: META, commands: draftCommands() as PlanCommand[] }, { now: clock });
    expect(first.ok && first.head.version).toBe(1);
    const second = await plan.append({ meta: { ...META, kind: "report", reason: "Januari", effectiveAt: "2024-03-05T10:00:00+07:00" }, commands: reportCommands(1) as PlanCommand[] }, { now: clock });
    expect(second.ok && second.head.version).toBe(2);
    // The store holds exactly what the history holds.
    expect((await store.head("rejang-lebong")).head).toBe(plan.head.head);
    expect(plan.history.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(plan.history.versionAt("2024-02-22")).toBe(1);
    expect(plan.history.stateAt(2).spending["DR.3165.QIA.005.053.A"]?.[1]).toBe(1_000_000);
  });

  it("given another writer got in first, then the append is a StoreConflict and nothing is appended twice", async () => {
    const store = new MemoryEventStore();
    const mine = await openStoreHistory(store, "p");
    await mine.append({ meta: META, commands: draftCommands() as PlanCommand[] }, { now: clock });
    const theirs = await openStoreHistory(store, "p");
    const report = { meta: { ...META, kind: "report" as const, reason: "Januari", effectiveAt: "2024-03-05T10:00:00+07:00" }, commands: reportCommands(1) as PlanCommand[] };
    await theirs.append(report, { now: clock });
    await expect(mine.append({ ...report, commands: reportCommands(1, 80) as PlanCommand[] }, { now: clock })).rejects.toBeInstanceOf(StoreConflict);
    expect((await store.head("p")).version).toBe(2);
  });

  it("given a revision the plan's rules refuse, then the refusal is returned and the store is unchanged", async () => {
    const store = new MemoryEventStore();
    const plan = await openStoreHistory(store, "p");
    const refused = await plan.append({ meta: { ...META, kind: "pok" }, commands: draftCommands() as PlanCommand[] }, { now: clock });
    expect(refused.ok).toBe(false);
    expect(await store.listPlans()).toEqual([]);
  });
});
