import { collect, draftCommands, metadataAt, PlanWriter, reportCommands } from "@rapk/store/conformance";
import { StoreConflict } from "@rapk/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresEventStore } from "../src/postgresStore.js";
import { freshDatabase } from "./support/server.js";

// 30 rounds in the proof (run once by hand: RAPK_PG_WRITER_ROUNDS=30); fewer in every run.
const ROUNDS = Number(process.env.RAPK_PG_WRITER_ROUNDS) || 6;
const WRITERS = 8;
const PLAN = "loka-pom-rejang-lebong-2024";

describe(`given ${WRITERS} writers, each with its own connection pool (as ${WRITERS} processes would be), appending on the same version`, () => {
  const stores: PostgresEventStore[] = [];
  beforeAll(async () => {
    const url = await freshDatabase("writers");
    for (let i = 0; i < WRITERS; i++) stores.push(await PostgresEventStore.open(url));
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
  });

  it(`then in each of ${ROUNDS} rounds exactly one wins, the others get a StoreConflict naming the new head, and nothing of theirs is kept`, async () => {
    const writer = new PlanWriter();
    await stores[0]!.append(PLAN, writer.next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft")));
    for (let round = 1; round <= ROUNDS; round++) {
      const expectedVersion = round;
      // Every writer decided on the same head, each with its own figures.
      const candidates = stores.map((_, i) => writer.fork().next(reportCommands(1 + (round % 12), 50 + i), metadataAt(`2024-03-05T10:${String(round % 60).padStart(2, "0")}:00+07:00`, "report")));
      const results = await Promise.allSettled(candidates.map((version, i) => stores[i]!.append(PLAN, version, { expectedVersion })));
      const winners = results.flatMap((result, i) => (result.status === "fulfilled" ? [i] : []));
      expect(winners, `round ${round}`).toHaveLength(1);
      const winner = winners[0] as number;
      for (const result of results) {
        if (result.status === "fulfilled") continue;
        expect(result.reason).toBeInstanceOf(StoreConflict);
        expect((result.reason as StoreConflict).actual).toEqual({ version: round + 1, seq: expect.any(Number), head: candidates[winner]!.head });
      }
      // The writers follow the winner, as a writer that re-read the log would.
      writer.next(reportCommands(1 + (round % 12), 50 + winner), metadataAt(`2024-03-05T10:${String(round % 60).padStart(2, "0")}:00+07:00`, "report"));
      expect(writer.head.head).toBe(candidates[winner]!.head);
    }
    const versions = await collect(stores[3]!.read(PLAN));
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, i) => i + 1));
    // The read model holds one row per committed version: the losers left none behind.
    const rollup = await stores[5]!.rollup();
    expect(rollup.rows.map((row) => row.version)).toEqual([ROUNDS + 1]);
  });
});
