import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BINARY, POK_SHIFT, SEED, expectOneLineError, rapkBinary, tempFolder, writeJson } from "./helpers.js";

describe("the rapk binary", () => {
  it("is an executable ESM script with a node shebang", () => {
    expect(readFileSync(BINARY, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(BINARY).mode & 0o100).not.toBe(0);
  });

  it("imports, verifies and shows the seed", async () => {
    const folder = tempFolder();
    const imported = await rapkBinary(folder, "import", SEED, "--out", "plan.ndjson");
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    const verified = await rapkBinary(folder, "verify", "plan.ndjson");
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^ok: \d+ events, 1 versions, chain intact, invariants hold; head [0-9a-f]{64}\nversion 1 was imported from rapk-2024-loka-pom-rejang-lebong\.txt .*\nfindings: 21 \(.*\)\n$/);
    const shown = await rapkBinary(folder, "show", "plan.ndjson");
    expect(shown.stdout).toContain("Rp4.801.300.000");
    expect(shown.stdout).toContain("Rp70.412.160");
    const help = await rapkBinary(folder, "apply", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: rapk apply");
  });

  it("prints one line and no stack trace for a missing file, a binary file and bad JSON", async () => {
    const folder = tempFolder();
    const missing = await rapkBinary(folder, "show", "missing.ndjson");
    expect(missing.code).toBe(1);
    expect(expectOneLineError(missing)).toBe("rapk: missing.ndjson: no such file");

    writeFileSync(join(folder, "binary.ndjson"), Buffer.from([0x00, 0x01, 0x02, 0xfe]));
    const binary = await rapkBinary(folder, "verify", "binary.ndjson");
    expect(binary.code).toBe(1);
    expect(expectOneLineError(binary)).toContain("binary.ndjson:1: is not a text file");

    expect((await rapkBinary(folder, "import", SEED, "--out", "plan.ndjson")).code).toBe(0);
    writeFileSync(join(folder, "bad.json"), '{"meta": {"actor": "x"}, "commands": [}');
    const bad = await rapkBinary(folder, "apply", "plan.ndjson", "bad.json");
    expect(bad.code).toBe(1);
    expect(expectOneLineError(bad)).toMatch(/^rapk: bad\.json:1: is not valid JSON: /);
  });

  it("lets exactly one of two simultaneous applies with the same --expect-version win", async () => {
    const folder = tempFolder();
    expect((await rapkBinary(folder, "import", SEED, "--out", "plan.ndjson", "--at", "2024-02-22T10:00:00+07:00")).code).toBe(0);
    writeJson(folder, "a.json", POK_SHIFT);
    writeJson(folder, "b.json", { ...POK_SHIFT, meta: { ...POK_SHIFT.meta, reason: "the same revision, sent twice" } });
    const runs = await Promise.all([
      rapkBinary(folder, "apply", "plan.ndjson", "a.json", "--expect-version", "1"),
      rapkBinary(folder, "apply", "plan.ndjson", "b.json", "--expect-version", "1"),
    ]);
    const codes = runs.map((r) => r.code).sort();
    expect(codes).toEqual([0, 3]);
    const loser = runs.find((r) => r.code === 3)!;
    expect(expectOneLineError(loser)).toMatch(/^rapk: plan\.ndjson: conflict[: ]/);
    const winner = runs.find((r) => r.code === 0)!;
    expect(winner.stdout).toMatch(/version 2 \(4 events\)/);

    const verified = await rapkBinary(folder, "verify", "plan.ndjson");
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain("2 versions");
    const lines = readFileSync(join(folder, "plan.ndjson"), "utf8").trimEnd().split("\n");
    expect(lines.filter((line) => line.includes('"version":2,'))).toHaveLength(4);
  });
});
