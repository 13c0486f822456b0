import { serializeEvent } from "@rapk/history";
import type { EventStore } from "@rapk/store";
import { describeEventStoreConformance } from "@rapk/store/conformance";
import pg from "pg";
import { PostgresEventStore } from "../src/postgresStore.js";
import { freshDatabase } from "./support/server.js";

const databases = new WeakMap<EventStore, string>();

async function openOn(url: string): Promise<EventStore> {
  const store = await PostgresEventStore.open(url);
  databases.set(store, url);
  return store;
}

// The same suite as the memory and file stores, unchanged, on a real PostgreSQL 15 server.
describeEventStoreConformance("postgres", {
  open: async () => openOn(await freshDatabase("conformance")),
  reopen: async (store) => openOn(databases.get(store) as string),
  // A crash in the middle of an append: a transaction that wrote some of the version's lines and
  // never committed (its connection is cut). The server rolls it back; nothing of it remains.
  crashDuring: async (store, plan, version) => {
    const client = new pg.Client({ connectionString: databases.get(store) as string });
    await client.connect();
    await client.query("BEGIN");
    const first = version.events[0];
    if (first)
      await client.query("INSERT INTO rapk_events (plan, seq, version, type, prev, hash, line) VALUES ($1, $2, $3, $4, $5, $6, $7)", [
        plan, first.seq, first.version, first.type, first.prev, first.hash, serializeEvent(first),
      ]);
    (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    await client.end().catch(() => undefined);
    await store.close();
  },
});
