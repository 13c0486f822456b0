import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiMarkdown } from "../src/index.js";
import { type Served, fixtureRoster, serveFolder } from "./support/fixture.js";

let served: Served;
beforeAll(async () => {
  served = await serveFolder({ roster: fixtureRoster({}) });
});
afterAll(() => served.stop());

describe("the OpenAPI document", () => {
  it("is served at /openapi.json and is the one checked into docs/api.md (pnpm --filter @rapk/server api-doc writes it)", async () => {
    const response = await fetch(`${served.server.url}/openapi.json`);
    expect(response.status).toBe(200);
    const served_ = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    const checkedIn = await readFile(new URL("../../../docs/api.md", import.meta.url), "utf8");
    expect(checkedIn, "docs/api.md differs from the served document: run pnpm --filter @rapk/server api-doc").toBe(apiMarkdown(served_));
  });

  it("describes every route with its refusals and the sign-in body's fields", async () => {
    const document = (await (await fetch(`${served.server.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { required?: string[] }> };
    };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/session", "/api/plans", "/api/plans/{plan}/state", "/api/plans/{plan}/diff"]));
    expect(Object.keys(document.paths["/api/plans/{plan}/state"]?.get?.responses ?? {})).toEqual(expect.arrayContaining(["200", "401", "403", "404"]));
    expect(document.components.schemas.SignIn?.required).toEqual(["challenge", "publicKey", "signature"]);
  });
});
