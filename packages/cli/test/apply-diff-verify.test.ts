import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { POK_CEILING, POK_SHIFT, expectOneLineError, importedSeed, rapk, writeJson } from "./helpers.js";

const SHIFTED = ["DR.3165.QIC.004.053.A", "DR.3165.QIC.004.055.A"];

async function withPok(): Promise<string> {
  const folder = await importedSeed();
  writeJson(folder, "pok.json", POK_SHIFT);
  const run = await rapk(folder, "apply", "plan.ndjson", "pok.json", "--expect-version", "1");
  if (run.code !== 0) throw new Error(`apply failed: ${run.stderr}`);
  return folder;
}

describe("rapk apply", () => {
  it("appends a Revisi POK as version 2 and prints it", async () => {
    const folder = await importedSeed();
    const before = readFileSync(join(folder, "plan.ndjson"), "utf8");
    writeJson(folder, "pok.json", POK_SHIFT);
    const run = await rapk(folder, "apply", "plan.ndjson", "pok.json", "--expect-version", "1");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const head = JSON.parse(readFileSync(join(folder, "plan.ndjson"), "utf8").trimEnd().split("\n").at(-1)!).hash;
    expect(run.stdout).toBe(`applied pok.json to plan.ndjson: version 2 (4 events), head ${head}\n`);
    const after = readFileSync(join(folder, "plan.ndjson"), "utf8");
    // Appending keeps every byte of the old log and adds whole lines.
    expect(after.startsWith(before)).toBe(true);
    const added = after.slice(before.length).trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(added.map((e) => [e.version ?? e.commit, e.type ?? "commit"])).toEqual([
      [2, "BudgetRevised"],
      [2, "ContributionAllocated"],
      [2, "BudgetRevised"],
      [2, "ContributionAllocated"],
      [2, "commit"],
    ]);
    expect(added[4].metadata).toMatchObject({ kind: "pok", reference: "ND-01/POK/2024", actor: "Kepala Loka POM" });
    expect(added[4].hash).toBe(head);
  });

  it("show --as-of 1 and 2 differ exactly in the two lines moved", async () => {
    const folder = await withPok();
    const one = JSON.parse((await rapk(folder, "show", "plan.ndjson", "--as-of", "1", "--json")).stdout);
    const two = JSON.parse((await rapk(folder, "show", "plan.ndjson", "--as-of", "2", "--json")).stdout);
    expect(one.version).toBe(1);
    expect(two.version).toBe(2);
    const lineDiffs = one.lines.filter((l: { id: string }, i: number) => JSON.stringify(l) !== JSON.stringify(two.lines[i])).map((l: { id: string }) => l.id);
    expect(lineDiffs).toEqual(SHIFTED);
    const find = (json: { lines: { id: string }[] }, id: string) => json.lines.find((l) => l.id === id);
    expect(find(one, SHIFTED[0]!)).toMatchObject({ pagu: 50_400_000, allocated: 50_400_000 });
    expect(find(two, SHIFTED[0]!)).toMatchObject({ pagu: 45_400_000, allocated: 45_400_000 });
    expect(find(two, SHIFTED[1]!)).toMatchObject({ pagu: 32_600_000, allocated: 32_600_000 });
    const indicatorDiffs = one.indicators.filter((x: unknown, i: number) => JSON.stringify(x) !== JSON.stringify(two.indicators[i])).map((x: { id: string }) => x.id);
    expect(indicatorDiffs).toEqual(["01.05"]);
    const i105 = (json: { indicators: { id: string; budget: number; contributions: unknown }[] }) => json.indicators.find((x) => x.id === "01.05")!;
    expect(i105(one).budget).toBe(79_327_000);
    expect(i105(two).budget).toBe(79_327_000);
    // Everything else is the same plan.
    expect({ ...two, version: 0, events: 0, lines: [], indicators: [] }).toEqual({ ...one, version: 0, events: 0, lines: [], indicators: [] });

    const text = await rapk(folder, "show", "plan.ndjson", "--as-of", "2024-04-01");
    expect(text.stdout).toContain("version 1,");
    expect(text.stdout).toContain("KONTRIBUSI Rp50.400.000");
    const later = await rapk(folder, "show", "plan.ndjson", "--as-of", "2024-04-02T10:00:00+07:00");
    expect(later.stdout).toContain("version 2,");
    expect(later.stdout).toContain("KONTRIBUSI Rp45.400.000");
  });

  it("is refused by the domain (exit 2) when a POK changes the ceiling, and the log is byte-for-byte unchanged", async () => {
    const folder = await importedSeed();
    const before = readFileSync(join(folder, "plan.ndjson"));
    writeJson(folder, "ceiling.json", POK_CEILING);
    const run = await rapk(folder, "apply", "plan.ndjson", "ceiling.json");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    const line = expectOneLineError(run);
    // The line is the one of the field the error points at: commands[0].data.ceiling.
    const ceilingLine = readFileSync(join(folder, "ceiling.json"), "utf8").split("\n").findIndex((text) => text.includes('"ceiling"')) + 1;
    expect(line).toMatch(new RegExp(`^rapk: ceiling\\.json:${ceilingLine}: rejected: POK_CHANGES_CEILING: `));
    expect(line).toContain("(at ");
    expect(readFileSync(join(folder, "plan.ndjson")).equals(before)).toBe(true);
  });

  it("is refused by the domain when a line would be over-allocated, naming the command", async () => {
    const folder = await importedSeed();
    const before = readFileSync(join(folder, "plan.ndjson"));
    const overdrawn = { meta: POK_SHIFT.meta, commands: [POK_SHIFT.commands[0]] };
    writeJson(folder, "overdrawn.json", overdrawn);
    const run = await rapk(folder, "apply", "plan.ndjson", "overdrawn.json");
    expect(run.code).toBe(2);
    expect(expectOneLineError(run)).toMatch(/rejected: LINE_OVER_ALLOCATED: .*Rp5\.000\.000/);
    expect(readFileSync(join(folder, "plan.ndjson")).equals(before)).toBe(true);
  });

  it("exits 3 (conflict) when the log has moved past --expect-version", async () => {
    const folder = await withPok();
    const before = readFileSync(join(folder, "plan.ndjson"));
    const again = { ...POK_SHIFT, commands: [{ type: "reviseBudget", data: { line: "DR.3165.QIC.004.053.F", pagu: 1_000_000 } }, { type: "allocateContribution", data: { indicator: "01.05", line: "DR.3165.QIC.004.053.F", amount: 1_000_000 } }] };
    writeJson(folder, "again.json", again);
    const run = await rapk(folder, "apply", "plan.ndjson", "again.json", "--expect-version", "1");
    expect(run.code).toBe(3);
    expect(expectOneLineError(run)).toBe("rapk: plan.ndjson: conflict: the log is at version 2, past the expected version 1; nothing was appended (in plain words: The log changed since it was read (another writer came first); nothing was written. Read it again and retry.)");
    expect(readFileSync(join(folder, "plan.ndjson")).equals(before)).toBe(true);
    const current = await rapk(folder, "apply", "plan.ndjson", "again.json", "--expect-version", "2");
    expect(current.code).toBe(0);
    expect(current.stdout).toContain("version 3");
  });

  it("names the field of a malformed revision", async () => {
    const folder = await importedSeed();
    writeJson(folder, "nokind.json", { meta: { actor: "x", reason: "y" }, commands: [] });
    const noKind = await rapk(folder, "apply", "plan.ndjson", "nokind.json");
    expect(noKind.code).toBe(1);
    // kind is missing, so the line named is its object's: "meta" on line 2.
    expect(expectOneLineError(noKind)).toMatch(/^rapk: nokind\.json:2: is not a revision: meta\.kind /);

    writeFileSync(join(folder, "broken.json"), '{\n  "meta": {\n    "actor": "x",\n  }\n}\n');
    const broken = await rapk(folder, "apply", "plan.ndjson", "broken.json");
    expect(broken.code).toBe(1);
    expect(expectOneLineError(broken)).toMatch(/^rapk: broken\.json:4: is not valid JSON: /);
  });

  it("never appends to a log that does not verify", async () => {
    const folder = await importedSeed();
    const path = join(folder, "plan.ndjson");
    const tampered = readFileSync(path, "utf8").replace('"ceiling":4801300000', '"ceiling":4801300001');
    writeFileSync(path, tampered);
    writeJson(folder, "pok.json", POK_SHIFT);
    const run = await rapk(folder, "apply", "plan.ndjson", "pok.json");
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toMatch(/^rapk: plan\.ndjson:1: does not verify, so nothing was appended: /);
    expect(readFileSync(path, "utf8")).toBe(tampered);
  });
});

describe("rapk diff", () => {
  it("lists exactly the moved pagu and contributions, in Rupiah, with a summary", async () => {
    const folder = await withPok();
    const json = JSON.parse((await rapk(folder, "diff", "plan.ndjson", "--from", "1", "--to", "2", "--json")).stdout);
    const subjects = json.changes.map((c: { kind: string; line?: string; indicator?: string; from: unknown; to: unknown }) => [c.kind, c.indicator ?? null, c.line, c.from, c.to]);
    expect(subjects).toHaveLength(4);
    expect(subjects).toEqual(
      expect.arrayContaining([
        ["pagu-changed", null, SHIFTED[0], 50_400_000, 45_400_000],
        ["pagu-changed", null, SHIFTED[1], 27_600_000, 32_600_000],
        ["contribution-changed", "01.05", SHIFTED[0], 50_400_000, 45_400_000],
        ["contribution-changed", "01.05", SHIFTED[1], 27_600_000, 32_600_000],
      ]),
    );
    expect(json.summary.counts["pagu-changed"]).toBe(2);
    expect(json.summary.counts["contribution-changed"]).toBe(2);

    const text = await rapk(folder, "diff", "plan.ndjson", "--from", "1", "--to", "2");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Rp50.400.000 -> Rp45.400.000");
    expect(text.stdout).toContain("Rp27.600.000 -> Rp32.600.000");
    expect(text.stdout).toMatch(/4 changes \(/);
    const rows = text.stdout.split("\n").filter((line) => /^(pagu|contribution)-changed/.test(line));
    expect(rows).toHaveLength(4);
  });

  it("compares two logs, and a log with itself is no change", async () => {
    const folder = await withPok();
    const base = await importedSeed();
    writeFileSync(join(folder, "base.ndjson"), readFileSync(join(base, "plan.ndjson")));
    const json = JSON.parse((await rapk(folder, "diff", "base.ndjson", "plan.ndjson", "--json")).stdout);
    expect(json.changes).toHaveLength(4);
    const same = await rapk(folder, "diff", "plan.ndjson", "plan.ndjson");
    expect(same.stdout).toContain("no changes");
    const dated = JSON.parse((await rapk(folder, "diff", "plan.ndjson", "--from", "2024-03-01", "--json")).stdout);
    expect(dated.changes).toHaveLength(4);
  });

  it("needs --from for one log", async () => {
    const folder = await withPok();
    const run = await rapk(folder, "diff", "plan.ndjson");
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toContain("needs --from");
  });
});

describe("rapk verify", () => {
  it("passes on an imported and revised log", async () => {
    const folder = await withPok();
    const lines = readFileSync(join(folder, "plan.ndjson"), "utf8").trimEnd().split("\n");
    const head = JSON.parse(lines.at(-1)!).hash;
    const run = await rapk(folder, "verify", "plan.ndjson");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // Every line is an event but the two commit records; the head is the last commit record's hash.
    const [ok, imported, findings, ...rest] = run.stdout.trimEnd().split("\n");
    expect(ok).toBe(`ok: ${lines.length - 2} events, 2 versions, chain intact, invariants hold; head ${head}`);
    // What the import recorded is verified with the rest, and said: the file, the importer, the findings by code.
    const source = JSON.parse(lines[155]!).metadata.source;
    expect(imported).toBe(`version 1 was imported from rapk-2024-loka-pom-rejang-lebong.txt (16.549 bytes, SHA-256 ${source.sha256}) by @rapk/import@0.1.0`);
    expect(findings).toMatch(/^findings: 21 \(BLANK_TARGET 1, BUDGET_MISMATCH 3, .*\)$/);
    expect(rest).toEqual([]);
  });

  it("fails naming the line when one byte is flipped", async () => {
    const folder = await withPok();
    const path = join(folder, "plan.ndjson");
    const lines = readFileSync(path, "utf8").split("\n");
    // A digit of an amount in line 40 (a BudgetLineRegistered, ContributionAllocated ...): still valid JSON.
    const target = lines.findIndex((line, i) => i >= 30 && /"(pagu|amount)":\d/.test(line));
    expect(target).toBeGreaterThan(0);
    lines[target] = lines[target]!.replace(/"(pagu|amount)":(\d)/, (_m, key: string, digit: string) => `"${key}":${digit === "9" ? "8" : String(Number(digit) + 1)}`);
    writeFileSync(path, lines.join("\n"));
    const run = await rapk(folder, "verify", "plan.ndjson");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(expectOneLineError(run)).toMatch(new RegExp(`^rapk: plan\\.ndjson:${target + 1}: `));
  });

  it("fails naming the line of a broken JSON line", async () => {
    const folder = await importedSeed();
    const path = join(folder, "plan.ndjson");
    const lines = readFileSync(path, "utf8").split("\n");
    lines[4] = lines[4]!.slice(0, 20);
    writeFileSync(path, lines.join("\n"));
    const run = await rapk(folder, "verify", "plan.ndjson");
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toMatch(/^rapk: plan\.ndjson:5: /);
  });
});

describe("rapk log", () => {
  it("lists the versions with who, when, kind, why and reference", async () => {
    const folder = await withPok();
    const run = await rapk(folder, "log", "plan.ndjson");
    expect(run.code).toBe(0);
    const [table, record] = run.stdout.trimEnd().split("\n\n");
    const rows = table!.split("\n");
    expect(rows[0]).toMatch(/^VERSION\s+IN FORCE FROM\s+RECORDED\s+ACTOR\s+KIND\s+REASON\s+REFERENCE\s+SIGNED BY\s+SUMMARY$/);
    expect(rows).toHaveLength(4);
    // Below the table, what version 1's import recorded: the file, the importer and every finding.
    const listed = record!.split("\n");
    expect(listed[0]).toMatch(/^version 1 was imported from rapk-2024-loka-pom-rejang-lebong\.txt \(16\.549 bytes, SHA-256 [0-9a-f]{64}\) by @rapk\/import@0\.1\.0$/);
    expect(listed[1]).toMatch(/^findings: 21 /);
    expect(listed.slice(2)).toHaveLength(21);
    expect(listed[2]).toMatch(/^ {2}ORPHAN_FRAGMENT: Line 21: The text /);
    expect(rows[2]).toMatch(/^\s*1\s+2024-02-22T10:00:00\+07:00\s+2024-02-2\dT\S+\s+rapk import\s+draft\s+imported from rapk-2024-loka-pom-rejang-lebong\.txt/);
    expect(rows[3]).toMatch(/^\s*2\s+2024-04-02T09:00:00\+07:00\s+2024-02-2\dT\S+\s+Kepala Loka POM\s+pok\s+Revisi POK 1: pertemuan nasional terpadu\s+ND-01\/POK\/2024/);
    const json = JSON.parse((await rapk(folder, "log", "plan.ndjson", "--json")).stdout);
    expect(json.map((v: { number: number; kind: string; events: number }) => [v.number, v.kind])).toEqual([
      [1, "draft"],
      [2, "pok"],
    ]);
    expect(json[1].events).toBe(4);
  });
});
