import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { planRollup } from "@rapk/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresEventStore } from "../src/postgresStore.js";
import { generatedPlan, sealBatches } from "./support/generatedPlans.js";
import { freshDatabase } from "./support/server.js";

const run = promisify(execFile);
const rapk = fileURLToPath(new URL("../../cli/dist/rapk.js", import.meta.url));

// The proof is 1,000 plans (RAPK_PG_PLANS=1000, run by hand; docs/stores.md has the figures); each run imports fewer.
const PLANS = Number(process.env.RAPK_PG_PLANS) || 120;
const MONTHS = 2;

describe(`given ${PLANS} plans from the bench's generator in one PostgreSQL store`, () => {
  let url: string;
  const expected = new Map<string, ReturnType<typeof planRollup>>();

  beforeAll(async () => {
    url = await freshDatabase("many");
    const store = await PostgresEventStore.open(url, { maxConnections: 4 });
    try {
      let next = 0;
      // Four importers side by side, each taking the next plan, as a batch job would.
      const importer = async () => {
        for (let n = next++; n < PLANS; n = next++) {
          const { id, batches } = generatedPlan(n, MONTHS);
          const { versions, state } = sealBatches(batches);
          for (const version of versions) await store.append(id, version);
          expected.set(id, planRollup(state));
        }
      };
      await Promise.all([importer(), importer(), importer(), importer()]);
    } finally {
      await store.close();
    }
  }, 1_800_000);

  it("then the store answers the rollup in under 2 s (connect, create-if-missing, one query)", async () => {
    const started = performance.now();
    const store = await PostgresEventStore.open(url);
    try {
      const { totals } = await store.rollup();
      const seconds = (performance.now() - started) / 1000;
      console.info(`rollup over ${PLANS} plans in the store: ${seconds.toFixed(3)} s`);
      expect(totals.plans).toBe(PLANS);
      expect(seconds).toBeLessThan(2);
    } finally {
      await store.close();
    }
  });

  it("then `rapk rollup --json` prints each row as core's planRollup of the plan's head, and the totals", async () => {
    // The whole process (Node starting, loading rapk, connecting) is timed for the record; on a
    // quiet machine it is well under 2 s, but on a loaded one Node's start alone can take that.
    const started = performance.now();
    const { stdout } = await run("node", [rapk, "rollup", url, "--json"], { maxBuffer: 64 * 1024 * 1024 });
    const seconds = (performance.now() - started) / 1000;
    const rollup = JSON.parse(stdout) as { plans: { plan: string }[]; totals: { plans: number; spent: number; pagu: number } };
    expect(rollup.totals.plans).toBe(PLANS);
    for (const row of rollup.plans) expect(row).toMatchObject(expected.get(row.plan) as object);
    const spent = [...expected.values()].reduce((sum, summary) => sum + summary.spent, 0);
    expect(rollup.totals.spent).toBe(spent);
    console.info(`rapk rollup over ${PLANS} plans: ${seconds.toFixed(2)} s (the whole process: start, connect, query, print)`);
  });

  it("then `rapk rollup --year 2024` prints a table with one row per plan and the totals", async () => {
    const { stdout } = await run("node", [rapk, "rollup", url, "--year", "2024"], { maxBuffer: 64 * 1024 * 1024 });
    const lines = stdout.split("\n");
    expect(lines[0]).toBe(`Rollup of ${PLANS} plans at their latest versions`);
    expect(lines.filter((line) => line.startsWith("loka-pom-"))).toHaveLength(PLANS);
    expect(lines.find((line) => line.startsWith("TOTAL"))).toContain(`${PLANS} plans`);
  });
});
