import { stateAfter } from "@rapk/core";
import { type CommittedVersion, EMPTY_HEAD, type LogHead, headAfter, sealVersion } from "@rapk/history";
import { PostgresEventStore, rollupStatement, startThrowawayCluster } from "@rapk/store-postgres";
import pg from "pg";
import { type Batch, SHAPES, generateHistory } from "../generate.js";
import { percentile, time } from "../measure.js";
import { type Row, goalRow, ms } from "../report.js";

/** The generator's batches as sealed versions, recorded and effective when each batch says. */
function seal(batches: readonly Batch[], from: LogHead = EMPTY_HEAD): CommittedVersion[] {
  let head = from;
  return batches.map(({ meta, events }) => {
    const { at, ...rest } = meta;
    const version = sealVersion(head, events, { recordedAt: at, effectiveAt: at, ...rest });
    head = headAfter(version);
    return version;
  });
}

/** The server's own time for a statement: EXPLAIN ANALYZE's execution time, in milliseconds. */
async function serverMs(url: string, sql: string, params: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    const plan = (rows[0] as { "QUERY PLAN": { "Execution Time": number; "Planning Time": number }[] })["QUERY PLAN"][0];
    return (plan?.["Execution Time"] ?? Number.NaN) + (plan?.["Planning Time"] ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * The PostgreSQL store on a throwaway PostgreSQL 15 server started here (durable settings: fsync
 * on, synchronous commit): the p99 of appending one 50-event version, `show --as-of` on a
 * 100,000-event plan (read up to a date and fold), and a rollup over 1,000 plans, with the
 * server's own time from EXPLAIN ANALYZE.
 */
export async function postgresSuite(log: (message: string) => void): Promise<Row[]> {
  const cluster = await startThrowawayCluster();
  const rows: Row[] = [];
  try {
    const store = await PostgresEventStore.open(cluster.url, { maxConnections: 4 });
    try {
      // 1. Appends of one 50-event version each, on a unit's plan (its draft, then report-sized versions).
      const draft = generateHistory({ ...SHAPES.unit, months: 0 });
      let head = EMPTY_HEAD;
      for (const version of seal(draft)) head = await store.append("append-bench-2024", version);
      const report = generateHistory({ ...SHAPES.unit, months: 1 }).at(-1) as Batch;
      const fifty = report.events.filter((e) => e.type === "SpendingReported").slice(0, 50);
      const appends: number[] = [];
      for (let i = 0; i < 300; i++) {
        const [version] = seal([{ meta: { ...report.meta, at: `2024-02-05T16:${String(i % 60).padStart(2, "0")}:00+07:00` }, events: fifty }], head);
        appends.push(await time(async () => (head = await store.append("append-bench-2024", version as CommittedVersion))));
      }
      const appendP99 = percentile(appends.slice(20), 99);
      log(`postgres: append of one 50-event version p50 ${ms(percentile(appends.slice(20), 50))}, p99 ${ms(appendP99)}`);
      rows.push(goalRow("postgres-append", appendP99, `p50 ${ms(percentile(appends.slice(20), 50))}, p99 ${ms(appendP99)} (280 appends)`, { p50Ms: percentile(appends.slice(20), 50), p99Ms: appendP99 }));

      // 2. show --as-of on the agency's year: 100,000 events.
      const agency = seal(generateHistory(SHAPES.agency));
      log(`postgres: importing the agency plan (${agency.reduce((n, v) => n + v.events.length, 0)} events, ${agency.length} versions)`);
      for (const version of agency) await store.append("agency-2024", version);
      const asOf = "2024-09-30T23:59:59+07:00";
      const showAsOf = async () => {
        const events = [];
        for await (const version of store.read("agency-2024", { effectiveAt: asOf })) events.push(...version.events);
        return stateAfter(events);
      };
      await showAsOf();
      const shows: number[] = [];
      for (let i = 0; i < 5; i++) shows.push(await time(showAsOf));
      const readServer = await serverMs(cluster.url, "SELECT line FROM rapk_events WHERE plan = $1 AND seq <= (SELECT max(last_seq) FROM rapk_commits WHERE plan = $1 AND effective_at <= $2)", ["agency-2024", asOf]);
      log(`postgres: show --as-of ${asOf} on 100,000 events: ${ms(percentile(shows, 50))} (server ${ms(readServer)})`);
      rows.push(goalRow("postgres-as-of", percentile(shows, 50), `median ${ms(percentile(shows, 50))} of 5 (server ${ms(readServer)} of it)`, { medianMs: percentile(shows, 50), serverMs: readServer }));

      // 3. rollup over 1,000 plans.
      log("postgres: importing 1,000 plans (a unit's draft and two months each)");
      let next = 0;
      const importer = async () => {
        for (let n = next++; n < 1000; n = next++) {
          const batches = generateHistory({ ...SHAPES.unit, seed: 1000 + n, unit: `Loka POM ${String(n).padStart(4, "0")}`, months: 2 });
          for (const version of seal(batches)) await store.append(`loka-pom-${String(n).padStart(4, "0")}-2024`, version);
        }
      };
      await Promise.all([importer(), importer(), importer(), importer()]);
      await store.rollup();
      const rollups: number[] = [];
      for (let i = 0; i < 10; i++) rollups.push(await time(() => store.rollup()));
      const statement = rollupStatement();
      const rollupServer = await serverMs(cluster.url, statement.text, statement.values);
      log(`postgres: rollup over 1,002 plans ${ms(percentile(rollups, 50))} (server ${ms(rollupServer)})`);
      rows.push(goalRow("postgres-rollup", percentile(rollups, 50), `median ${ms(percentile(rollups, 50))} of 10 over 1,002 plans (server ${ms(rollupServer)})`, { medianMs: percentile(rollups, 50), serverMs: rollupServer }));
    } finally {
      await store.close();
    }
  } finally {
    await cluster.stop();
  }
  return rows;
}
