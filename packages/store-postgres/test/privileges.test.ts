import pg from "pg";
import { PlanWriter, draftCommands, metadataAt } from "@rapk/store/conformance";
import { describe, expect, it } from "vitest";
import { PostgresEventStore } from "../src/postgresStore.js";
import { freshDatabase } from "./support/server.js";

describe("a role that may only read and write rapk's tables", () => {
  it("given the tables made by their owner, when it opens the store, then it appends, lists and rolls up without creating anything", async () => {
    const url = await freshDatabase("privileges");
    await (await PostgresEventStore.open(url)).close(); // the owner creates the tables
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const role = `writer_${process.pid}`;
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      await admin.query(`GRANT SELECT, INSERT, UPDATE ON rapk_plans, rapk_events, rapk_log_position, rapk_commits, rapk_rollup TO ${role}`);
      const limited = new URL(url);
      limited.username = role;
      const store = await PostgresEventStore.open(limited.toString());
      try {
        const writer = new PlanWriter();
        await store.append("loka-pom-rejang-lebong-2024", writer.next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft")));
        expect((await store.listPlans()).map((p) => p.plan)).toEqual(["loka-pom-rejang-lebong-2024"]);
        expect((await store.rollup()).totals.plans).toBe(1);
      } finally {
        await store.close();
      }
      // And it could not have made them itself: public's CREATE is not granted in PostgreSQL 15.
      const fresh = new URL(await freshDatabase("privileges_empty"));
      fresh.username = role;
      await expect(PostgresEventStore.open(fresh.toString())).rejects.toThrow(/permission denied/);
    } finally {
      await admin.end();
    }
  });
});
