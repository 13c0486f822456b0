import { planRollup } from "@rapk/core";
import { PlanWriter, draftCommands, metadataAt, reportCommands } from "@rapk/store/conformance";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresEventStore } from "../src/postgresStore.js";
import { freshDatabase } from "./support/server.js";

/** A plan of `objectives` indicators with monthly reports through `months`, each reported on the 5th of the next month. */
async function plan(store: PostgresEventStore, id: string, unit: string, objectives: number, months: number, offset = "+07:00"): Promise<PlanWriter> {
  const writer = new PlanWriter();
  await store.append(id, writer.next(draftCommands(unit, objectives), metadataAt(`2024-02-22T09:00:00${offset}`, "draft")));
  for (let month = 1; month <= months; month++)
    await store.append(id, writer.next(reportCommands(month, 60 + 10 * month), metadataAt(`2024-${String(month + 1).padStart(2, "0")}-05T23:30:00${offset}`, "report")));
  return writer;
}

describe("rollup across plans, by SQL over the read model", () => {
  let store: PostgresEventStore;
  let url: string;
  const writers = new Map<string, PlanWriter>();

  beforeAll(async () => {
    url = await freshDatabase("rollup");
    store = await PostgresEventStore.open(url);
    writers.set("loka-rejang-lebong-2024", await plan(store, "loka-rejang-lebong-2024", "Loka POM di Kabupaten Rejang Lebong", 2, 3));
    writers.set("loka-ketapang-2024", await plan(store, "loka-ketapang-2024", "Loka POM di Kabupaten Ketapang", 3, 1, "+07:00"));
    writers.set("loka-mimika-2024", await plan(store, "loka-mimika-2024", "Loka POM di Kabupaten Mimika", 1, 0, "+09:00"));
  });
  afterAll(() => store.close());

  it("given three plans, then each row is core's planRollup of that plan's head state, and the totals are their sums", async () => {
    const { rows, totals } = await store.rollup();
    expect(rows.map((row) => row.unit)).toEqual(["Loka POM di Kabupaten Ketapang", "Loka POM di Kabupaten Mimika", "Loka POM di Kabupaten Rejang Lebong"]);
    for (const row of rows) {
      const writer = writers.get(row.plan) as PlanWriter;
      const expected = planRollup(writer.state());
      expect(row.version).toBe(writer.head.version);
      expect(row).toMatchObject({ ...expected, plan: row.plan });
    }
    const sum = (key: "ceiling" | "pagu" | "allocated" | "spent" | "indicators" | "unrated") => rows.reduce((total, row) => total + row[key], 0);
    expect(totals).toMatchObject({ plans: 3, ceiling: sum("ceiling"), pagu: sum("pagu"), spent: sum("spent"), indicators: sum("indicators"), unrated: sum("unrated") });
    expect(totals.absorption).toBeCloseTo(sum("spent") / sum("pagu"), 12);
    for (const band of Object.keys(totals.bands)) expect(totals.bands[band]).toBe(rows.reduce((total, row) => total + (row.bands[band] ?? 0), 0));
  });

  it("given --as-of a date, then each plan is read at its last version in effect by the end of that day where the plan is", async () => {
    // Rejang Lebong's March report is effective 2024-04-05T23:30+07:00: on 2024-04-05 (its own day) it counts.
    const april5 = await store.rollup({ at: "2024-04-05" });
    expect(april5.rows.find((row) => row.plan === "loka-rejang-lebong-2024")?.version).toBe(4);
    const april4 = await store.rollup({ at: "2024-04-04" });
    expect(april4.rows.find((row) => row.plan === "loka-rejang-lebong-2024")?.version).toBe(3);
    expect(april4.rows.find((row) => row.plan === "loka-rejang-lebong-2024")).toMatchObject({ latestMonth: 2, spent: 3_000_000 });
    // The same instant in UTC is already the next day: 2024-04-05T16:30Z; at 16:00Z the report was not yet in effect.
    expect((await store.rollup({ at: "2024-04-05T16:00:00Z" })).rows.find((row) => row.plan === "loka-rejang-lebong-2024")?.version).toBe(3);
    // Before any plan was drafted, nothing is in effect.
    expect(await store.rollup({ at: "2024-01-31" })).toMatchObject({ rows: [], totals: { plans: 0, ceiling: 0, absorption: null } });
  });

  it("given a year, then only that year's plans count", async () => {
    expect((await store.rollup({ year: 2024 })).totals.plans).toBe(3);
    expect(await store.rollup({ year: 2025 })).toMatchObject({ rows: [], totals: { plans: 0, spent: 0 } });
  });

  it("then `describePlans` lists every plan with its unit, year, version and head", async () => {
    const plans = await store.describePlans();
    expect(plans.map((p) => [p.plan, p.unit, p.year, p.version])).toEqual([
      ["loka-ketapang-2024", "Loka POM di Kabupaten Ketapang", 2024, 2],
      ["loka-mimika-2024", "Loka POM di Kabupaten Mimika", 2024, 1],
      ["loka-rejang-lebong-2024", "Loka POM di Kabupaten Rejang Lebong", 2024, 4],
    ]);
    for (const p of plans) expect(p.head).toBe(writers.get(p.plan)?.head.head);
  });

  it("given a store opened again (another process), then an append folds from a replay of the stored events and the read model stays right", async () => {
    const again = await PostgresEventStore.open(url);
    try {
      const writer = writers.get("loka-ketapang-2024") as PlanWriter;
      await again.append("loka-ketapang-2024", writer.next(reportCommands(2, 99.3), metadataAt("2024-03-05T10:00:00+07:00", "report")));
      const row = (await again.rollup()).rows.find((r) => r.plan === "loka-ketapang-2024");
      expect(row).toMatchObject(planRollup(writer.state()));
    } finally {
      await again.close();
    }
  });
});

