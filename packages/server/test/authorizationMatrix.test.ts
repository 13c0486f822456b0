import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signHead } from "@rapk/history/signing";
import { MemoryEventStore } from "@rapk/store";
import { type Access, ROLES, type Role, type RouteRule, createApp, rosterOf } from "../src/index.js";
import { Client, PLAN_A, PLAN_B, PLAN_C, type Person, type Served, fixtureRoster, person, rosteredLog, serveFolder } from "./support/fixture.js";

/**
 * Every route x every caller (signed out, a member of another unit, each role of the plan) x the
 * status its rule gives. The routes are the app's own table: a route added without a rule is not
 * in the table (the first test), and a rule without a request here fails its row.
 */
const members: Record<Role, Person> = { officer: person("Perencana"), head: person("Kepala"), verifier: person("Verifikator"), auditor: person("Auditor") };
const otherUnit = person("Kepala unit lain");
const fixture = fixtureRoster({ [PLAN_A]: members, [PLAN_B]: { head: otherUnit } });
// Plan C keeps the same members in its own log's roster: the steps (proposals, approvals) are taken there.
const roster: typeof fixture = (plan, state) => (plan === PLAN_C ? rosterOf(plan, state) : fixture(plan, state));

/** What each route is called with, and the status it answers when let in. */
type Call = (client: Client, who: Person | undefined) => Promise<Response>;
const CALLS: Record<string, { readonly call: Call; readonly ok: number }> = {
  "GET /openapi.json": { call: (c) => c.fetch("/openapi.json"), ok: 200 },
  "POST /api/session/challenge": { call: (c) => c.post("/api/session/challenge"), ok: 200 },
  "POST /api/session": {
    call: async (c, who) => {
      const signer = who ?? members.officer;
      const { challenge, message } = (await (await c.post("/api/session/challenge")).json()) as { challenge: string; message: string };
      return c.post("/api/session", { challenge, publicKey: signer.key.publicKey, signature: signHead(message, signer.key.secretKey).signature });
    },
    ok: 200,
  },
  "GET /api/session": { call: (c) => c.fetch("/api/session"), ok: 200 },
  "DELETE /api/session": { call: (c) => c.fetch("/api/session", { method: "DELETE" }), ok: 204 },
  "GET /api/plans": { call: (c) => c.fetch("/api/plans"), ok: 200 },
  "GET /api/plans/{plan}/versions": { call: (c) => c.fetch(`/api/plans/${PLAN_A}/versions`), ok: 200 },
  "GET /api/plans/{plan}/log": { call: (c) => c.fetch(`/api/plans/${PLAN_A}/log`), ok: 200 },
  "GET /api/plans/{plan}/state": { call: (c) => c.fetch(`/api/plans/${PLAN_A}/state?version=1`), ok: 200 },
  "GET /api/plans/{plan}/diff": { call: (c) => c.fetch(`/api/plans/${PLAN_A}/diff?from=1&to=2`), ok: 200 },
  "POST /api/plans/{plan}/steps": { call: (c) => prepareStep(c), ok: 200 },
  "POST /api/plans/{plan}/steps/{draft}": {
    call: async (c, who) => {
      // A caller let in signs the draft they prepared; one refused at the door is refused before any draft is looked up.
      const prepared = await prepareStep(c);
      if (prepared.status !== 200 || who === undefined) return c.post(`/api/plans/${PLAN_C}/steps/${"0".repeat(32)}`, { signature: "0".repeat(128) });
      const { draft, head } = (await prepared.json()) as { draft: string; head: string };
      return c.post(`/api/plans/${PLAN_C}/steps/${draft}`, { signature: signHead(head, who.key.secretKey).signature });
    },
    ok: 201,
  },
  "GET /api/plans/{plan}/proposals": { call: (c) => c.fetch(`/api/plans/${PLAN_C}/proposals`), ok: 200 },
  "POST /api/plans/{plan}/evidence": { call: (c) => c.fetch(`/api/plans/${PLAN_C}/evidence?name=bukti.pdf`, { method: "POST", body: RECEIPT, headers: { "content-type": "application/pdf" } }), ok: 201 },
  "GET /api/plans/{plan}/events": {
    call: async (c) => {
      // A stream never ends by itself: its status and headers are the answer, then it is closed.
      const controller = new AbortController();
      const response = await c.fetch(`/api/plans/${PLAN_C}/events`, { signal: controller.signal });
      if (response.status !== 200) return response;
      controller.abort();
      return new Response(null, { status: response.status });
    },
    ok: 200,
  },
  "GET /api/plans/{plan}/evidence/{sha256}": { call: (c) => c.fetch(`/api/plans/${PLAN_C}/evidence/${cited}`), ok: 200 },
};

const RECEIPT = Buffer.from("%PDF-1.4\n% kwitansi\n");
/** The digest of a receipt a report of plan C cites (cited once the server is up). */
let cited = "";

/** Prepares a monthly report's proposal on plan C as it stands now (citing `evidence` when given). */
async function prepareStep(c: Client, evidence?: unknown): Promise<Response> {
  const versions = await c.fetch(`/api/plans/${PLAN_C}/versions`);
  const expectVersion = versions.ok ? ((await versions.json()) as { versions: unknown[] }).versions.length : 0;
  return c.post(`/api/plans/${PLAN_C}/steps`, {
    step: "propose",
    expectVersion,
    kind: "report",
    reason: "laporan Juni",
    commands: [{ type: "reportSpending", data: { line: "DR.3165.QIA.005.053.A", month: 6, amount: 1_000_000, ...(evidence === undefined ? {} : { evidence: [evidence] }) } }],
  });
}

type Caller = { readonly label: string; readonly who: Person | undefined; readonly role?: Role; readonly otherUnit?: boolean };
const CALLERS: readonly Caller[] = [{ label: "signed out", who: undefined }, { label: "a member of another unit", who: otherUnit, otherUnit: true }, ...ROLES.map((role) => ({ label: role, who: members[role], role }))];

/** The status a rule gives a caller: the route's own when let in, 401 signed out, 403 refused. */
function expected(access: Access, caller: Caller, ok: number): number {
  if (access.kind === "public") return ok;
  if (caller.who === undefined) return 401;
  if (access.kind === "signedIn") return ok;
  if (caller.otherUnit) return 403;
  return access.roles.includes(caller.role as Role) ? ok : 403;
}

const { app, rules } = createApp({ store: new MemoryEventStore(), roster });
const key = (rule: Pick<RouteRule, "method" | "path">) => `${rule.method} ${rule.path}`;
let served: Served;

beforeAll(async () => {
  served = await serveFolder({ roster, now: () => Date.parse("2024-07-05T03:00:00Z"), signInLimit: { attempts: 10_000, windowMs: 60_000 } }, { [PLAN_C]: rosteredLog(members) });
});
beforeAll(async () => {
  // The officer keeps a receipt and proposes a report citing it, so the download has a file to give.
  const officer = new Client(served.server.url);
  await officer.signIn(members.officer);
  const ref = (await (await officer.fetch(`/api/plans/${PLAN_C}/evidence?name=bukti.pdf`, { method: "POST", body: RECEIPT, headers: { "content-type": "application/pdf" } })).json()) as { sha256: string };
  const { draft, head } = (await (await prepareStep(officer, ref)).json()) as { draft: string; head: string };
  expect((await officer.post(`/api/plans/${PLAN_C}/steps/${draft}`, { signature: signHead(head, members.officer.key.secretKey).signature })).status).toBe(201);
  cited = ref.sha256;
});
afterAll(() => served.stop());

describe("the authorization matrix", () => {
  it("lists every route the app answers: none was added without a rule", () => {
    const answered = app.routes
      .filter((route) => route.method !== "ALL" && (route.path.startsWith("/api/") || route.path === "/openapi.json"))
      .map((route) => `${route.method} ${route.path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, "{$1}")}`);
    expect(new Set(answered)).toEqual(new Set(rules.map(key)));
    expect(answered.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(rules.map((rule) => [key(rule), rule] as const))("%s", (name, rule) => {
    it.each(CALLERS.map((caller) => [caller.label, caller] as const))("%s", async (_label, caller) => {
      const route = CALLS[name];
      if (route === undefined) throw new Error(`no request for ${name} in the matrix: add one to CALLS (its rule: ${JSON.stringify(rule.access)})`);
      const client = new Client(served.server.url);
      if (caller.who !== undefined) expect((await client.signIn(caller.who)).status).toBe(200);
      const response = await route.call(client, caller.who);
      const status = response.status;
      const body = await response.text();
      expect({ status, body: status === expected(rule.access, caller, route.ok) ? "" : body }).toEqual({ status: expected(rule.access, caller, route.ok), body: "" });
    });
  });
});
