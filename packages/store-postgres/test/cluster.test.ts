import pg from "pg";
import { describe, expect, it } from "vitest";
import { ClusterUnavailable, startThrowawayCluster } from "../src/throwawayCluster.js";
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

  it("given no server programs in the folder named, when starting, then it fails naming the missing program", async () => {
    await expect(startThrowawayCluster({ bin: "/nonexistent/pg/bin" })).rejects.toThrow(ClusterUnavailable);
    await expect(startThrowawayCluster({ bin: "/nonexistent/pg/bin" })).rejects.toThrow(/\/nonexistent\/pg\/bin\/initdb is missing.*apt-get install postgresql/);
  });
});
