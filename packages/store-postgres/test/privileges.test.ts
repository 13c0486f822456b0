import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { PlanWriter, draftCommands, metadataAt } from "@rapk/store/conformance";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresEventStore } from "../src/postgresStore.js";
import { freshDatabase } from "./support/server.js";
import { STACK, rapk } from "./support/rapkInProcess.js";

const SEED = new URL("../../examples/sources/rapk-2024-loka-pom-rejang-lebong.txt", import.meta.url).pathname;

describe("a role that may only read and write rapk's tables", () => {
  it("given the tables made by their owner, when it opens the store, then it appends, lists and rolls up without creating anything", async () => {
    const url = await freshDatabase("privileges");
    await (await PostgresEventStore.open(url)).close(); // the owner creates the tables
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const role = `writer_${process.pid}`;
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      await admin.query(`GRANT SELECT, INSERT, UPDATE ON rapk_plans, rapk_events, rapk_log_position, rapk_commits, rapk_rollup TO ${role}`);
      const limited = new URL(url);
      limited.username = role;
      const store = await PostgresEventStore.open(limited.toString());
      try {
        const writer = new PlanWriter();
        await store.append("loka-pom-rejang-lebong-2024", writer.next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft")));
        expect((await store.listPlans()).map((p) => p.plan)).toEqual(["loka-pom-rejang-lebong-2024"]);
        expect((await store.rollup()).totals.plans).toBe(1);
      } finally {
        await store.close();
      }
      // And it could not have made them itself: public's CREATE is not granted in PostgreSQL 15.
      const fresh = new URL(await freshDatabase("privileges_empty"));
      fresh.username = role;
      await expect(PostgresEventStore.open(fresh.toString())).rejects.toThrow(/permission denied/);
    } finally {
      await admin.end();
    }
  });
});

describe("a role PostgreSQL refuses, through rapk", () => {
  const PASSWORD = "Gr4nt-s3cret-pw";
  let url: string;
  let folder: string;
  let admin: pg.Client;
  const role = `reader_${process.pid}`;
  const as = (who: string) => {
    const limited = new URL(url);
    limited.username = who;
    limited.password = PASSWORD;
    return `${limited.toString()}#grants-plan`;
  };

  beforeAll(async () => {
    url = await freshDatabase("grants");
    folder = mkdtempSync(join(tmpdir(), "rapk-grants-"));
    const imported = await rapk(folder, "import", SEED, "--out", `${url}#grants-plan`, "--at", "2024-02-22T10:00:00+07:00");
    expect(imported.code, imported.stderr).toBe(0);
    writeFileSync(join(folder, "rev.json"), JSON.stringify({ meta: { actor: "Admin", reason: "uji", kind: "rapk", at: "2024-03-01T09:00:00+07:00" }, commands: [{ type: "renameIndicator", data: { indicator: "01.01", name: "Nama baru" } }] }));
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN`);
    await admin.query(`CREATE ROLE ${role}_none LOGIN`);
    await admin.query(`GRANT SELECT ON rapk_plans, rapk_events, rapk_log_position, rapk_commits, rapk_rollup TO ${role}`);
  });

  afterAll(async () => {
    await admin?.end();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("given a role that may only read, when it applies, then one plain line says PostgreSQL refused (exit 5) and nothing is written", async () => {
    expect((await rapk(folder, "show", as(role))).code).toBe(0);
    const run = await rapk(folder, "apply", as(role), "rev.json");
    expect(run.code, run.stderr).toBe(5);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/STORE_PERMISSION_DENIED: cannot append version 2 to plan grants-plan: PostgreSQL at postgres:\/\/reader_\d+:\*\*\*@.* refused: permission denied for table rapk_/);
    expect(run.stdout + run.stderr).not.toMatch(STACK);
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);
    expect((await rapk(folder, "verify", `${url}#grants-plan`)).stdout).toMatch(/ 1 versions?,/);
  });

  it("given a role granted nothing, when it reads, then one plain line says PostgreSQL refused (exit 5), never an internal error", async () => {
    for (const argv of [["show", as(`${role}_none`)], ["plans", as(`${role}_none`).replace(/#.*/, "")]]) {
      const run = await rapk(folder, ...argv);
      expect(run.code, run.stderr).toBe(5);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/refused: permission denied for table rapk_/);
      expect(run.stdout + run.stderr).not.toMatch(STACK);
      expect(run.stdout + run.stderr).not.toContain(PASSWORD);
    }
  });
});
