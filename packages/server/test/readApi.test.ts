import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planRollup } from "@rapk/core";
import { diffStates, openHistory, parseLog, serializeVersions } from "@rapk/history";
import { Client, EXAMPLE_LOG, PLAN_A, PLAN_B, type Served, fixtureRoster, person, serveFolder } from "./support/fixture.js";

const officer = person("Perencana");
const auditor = person("Auditor Inspektorat");
let served: Served;
let client: Client;
let history: ReturnType<typeof openHistory>;

beforeAll(async () => {
  served = await serveFolder({ roster: fixtureRoster({ [PLAN_A]: { officer, auditor }, [PLAN_B]: { auditor } }) });
  client = new Client(served.server.url);
  expect((await client.signIn(auditor)).status).toBe(200);
  const parsed = parseLog(await readFile(EXAMPLE_LOG, "utf8"));
  if (!parsed.ok) throw new Error(parsed.error.message);
  history = openHistory(parsed.value.events);
});
afterAll(() => served.stop());

const json = async <T>(path: string): Promise<T> => {
  const response = await client.fetch(path);
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  return (await response.json()) as T;
};

describe("the read API", () => {
  it("lists the plans the member belongs to, with the roll-up figures core computes at each head", async () => {
    const { plans } = await json<{ plans: { plan: string; version: number; role: string; verified: boolean; pagu: number; spent: number }[] }>("/api/plans");
    expect(plans.map((p) => [p.plan, p.role, p.verified])).toEqual([
      [PLAN_A, "auditor", true],
      [PLAN_B, "auditor", true],
    ]);
    const rollup = planRollup(history.head);
    expect(plans[0]).toMatchObject({ version: history.versions.length, pagu: rollup.pagu, spent: rollup.spent, absorption: rollup.absorption, bands: rollup.bands });
    const officerClient = new Client(served.server.url);
    await officerClient.signIn(officer);
    const mine = (await (await officerClient.fetch("/api/plans")).json()) as { plans: { plan: string }[] };
    expect(mine.plans.map((p) => p.plan)).toEqual([PLAN_A]);
  });

  it("gives a plan's versions with their metadata and heads, as the log holds them", async () => {
    const body = await json<{ verified: boolean; versions: { version: number; head: string; events: number; metadata: { kind: string; actor: string } }[] }>(`/api/plans/${PLAN_A}/versions`);
    expect(body.verified).toBe(true);
    expect(body.versions.map((v) => [v.version, v.metadata.kind, v.metadata.actor, v.events])).toEqual(history.versions.map((v) => [v.number, v.kind, v.actor, v.events]));
  });

  it("gives the log's lines byte for byte as the store holds them, to verify without the server", async () => {
    const response = await client.fetch(`/api/plans/${PLAN_A}/log`);
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const versions = [];
    for await (const version of served.store.read(PLAN_A)) versions.push(version);
    expect(await response.text()).toBe(serializeVersions(versions));
  });

  it("gives the state as of a version and as of a date, the same as history's", async () => {
    const atTwo = await json<{ version: number; state: unknown }>(`/api/plans/${PLAN_A}/state?version=2`);
    expect(atTwo).toEqual({ plan: PLAN_A, version: 2, state: JSON.parse(JSON.stringify(history.stateAt(2))) });
    const date = "2024-04-15";
    const inForce = await json<{ version: number; state: unknown }>(`/api/plans/${PLAN_A}/state?at=${date}`);
    expect(inForce.version).toBe(history.versionAt(date));
    expect(inForce.state).toEqual(JSON.parse(JSON.stringify(history.stateAtTime(date))));
    const latest = await json<{ version: number }>(`/api/plans/${PLAN_A}/state`);
    expect(latest.version).toBe(history.versions.length);
  });

  it("gives the diff of two versions as history's diffStates computes it", async () => {
    const body = await json<{ from: number; to: number; diff: unknown }>(`/api/plans/${PLAN_A}/diff?from=1&to=3`);
    expect(body).toEqual({ plan: PLAN_A, from: 1, to: 3, diff: JSON.parse(JSON.stringify(diffStates(history.stateAt(1), history.stateAt(3)))) });
  });

  it("refuses what it cannot answer, saying why: a version past the end, a bad date, both bounds, an unknown plan", async () => {
    const cases: [string, number, string][] = [
      [`/api/plans/${PLAN_A}/state?version=99`, 404, "VERSION_OUT_OF_RANGE"],
      [`/api/plans/${PLAN_A}/state?at=yesterday`, 400, "INVALID_INSTANT"],
      [`/api/plans/${PLAN_A}/state?version=1&at=2024-01-01`, 400, "INVALID_REQUEST"],
      [`/api/plans/${PLAN_A}/state?version=-1`, 400, "INVALID_REQUEST"],
      [`/api/plans/${PLAN_A}/diff`, 400, "INVALID_REQUEST"],
      ["/api/plans/no-such-plan/versions", 404, "PLAN_NOT_FOUND"],
    ];
    for (const [path, status, code] of cases) {
      const response = await client.fetch(path);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect([path, response.status, body.error.code]).toEqual([path, status, code]);
      expect(body.error.message.length).toBeGreaterThan(10);
    }
  });

  it("serves nothing of a plan whose log does not verify: a line changed by hand drops it from the list, and its state is refused", async () => {
    const { writeFile } = await import("node:fs/promises");
    const tampered = await serveFolder({ roster: fixtureRoster({ [PLAN_A]: { auditor }, [PLAN_B]: { auditor } }) });
    try {
      const file = `${tampered.folder}/${PLAN_A}.ndjson`;
      const text = await readFile(file, "utf8");
      const changed = text.replace(/"amount":(\d+)/, (_m, n: string) => `"amount":${Number(n) + 1}`);
      expect(changed).not.toBe(text);
      await writeFile(file, changed);
      const reader = new Client(tampered.server.url);
      expect((await reader.signIn(auditor)).status).toBe(200);
      const { plans } = (await (await reader.fetch("/api/plans")).json()) as { plans: { plan: string }[] };
      // A log that does not verify names no members the server could trust.
      expect(plans.map((p) => p.plan)).toEqual([PLAN_B]);
      const refused = await reader.fetch(`/api/plans/${PLAN_A}/state`);
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain("amount");
    } finally {
      await tampered.stop();
    }
  });
});
