import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signHead } from "@rapk/history/signing";
import { Client, PLAN_A, PLAN_B, type Served, fixtureRoster, person, serveFolder } from "./support/fixture.js";

const head = person("Kepala Loka");
const officer = person("Perencana");
const stranger = person("Orang Lain");
let clock = Date.parse("2026-12-07T09:00:00Z");
let served: Served;

beforeAll(async () => {
  served = await serveFolder({
    roster: fixtureRoster({ [PLAN_A]: { head, officer }, [PLAN_B]: { head } }),
    now: () => clock,
    signInLimit: { attempts: 6, windowMs: 60_000 },
  });
});
afterAll(() => served.stop());

describe("sign-in by signing a one-time challenge", () => {
  it("signs a member in: an HttpOnly, SameSite=Strict session cookie, and the plans the key belongs to with its role in each", async () => {
    const client = new Client(served.server.url);
    const response = await client.signIn(head);
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^rapk-session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/); // plain http on loopback; behind an https origin it is (below)
    const body = (await response.json()) as { name: string; plans: { plan: string; role: string }[] };
    expect(body.name).toBe("Kepala Loka");
    expect(body.plans).toEqual([
      { plan: PLAN_A, member: "head-Kepala Loka", name: "Kepala Loka", role: "head" },
      { plan: PLAN_B, member: "head-Kepala Loka", name: "Kepala Loka", role: "head" },
    ]);
    const me = await client.fetch("/api/session");
    expect(me.status).toBe(200);
    expect(((await me.json()) as { publicKey: string }).publicKey).toBe(head.key.publicKey);
  });

  it("refuses a replayed challenge: the second use of a signed challenge is 401 and signs nobody in", async () => {
    const client = new Client(served.server.url);
    const challenge = (await (await client.post("/api/session/challenge")).json()) as { challenge: string; message: string };
    const body = { challenge: challenge.challenge, publicKey: officer.key.publicKey, signature: signHead(challenge.message, officer.key.secretKey).signature };
    expect((await client.post("/api/session", body)).status).toBe(200);
    const replay = new Client(served.server.url);
    const again = await replay.post("/api/session", body);
    expect(again.status).toBe(401);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("CHALLENGE_REFUSED");
    expect(replay.cookie).toBeUndefined();
  });

  it("refuses a challenge past its lifetime, a signature by another key, and a key that is no member", async () => {
    const client = new Client(served.server.url);
    const stale = (await (await client.post("/api/session/challenge")).json()) as { challenge: string; message: string };
    clock += 3 * 60_000;
    const late = await client.post("/api/session", { challenge: stale.challenge, publicKey: officer.key.publicKey, signature: signHead(stale.message, officer.key.secretKey).signature });
    expect(late.status).toBe(401);
    const fresh = (await (await client.post("/api/session/challenge")).json()) as { challenge: string; message: string };
    const forged = await client.post("/api/session", { challenge: fresh.challenge, publicKey: head.key.publicKey, signature: signHead(fresh.message, stranger.key.secretKey).signature });
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("BAD_SIGNATURE");
    const unknown = await client.signIn(stranger);
    expect(unknown.status).toBe(403);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("NOT_A_MEMBER");
    expect(client.cookie).toBeUndefined();
  });

  it("the signed text names rapk and the site, so it is never a version head a log's signature covers", async () => {
    const client = new Client(served.server.url);
    const { message } = (await (await client.post("/api/session/challenge")).json()) as { message: string };
    expect(message.startsWith(`rapk sign-in ${served.server.url} `)).toBe(true);
    expect(message).not.toMatch(/^[0-9a-f]{64}$/);
    clock += 61_000;
  });

  it("ends a session unused for 30 minutes: the next request is 401", async () => {
    const client = new Client(served.server.url);
    expect((await client.signIn(officer)).status).toBe(200);
    clock += 29 * 60_000;
    expect((await client.fetch("/api/session")).status).toBe(200);
    clock += 30 * 60_000;
    const ended = await client.fetch("/api/session");
    expect(ended.status).toBe(401);
    clock += 61_000;
  });

  it("signs out: the cookie is cleared and the old cookie no longer works", async () => {
    const client = new Client(served.server.url);
    expect((await client.signIn(officer)).status).toBe(200);
    const old = client.cookie;
    expect((await client.fetch("/api/session", { method: "DELETE" })).status).toBe(204);
    const again = new Client(served.server.url);
    again.cookie = old;
    expect((await again.fetch("/api/session")).status).toBe(401);
    clock += 61_000;
  });

  it("limits sign-in attempts per address: past the limit a 429 with Retry-After, and a minute later it lets in again", async () => {
    const client = new Client(served.server.url);
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await client.post("/api/session/challenge")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    const refused = await client.post("/api/session/challenge");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    clock += 61_000;
    expect((await client.post("/api/session/challenge")).status).toBe(200);
    clock += 61_000;
  });
});
