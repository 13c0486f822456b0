import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { ROOT, type Run, SEED, tempFolder } from "./helpers.js";

/** Runs rapk with the writer's clock at `now`. */
async function at(now: string, cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, now: () => new Date(now) });
  return { code, stdout, stderr };
}

describe("two dates per version, from the command line", () => {
  it("imports a 2024 plan today and applies the README's Revisi POK of 11 March 2024; answers in force and as known", async () => {
    const folder = tempFolder();
    copyFileSync(join(ROOT, "docs/examples/revisi-pok.json"), join(folder, "revisi-pok.json"));
    // Imported in 2026 (the clock), in force from its signing on 22 February 2024.
    expect((await at("2026-11-30T04:00:00Z", folder, "import", SEED, "--out", "plan.ndjson")).code).toBe(0);
    const applied = await at("2026-11-30T05:00:00Z", folder, "apply", "plan.ndjson", "revisi-pok.json", "--expect-version", "1");
    expect(applied.stderr).toBe("");
    expect(applied.code).toBe(0);

    const show = async (...options: string[]) => JSON.parse((await at("2026-11-30T06:00:00Z", folder, "show", "plan.ndjson", "--json", ...options)).stdout);
    const march1 = await show("--as-of", "2024-03-01");
    const march12 = await show("--as-of", "2024-03-12");
    expect([march1.version, march12.version]).toEqual([1, 2]);
    // They differ exactly by the Revisi POK: two lines' pagu and 01.05's contributions from them.
    const changedLines = march12.lines.filter((line: { id: string; pagu: number }) => march1.lines.find((l: { id: string }) => l.id === line.id)?.pagu !== line.pagu);
    expect(changedLines.map((l: { id: string; pagu: number }) => [l.id, l.pagu])).toEqual([
      ["DR.3165.QIC.004.053.A", 45_400_000],
      ["DR.3165.QIC.004.055.A", 32_600_000],
    ]);
    const contributions = (state: { indicators: { id: string; contributions: unknown[] }[] }) => new Map(state.indicators.map((i) => [i.id, JSON.stringify(i.contributions)]));
    const before = contributions(march1);
    const changedIndicators = [...contributions(march12)].filter(([id, text]) => before.get(id) !== text).map(([id]) => id);
    expect(changedIndicators).toEqual(["01.05"]);
    expect(march1.plan.ceiling).toBe(march12.plan.ceiling);

    // As the log knew it before the apply (04:30Z): version 1, though the POK was already in force then.
    expect((await show("--known-at", "2026-11-30T04:30:00Z")).version).toBe(1);
    expect((await show("--known-at", "2026-11-30T05:30:00Z")).version).toBe(2);
    expect((await show("--as-of", "2024-03-12", "--known-at", "2026-11-30T04:30:00Z")).version).toBe(1);
  });

  it("writes the clock in the unit's zone, not the machine's: WIB by default, WITA when imported with --zone WITA, and apply keeps the log's", async () => {
    const { readFileSync, writeFileSync } = await import("node:fs");
    const dates = (file: string) => readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line)).filter((line) => "commit" in line).map((line) => [line.metadata.recordedAt, line.metadata.effectiveAt]);
    const folder = tempFolder();
    expect((await at("2026-11-30T04:00:00Z", folder, "import", SEED, "--out", "wib.ndjson")).code).toBe(0);
    expect(dates(join(folder, "wib.ndjson"))).toEqual([["2026-11-30T11:00:00+07:00", "2024-02-22T00:00:00+07:00"]]);
    expect((await at("2025-04-01T04:00:00Z", folder, "import", SEED, "--out", "wita.ndjson", "--zone", "WITA")).code).toBe(0);
    writeFileSync(join(folder, "undated.json"), JSON.stringify({ meta: { actor: "KPA", reason: "r", kind: "report" }, commands: [{ type: "reportRealisation", data: { indicator: "01.01", month: 3, value: 50 } }] }));
    expect((await at("2025-04-05T01:30:00Z", folder, "apply", "wita.ndjson", "undated.json")).code).toBe(0);
    expect(dates(join(folder, "wita.ndjson"))).toEqual([
      ["2025-04-01T12:00:00+08:00", "2024-02-22T00:00:00+08:00"],
      ["2025-04-05T09:30:00+08:00", "2025-04-05T09:30:00+08:00"],
    ]);
    const bad = await at("2026-11-30T04:00:00Z", folder, "import", SEED, "--out", "x.ndjson", "--zone", "Asia/Jakarta");
    expect([bad.code, bad.stderr.trim()]).toEqual([1, "rapk: --zone Asia/Jakarta: expected WIB, WITA, WIT or an offset like +08:00"]);
  });

  it("refuses a revision dated in 2204, and the log stays appendable", async () => {
    const folder = tempFolder();
    expect((await at("2026-11-30T04:00:00Z", folder, "import", SEED, "--out", "plan.ndjson")).code).toBe(0);
    const { writeFileSync, readFileSync } = await import("node:fs");
    const revision = (effectiveAt: string) => ({
      meta: { actor: "KPA", reason: "a report", kind: "report", effectiveAt },
      commands: [{ type: "reportRealisation", data: { indicator: "01.01", month: 3, value: 50 } }],
    });
    writeFileSync(join(folder, "far.json"), JSON.stringify(revision("2204-03-11T10:00:00+07:00")));
    writeFileSync(join(folder, "near.json"), JSON.stringify(revision("2024-04-05T10:00:00+07:00")));
    writeFileSync(join(folder, "early.json"), JSON.stringify(revision("2024-02-28T10:00:00+07:00")));
    const before = readFileSync(join(folder, "plan.ndjson"), "utf8");
    const far = await at("2026-11-30T05:00:00Z", folder, "apply", "plan.ndjson", "far.json");
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/EFFECTIVE_TOO_LATE/);
    const early = await at("2026-11-30T05:00:00Z", folder, "apply", "plan.ndjson", "early.json");
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/REPORT_BEFORE_MONTH.*March 2024/);
    expect(readFileSync(join(folder, "plan.ndjson"), "utf8")).toBe(before);
    expect((await at("2026-11-30T05:00:00Z", folder, "apply", "plan.ndjson", "near.json")).code).toBe(0);
  });
});
