import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, SEED, expectOneLineError, rapk, tempFolder } from "./helpers.js";

interface Shown {
  version: number;
  plan: { unit: string; year: number; ceiling: number };
  lines: { pagu: number; spent: number }[];
}

describe("rapk plans and rapk rollup on a folder of log files", () => {
  it("given two plans in a folder, then plans lists each and rollup gives each one's figures (as show gives them) and their totals", async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, "plans"));
    copyFileSync(join(ROOT, "docs/examples/revisi-pok.json"), join(folder, "revisi-pok.json"));
    expect((await rapk(folder, "import", SEED, "--out", "plans/rejang-lebong-2024.ndjson")).code).toBe(0);
    expect((await rapk(folder, "apply", "plans/rejang-lebong-2024.ndjson", "revisi-pok.json", "--expect-version", "1")).code).toBe(0);
    copyFileSync(join(ROOT, "packages/examples/loka-pom-rejang-lebong-2024-history.ndjson"), join(folder, "plans/illustrative-2024.ndjson"));

    const listed = JSON.parse((await rapk(folder, "plans", "plans", "--json")).stdout) as { plan: string; version: number; unit: string; year: number }[];
    expect(listed.map((p) => [p.plan, p.year])).toEqual([
      ["illustrative-2024", 2024],
      ["rejang-lebong-2024", 2024],
    ]);
    expect(listed.every((p) => p.unit === "LOKA POM DI KABUPATEN REJANG LEBONG")).toBe(true);

    const rollup = JSON.parse((await rapk(folder, "rollup", "plans", "--json")).stdout);
    for (const row of rollup.plans) {
      const shown = JSON.parse((await rapk(folder, "show", `plans/${row.plan}.ndjson`, "--json")).stdout) as Shown;
      expect(row.version).toBe(shown.version);
      expect(row.ceiling).toBe(shown.plan.ceiling);
      expect(row.pagu).toBe(shown.lines.reduce((sum, line) => sum + line.pagu, 0));
      expect(row.spent).toBe(shown.lines.reduce((sum, line) => sum + line.spent, 0));
    }
    expect(rollup.totals.plans).toBe(2);
    expect(rollup.totals.pagu).toBe(rollup.plans[0].pagu + rollup.plans[1].pagu);
    expect(rollup.totals.spent).toBe(rollup.plans[0].spent + rollup.plans[1].spent);

    // In force on 1 March 2024 the imported plan was at version 1 (the Revisi POK came on 11 March).
    const march = JSON.parse((await rapk(folder, "rollup", "plans", "--as-of", "2024-03-01", "--json")).stdout);
    expect(march.plans.find((row: { plan: string }) => row.plan === "rejang-lebong-2024").version).toBe(1);
    expect(JSON.parse((await rapk(folder, "rollup", "plans", "--year", "2023", "--json")).stdout).totals.plans).toBe(0);
  });

  it("given a folder that is not there or a URL no store opens, then the error names it, exit 1", async () => {
    const folder = tempFolder();
    const missing = await rapk(folder, "rollup", "nowhere");
    expect(missing.code).toBe(1);
    expect(expectOneLineError(missing)).toBe("rapk: nowhere: no such file");
    const url = await rapk(folder, "plans", "https://example.org/plans");
    expect(url.code).toBe(1);
    expect(expectOneLineError(url)).toMatch(/^rapk: https:\/\/example\.org\/plans: expected a folder of \.ndjson logs/);
  });
});
