import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, rapkProcess } from "./support/rapkProcess.js";
import { freshDatabase } from "./support/server.js";

const SEED = join(ROOT, "packages/examples/sources/rapk-2024-loka-pom-rejang-lebong.txt");

// 30 rounds in the proof (RAPK_PG_CLI_ROUNDS=30, run by hand); 2 in every run (8 Node processes a round).
const ROUNDS = Number(process.env.RAPK_PG_CLI_ROUNDS) || 2;
const WRITERS = 8;

const cli = (...args: string[]) => rapkProcess(args);

describe(`given ${WRITERS} rapk processes applying to one PostgreSQL plan with the same --expect-version`, () => {
  let log: string;
  const revisions: string[] = [];

  beforeAll(async () => {
    log = `${await freshDatabase("cliwriters")}#loka-pom-rejang-lebong-2024`;
    const imported = await cli("import", SEED, "--out", log);
    expect(imported.code, imported.stderr).toBe(0);
    const folder = mkdtempSync(join(tmpdir(), "rapk-pg-writers-"));
    for (let writer = 0; writer < WRITERS; writer++) {
      const file = join(folder, `report-${writer}.json`);
      const revision = {
        meta: { actor: `Operator ${writer + 1}`, reason: `Laporan realisasi dari operator ${writer + 1}`, kind: "report", at: "2024-04-05T10:00:00+07:00" },
        commands: [{ type: "reportRealisation", data: { indicator: "01.01", month: 1, value: 90 + writer } }],
      };
      writeFileSync(file, JSON.stringify(revision));
      revisions.push(file);
    }
  });

  it(`then in each of ${ROUNDS} rounds exactly one exits 0 and every other exits 3 (conflict), one line each`, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const results = await Promise.all(revisions.map((revision) => cli("apply", log, revision, "--expect-version", String(round))));
      const codes = results.map((result) => result.code).sort();
      expect(codes, `round ${round}: ${results.map((r) => r.stderr.trim()).join(" | ")}`).toEqual([0, ...Array(WRITERS - 1).fill(3)]);
      for (const loser of results.filter((result) => result.code === 3)) expect(loser.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
    const verified = JSON.parse((await cli("verify", log, "--json")).stdout) as { ok: boolean; versions: number };
    expect(verified).toMatchObject({ ok: true, versions: ROUNDS + 1 });
  }, ROUNDS * 60_000);
});
