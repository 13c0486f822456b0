import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signHead } from "@rapk/history/signing";
import { MemoryEventStore } from "@rapk/store";
import { startServer } from "../src/index.js";
import { Client, PLAN_A, PLAN_B, type Served, fixtureRoster, person, serveFolder } from "./support/fixture.js";

const head = person("Kepala");
const roster = fixtureRoster({ [PLAN_A]: { head }, [PLAN_B]: { head } });
let served: Served;
let viewer: string;

beforeAll(async () => {
  viewer = await mkdtemp(join(tmpdir(), "rapk-viewer-"));
  await writeFile(join(viewer, "index.html"), "<!doctype html><title>viewer</title>");
  served = await serveFolder({ roster, viewerDir: viewer, bodyLimitBytes: 4096 });
});
afterAll(async () => {
  await served.stop();
  await rm(viewer, { recursive: true, force: true });
});

const codeOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe("the server's defences", () => {
  it("sends the security headers on the API and on the viewer", async () => {
    for (const path of ["/", "/openapi.json", "/api/session"]) {
      const response = await fetch(served.server.url + path);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      // Plain http on loopback: no HSTS (a browser would pin https on a site that has none).
      expect(response.headers.get("strict-transport-security")).toBeNull();
    }
    expect((await fetch(`${served.server.url}/api/session`)).headers.get("cache-control")).toBe("no-store");
  });

  it("serves the viewer's files, and index.html for the viewer's own paths", async () => {
    expect(await (await fetch(`${served.server.url}/`)).text()).toContain("<title>viewer</title>");
    expect(await (await fetch(`${served.server.url}/plans/${PLAN_A}`)).text()).toContain("<title>viewer</title>");
  });

  it("refuses a write without the site's Origin, from another origin, marked cross-site, or without the session's CSRF token", async () => {
    const client = new Client(served.server.url);
    expect((await client.signIn(head)).status).toBe(200);
    const attempts = [
      client.fetch("/api/session", { method: "DELETE", origin: null }),
      client.fetch("/api/session", { method: "DELETE", origin: "https://evil.example" }),
      client.fetch("/api/session", { method: "DELETE", headers: { "sec-fetch-site": "cross-site" } }),
      client.fetch("/api/session", { method: "DELETE", csrf: null }),
      client.fetch("/api/session", { method: "DELETE", csrf: "a".repeat(43) }),
      client.post("/api/session/challenge", undefined, { origin: "null" }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(await codeOf(response)).toBe("CSRF");
    }
    // Nothing was done: the session is still there.
    expect((await client.fetch("/api/session")).status).toBe(200);
  });

  it("refuses a body larger than the limit with 413, before reading it whole", async () => {
    const client = new Client(served.server.url);
    const big = await client.post("/api/session", { challenge: "x".repeat(10_000), publicKey: head.key.publicKey, signature: "0".repeat(128) });
    expect(big.status).toBe(413);
    expect(await codeOf(big)).toBe("BODY_TOO_LARGE");
  });

  it("refuses a sign-in body with a field missing, an unknown field, or a malformed key, naming the field", async () => {
    const client = new Client(served.server.url);
    const { challenge, message } = (await (await client.post("/api/session/challenge")).json()) as { challenge: string; message: string };
    const signature = signHead(message, head.key.secretKey).signature;
    const bad = [
      [{ challenge, publicKey: head.key.publicKey }, "json.signature"],
      [{ challenge, publicKey: head.key.publicKey, signature, role: "head" }, "json"],
      [{ challenge, publicKey: "XYZ", signature }, "json.publicKey"],
    ] as const;
    for (const [body, where] of bad) {
      const response = await client.post("/api/session", body);
      expect(response.status).toBe(400);
      const error = ((await response.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe("INVALID_REQUEST");
      expect(error.message.startsWith(where)).toBe(true);
    }
    // The challenge was not used up by refused bodies: the right one still signs in.
    expect((await client.post("/api/session", { challenge, publicKey: head.key.publicKey, signature })).status).toBe(200);
  });

  it("refuses path tricks in plan ids and in the viewer's paths, and shows no file outside the viewer", async () => {
    const client = new Client(served.server.url);
    await client.signIn(head);
    for (const plan of ["..%2Funit-a-2024", "%2e%2e", ".hidden", "a%00b", "unit-a-2024%2F..%2F..%2Fetc%2Fpasswd"]) {
      const response = await client.fetch(`/api/plans/${plan}/versions`);
      expect([400, 404], plan).toContain(response.status);
      expect(await response.text()).not.toContain("root:");
    }
    for (const path of ["/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/../../etc/passwd"]) {
      const response = await fetch(served.server.url + path);
      expect(await response.text(), path).not.toContain("root:");
    }
  });

  it("answers an unforeseen failure with a 500 that says only that, and logs one line without a stack", async () => {
    const lines: string[] = [];
    const broken = new MemoryEventStore();
    broken.listPlans = async () => {
      throw new Error("disk on fire at /srv/secret/path");
    };
    const server = await startServer({ store: broken, port: 0, roster, log: (line) => lines.push(line) });
    try {
      const client = new Client(server.url);
      const { challenge, message } = (await (await client.post("/api/session/challenge")).json()) as { challenge: string; message: string };
      const response = await client.post("/api/session", { challenge, publicKey: head.key.publicKey, signature: signHead(message, head.key.secretKey).signature });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", message: "the server could not do this; its log says why" } });
      expect(lines).toEqual(["error: POST /api/session: Error: disk on fire at /srv/secret/path"]);
      expect(lines.join("\n")).not.toMatch(/\n\s+at |[0-9a-f]{128}/);
    } finally {
      await server.close();
    }
  });

  it("behind an https origin: the cookie is Secure with the __Host- prefix, and HSTS is sent", async () => {
    const origin = "https://rapk.example.go.id";
    const server = await startServer({ store: served.store, port: 0, roster, origin });
    try {
      const client = new Client(server.url);
      const challenge = (await (await client.post("/api/session/challenge", undefined, { origin })).json()) as { challenge: string; message: string };
      expect(challenge.message.startsWith(`rapk sign-in ${origin} `)).toBe(true);
      const response = await client.post("/api/session", { challenge: challenge.challenge, publicKey: head.key.publicKey, signature: signHead(challenge.message, head.key.secretKey).signature }, { origin });
      expect(response.status).toBe(200);
      expect(response.headers.get("set-cookie")).toMatch(/^__Host-rapk-session=[^;]+;.*Secure/);
      expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      // The plain-http origin the server listens on is not the site's: its writes are refused.
      expect((await client.post("/api/session/challenge")).status).toBe(403);
    } finally {
      await server.close();
    }
  });
});
