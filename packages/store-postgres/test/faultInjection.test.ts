import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./support/server.js";
import { STACK, rapk } from "./support/rapkInProcess.js";

// Kills the PostgreSQL backend of a `rapk apply` in the middle of its append (while it waits on the
// plan's row lock, inside its transaction), again and again: each trial must end in one plain line
// (exit 4, CONNECTION_LOST, saying the version was not committed), no stack trace, no password,
// and a plan that verifies at the old version or the new one. docs/reliability.md cites the count.
export const FAULT_TRIALS = 12;
const PASSWORD = "Fault-s3cret-pw";
const SEED = new URL("../../examples/sources/rapk-2024-loka-pom-rejang-lebong.txt", import.meta.url).pathname;
const revision = (n: number) => ({
  meta: { actor: "Admin", reason: `uji ${n}`, kind: "rapk", at: `2024-03-${String(1 + n).padStart(2, "0")}T09:00:00+07:00` },
  commands: [{ type: "renameIndicator", data: { indicator: "01.01", name: `Nama ke-${n}` } }],
});

describe("a PostgreSQL backend killed in the middle of an append", () => {
  let url: string;
  let admin: pg.Client;
  // A second session watches: pg_stat_activity holds still inside the lock holder's transaction.
  let watcher: pg.Client;
  let folder: string;
  const outputs: string[] = [];

  beforeAll(async () => {
    const plain = new URL(await freshDatabase("fault"));
    admin = new pg.Client({ connectionString: plain.toString() });
    await admin.connect();
    watcher = new pg.Client({ connectionString: plain.toString() });
    await watcher.connect();
    plain.password = PASSWORD;
    url = `${plain.toString()}#fault-plan`;
    folder = mkdtempSync(join(tmpdir(), "rapk-fault-"));
    const imported = await rapk(folder, "import", SEED, "--out", url, "--at", "2024-02-22T10:00:00+07:00");
    outputs.push(imported.stdout, imported.stderr);
    expect(imported.code).toBe(0);
  });

  afterAll(async () => {
    await admin?.end();
    await watcher?.end();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it(`ends ${FAULT_TRIALS} of ${FAULT_TRIALS} trials with one plain line and a plan that verifies as the old or the new version`, async () => {
    let lost = 0;
    for (let trial = 1; trial <= FAULT_TRIALS; trial++) {
      writeFileSync(join(folder, "rev.json"), JSON.stringify(revision(trial)));
      const versions = async () => Number(/(\d+) versions?/.exec((await rapk(folder, "verify", url)).stdout)?.[1] ?? "-1");
      const before = await versions();
      // Hold the plan's row lock, so the append waits inside its transaction, then kill its backend.
      await admin.query("BEGIN");
      await admin.query("SELECT * FROM rapk_plans WHERE plan = 'fault-plan' FOR UPDATE");
      const applying = rapk(folder, "apply", url, "rev.json");
      let killed = false;
      for (let wait = 0; wait < 200 && !killed; wait++) {
        const { rows } = await watcher.query("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() AND pid <> pg_backend_pid()");
        for (const row of rows as { pid: number }[]) killed = (await watcher.query("SELECT pg_terminate_backend($1)", [row.pid])).rows.length > 0 || killed;
        if (!killed) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const run = await applying;
      await admin.query("ROLLBACK");
      outputs.push(run.stdout, run.stderr);
      expect(killed, `trial ${trial}: no waiting backend was found to kill`).toBe(true);
      expect(STACK.test(run.stdout + run.stderr), `trial ${trial}: ${run.stderr}`).toBe(false);
      expect(run.stderr.split("\n").filter((l) => l !== "").length, run.stderr).toBeLessThanOrEqual(1);
      const verify = await rapk(folder, "verify", url);
      outputs.push(verify.stdout, verify.stderr);
      expect(verify.code, verify.stderr).toBe(0);
      const after = Number(/(\d+) versions?/.exec(verify.stdout)?.[1] ?? "0");
      if (run.code === 0) expect(after).toBe(before + 1);
      else {
        lost++;
        expect(run.code, run.stderr).toBe(4);
        expect(run.stderr).toMatch(/CONNECTION_LOST: .*was lost while appending version \d+ of plan fault-plan; version \d+ was NOT committed/);
        expect(after).toBe(before);
      }
    }
    expect(lost).toBeGreaterThan(0);
  });

  /** Runs rapk while another session holds the plan's row lock, as a slow writer would. */
  async function whileLocked(...argv: string[]) {
    await admin.query("BEGIN");
    await admin.query("SELECT * FROM rapk_plans WHERE plan = 'fault-plan' FOR UPDATE");
    try {
      const run = await rapk(folder, ...argv);
      outputs.push(run.stdout, run.stderr);
      return run;
    } finally {
      await admin.query("ROLLBACK");
    }
  }

  it("refuses as a conflict (exit 3) an append that waits past ?lock_timeout=, and says nothing was written", async () => {
    writeFileSync(join(folder, "rev.json"), JSON.stringify(revision(FAULT_TRIALS + 1)));
    const run = await whileLocked("apply", url.replace("#", "?lock_timeout=300#"), "rev.json");
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr, run.stderr).toMatch(/conflict: cannot append version \d+ to plan fault-plan: another transaction held the plan's lock past lock_timeout.*nothing was written/);
  });

  it("takes the lock timeout from --lock-timeout too, which wins over the URL's", async () => {
    writeFileSync(join(folder, "rev.json"), JSON.stringify(revision(FAULT_TRIALS + 1)));
    const started = Date.now();
    const run = await whileLocked("--lock-timeout", "300", "apply", url.replace("#", "?lock_timeout=100000#"), "rev.json");
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/past lock_timeout/);
    // Well under the URL's 100 s: the flag's 300 ms was the one in force.
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(STACK.test(run.stdout + run.stderr)).toBe(false);
  });

  it("stops a statement past --statement-timeout with its own plain line (exit 4, STORE_TIMEOUT), and nothing written", async () => {
    writeFileSync(join(folder, "rev.json"), JSON.stringify(revision(FAULT_TRIALS + 2)));
    const before = (await rapk(folder, "log", url, "--json")).stdout;
    // The lock wait counts toward the statement's time: with a long lock_timeout, statement_timeout ends it.
    const run = await whileLocked("apply", url, "rev.json", "--lock-timeout", "100000", "--statement-timeout", "300");
    expect(run.code, run.stderr).toBe(4);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^rapk: postgres:\/\/[^ ]*#fault-plan: STORE_TIMEOUT: cannot append version \d+ to plan fault-plan: PostgreSQL at .* did not finish within statement_timeout; nothing was written/);
    expect(STACK.test(run.stdout + run.stderr)).toBe(false);
    expect((await rapk(folder, "log", url, "--json")).stdout).toBe(before);
  });

  it("refuses a --lock-timeout that is not a whole number of milliseconds, before connecting", async () => {
    const run = await rapk(folder, "show", url, "--lock-timeout", "5s");
    outputs.push(run.stdout, run.stderr);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("rapk: --lock-timeout 5s: expected a whole number of milliseconds (0 for no limit)\n");
  });

  it("never prints the password, in any output of these trials", () => {
    expect(outputs.length).toBeGreaterThan(FAULT_TRIALS);
    for (const out of outputs) expect(out).not.toContain(PASSWORD);
  });
});
