import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, rapkProcess } from "./support/rapkProcess.js";
import { freshDatabase } from "./support/server.js";

const SEED = join(ROOT, "packages/examples/sources/rapk-2024-loka-pom-rejang-lebong.txt");
const REVISION = join(ROOT, "docs/examples/revisi-pok.json");
const PLAN = "loka-pom-rejang-lebong-2024";

const cli = (...args: string[]) => rapkProcess(args);

describe("the seed plan kept in PostgreSQL through the command line", () => {
  let server: string;
  let log: string;
  let file: string;

  beforeAll(async () => {
    server = await freshDatabase("walk");
    log = `${server}#${PLAN}`;
    // The same walk on a file, to compare what each store gives back.
    file = join(mkdtempSync(join(tmpdir(), "rapk-pg-walk-")), "plan.ndjson");
    for (const out of [log, file]) {
      const imported = await cli("import", SEED, "--out", out);
      expect(imported.code, imported.stderr).toBe(0);
      const applied = await cli("apply", out, REVISION, "--expect-version", "1");
      expect(applied.code, applied.stderr).toBe(0);
    }
  });

  it("given an import and an apply, then show, log, diff, report and export print what they print for the same file", async () => {
    for (const args of [["show"], ["show", "--as-of", "1", "--json"], ["diff", "--from", "1", "--to", "2"], ["report", "--month", "1"], ["export", "--format", "json"]]) {
      const [command, ...rest] = args as [string, ...string[]];
      const fromServer = await cli(command, log, ...rest);
      const fromFile = await cli(command, file, ...rest);
      expect(fromServer.code, `${command}: ${fromServer.stderr}`).toBe(0);
      // A heading may name the log as given (`<log>: version 1 -> version 2`).
      expect(fromServer.stdout.replaceAll(log, "<log>"), `rapk ${args.join(" ")}`).toBe(fromFile.stdout.replaceAll(file, "<log>"));
    }
    // The versions were recorded by two runs, seconds apart: all but recordedAt is the same.
    const versions = async (target: string) => (JSON.parse((await cli("log", target, "--json")).stdout) as { recordedAt: string }[]).map(({ recordedAt, ...rest }) => rest);
    const fromServer = await versions(log);
    expect(fromServer).toHaveLength(2);
    expect(fromServer).toEqual(await versions(file));
  });

  it("then verify passes with the head a file of the same versions ends at, and `rapk plans` shows that head", async () => {
    const verified = await cli("verify", log, "--json");
    expect(verified.code, verified.stderr).toBe(0);
    const result = JSON.parse(verified.stdout) as { ok: boolean; versions: number; head: string };
    expect(result).toMatchObject({ ok: true, versions: 2 });
    const plans = JSON.parse((await cli("plans", server, "--json")).stdout) as { plan: string; version: number; head: string }[];
    expect(plans).toEqual([expect.objectContaining({ plan: PLAN, version: 2, head: result.head })]);
    expect((await cli("verify", log, "--expect-head", result.head)).code).toBe(0);
    expect((await cli("verify", log, "--expect-head", "0".repeat(64))).code).toBe(1);
  });

  it("given a stale --expect-version, then apply is refused with exit 3 and nothing is appended", async () => {
    const stale = await cli("apply", log, REVISION, "--expect-version", "1");
    expect(stale.code).toBe(3);
    expect(stale.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(JSON.parse((await cli("plans", server, "--json")).stdout)[0].version).toBe(2);
  });

  it("given a URL without a plan, then the error says to add one, exit 1", async () => {
    const { code, stderr } = await cli("show", server);
    expect(code).toBe(1);
    expect(stderr).toMatch(/names no plan: add the plan's id after #/);
  });

  it("given a plan the store does not hold (a typo after #), then show and apply say so, exit 1, and nothing is written", async () => {
    for (const args of [["show", `${server}#loka-pom-rejang-lebog-2024`], ["apply", `${server}#loka-pom-rejang-lebog-2024`, REVISION]]) {
      const { code, stdout, stderr } = await cli(...args);
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(/holds no plan "loka-pom-rejang-lebog-2024".*rapk plans/)]);
    }
    expect(JSON.parse((await cli("plans", server, "--json")).stdout).map((row: { plan: string }) => row.plan)).toEqual([PLAN]);
  });

  it("given a stale --expect-version, then the one-line error says conflict once", async () => {
    const { code, stderr } = await cli("apply", log, REVISION, "--expect-version", "1");
    expect(code).toBe(3);
    expect(stderr).toMatch(/conflict/);
    expect(stderr).not.toMatch(/conflict.*conflict/);
  });
});
