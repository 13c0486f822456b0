import { PlanWriter, draftCommands, metadataAt, reportCommands } from "@rapk/store/conformance";
import type { StoredCommit, Subscription } from "@rapk/store";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { PostgresEventStore } from "../src/postgresStore.js";
import { freshDatabase } from "./support/server.js";

const PLAN = "loka-pom-rejang-lebong-2024";
const opened: (PostgresEventStore | Subscription)[] = [];
afterEach(async () => {
  for (const held of opened.splice(0).reverse()) await held.close().catch(() => undefined);
});

async function next(subscription: Subscription, ms = 20_000): Promise<StoredCommit> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no commit from the subscription in ${ms} ms`)), ms);
  });
  try {
    const result = await Promise.race([subscription.next(), late]);
    if (result.done) throw new Error("the subscription ended");
    return result.value;
  } finally {
    clearTimeout(timer);
  }
}

describe("PostgreSQL subscriptions (LISTEN/NOTIFY)", () => {
  it("given the listening connection is killed by the server, when versions are committed meanwhile, then it listens again and catches up on them by position", async () => {
    const url = await freshDatabase("subscribe");
    const store = await PostgresEventStore.open(url);
    opened.push(store);
    const writer = new PlanWriter();
    await store.append(PLAN, writer.next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft")));
    const subscription = store.subscribe();
    opened.push(subscription);
    expect((await next(subscription)).position).toBe(1);

    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const killed = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()");
      expect(killed.rowCount).toBe(1);
    } finally {
      await admin.end();
    }
    // Committed while nobody listens: no notification reaches the subscription for these.
    const lost = [writer.next(reportCommands(1), metadataAt("2024-03-05T10:00:00+07:00", "report")), writer.next(reportCommands(2), metadataAt("2024-04-05T10:00:00+07:00", "report"))];
    for (const version of lost) await store.append(PLAN, version);
    expect([(await next(subscription)).version.head, (await next(subscription)).version.head]).toEqual(lost.map((v) => v.head));
    // And it is listening again: a later commit arrives too.
    const later = writer.next(reportCommands(3), metadataAt("2024-05-05T10:00:00+07:00", "report"));
    await store.append(PLAN, later);
    expect(await next(subscription)).toMatchObject({ position: 4, plan: PLAN, version: { head: later.head } });
  });

  it("given an append rolled back on a conflict between two commits, then the subscription gives the two commits at positions 1 and 2, without a gap", async () => {
    const url = await freshDatabase("subscribe");
    const store = await PostgresEventStore.open(url);
    opened.push(store);
    const writer = new PlanWriter();
    const subscription = store.subscribe();
    opened.push(subscription);
    await store.append(PLAN, writer.next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft")));
    const stale = writer.fork();
    // A conflicting append (rolled back inside the store) between two commits.
    const winner = writer.next(reportCommands(1), metadataAt("2024-03-05T10:00:00+07:00", "report"));
    await store.append(PLAN, winner);
    await expect(store.append(PLAN, stale.next(reportCommands(1, 70), metadataAt("2024-03-05T10:00:00+07:00", "report")))).rejects.toMatchObject({ code: "CONFLICT" });
    expect([(await next(subscription)).position, (await next(subscription)).position]).toEqual([1, 2]);
  });
});
