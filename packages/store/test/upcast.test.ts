import type { PlanEvent } from "@rapk/core";
import { EMPTY_HEAD, headAfter, sealVersion } from "@rapk/history";
import { describe, expect, it } from "vitest";
import { collect, draftCommands, metadataAt, reportCommands, PlanWriter } from "../src/conformance/index.js";
import { MemoryEventStore, type Upcaster, openStoreHistory, withUpcaster } from "../src/index.js";

const PLAN = "loka-pom-rejang-lebong-2024";
const drafted = { type: "PlanDrafted", data: { unit: "Loka POM di Kabupaten Rejang Lebong", agency: "Badan Pengawas Obat dan Makanan", year: 2024, ceiling: 4_801_300_000 } };
// A line as an older writer kept it: its pagu under the name `anggaran`.
const oldLine = {
  type: "BudgetLineRegistered",
  data: { output: { code: "DR.3165.QIA.005", name: "Sampel Obat" }, component: { code: "053", name: "Pengadaan sampel obat" }, subComponent: { code: "A", name: "PENGADAAN SAMPEL" }, anggaran: 125_736_000 },
};
const renamed: Upcaster = (event) => {
  if (event.type !== "BudgetLineRegistered") return event;
  const { anggaran, ...data } = event.data as { anggaran?: number };
  return anggaran === undefined ? event : { type: event.type, data: { ...data, pagu: anggaran } };
};

async function storeWithOldShape() {
  const store = new MemoryEventStore();
  const version = sealVersion(EMPTY_HEAD, [drafted, oldLine] as unknown as PlanEvent[], metadataAt("2024-02-22T09:00:00+07:00", "draft"));
  await store.append(PLAN, version);
  return { store, version };
}

describe("withUpcaster", () => {
  it("given a version stored with an event of an older shape, then reads give it in today's shape with its stored hashes, and a history opens on it", async () => {
    const { store, version } = await storeWithOldShape();
    const upcasting = withUpcaster(store, renamed);
    const [read] = await collect(upcasting.read(PLAN));
    expect(read?.events[1]?.data).toMatchObject({ pagu: 125_736_000 });
    expect(read?.events.map((e) => e.hash)).toEqual(version.events.map((e) => e.hash));
    expect((await collect(upcasting.readAll()))[0]?.version.events[1]?.data).toMatchObject({ pagu: 125_736_000 });
    const history = await openStoreHistory(upcasting, PLAN);
    expect(Object.values(history.history.stateAt(1).lines)[0]?.pagu).toBe(125_736_000);
    // And appends go on from the stored head: the next version chains to what the log holds.
    const next = await history.append({ meta: { actor: "Tim Keuangan", reason: "Maret", kind: "report", effectiveAt: "2024-04-05T10:00:00+07:00" }, commands: reportCommands(1).slice(1) as never }, { now: () => "2024-04-05T10:00:00+07:00" });
    expect(next.ok && next.head.version).toBe(2);
    expect((await store.head(PLAN)).version).toBe(2);
  });

  it("given an upcaster that leaves a shape today's schema refuses, then the read is EVENT_INVALID naming the event", async () => {
    const { store } = await storeWithOldShape();
    await expect(collect(withUpcaster(store, (event) => event).read(PLAN))).rejects.toMatchObject({ code: "EVENT_INVALID", message: expect.stringContaining("event 2 (BudgetLineRegistered)") });
  });

  it("given a stored event changed after it was sealed, then the hash check refuses the version before the upcaster sees any of it", async () => {
    const store = new MemoryEventStore();
    const writer = new PlanWriter();
    const version = writer.next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft"));
    const changed = { ...version, events: version.events.map((e, i) => (i === 1 ? { ...e, data: { ...(e.data as object), pagu: 1 } } : e)) };
    // Kept as a store that does not check (a database edited by hand) would keep it.
    (store as unknown as { plans: Map<string, unknown>; commits: unknown[] }).plans.set(PLAN, { versions: [changed], head: headAfter(version) });
    const seen: string[] = [];
    const reading = collect(withUpcaster(store, (event) => (seen.push(event.type), event)).read(PLAN));
    await expect(reading).rejects.toMatchObject({ code: "LOG_INVALID", message: expect.stringContaining("hash does not match") });
    expect(seen).toEqual([]);
  });

  it("given a subscription through it, then the commits it gives are upcast too", async () => {
    const { store } = await storeWithOldShape();
    const subscription = withUpcaster(store, renamed).subscribe();
    try {
      const first = await subscription.next();
      expect(first.done === false && first.value.version.events[1]?.data).toMatchObject({ pagu: 125_736_000 });
    } finally {
      await subscription.close();
    }
  });
});
