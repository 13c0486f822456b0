import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SEED, expectOneLineError, importedSeed, rapk, tempFolder } from "./helpers.js";

describe("rapk import", () => {
  it("imports the seed as version 1 and lists its findings by code and line", async () => {
    const folder = tempFolder();
    const run = await rapk(folder, "import", SEED, "--out", "plan.ndjson");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/plan\.ndjson: \d+ events, version 1/);
    const findings = /findings: (\d+) \(([^)]*)\)/.exec(run.stdout);
    expect(findings).not.toBeNull();
    const listed = run.stdout.split("\n").filter((line) => /^ {2}[A-Z_]+( \[[^\]]+\])?: Line \d+: /.test(line));
    expect(listed.length).toBe(Number(findings![1]));
    const counted = findings![2]!.split(", ").reduce((sum, part) => sum + Number(part.split(" ")[1]), 0);
    expect(counted).toBe(listed.length);

    const log = readFileSync(join(folder, "plan.ndjson"), "utf8").trimEnd().split("\n");
    const first = JSON.parse(log[0]!);
    expect(first).toMatchObject({ format: "rapk/3", seq: 1, version: 1, type: "PlanDrafted" });
    // Version 1's metadata is in its commit record, the last line.
    const commit = JSON.parse(log.at(-1)!);
    expect(commit).toMatchObject({ format: "rapk/3", commit: 1, events: log.length - 1 });
    expect(commit.metadata).toMatchObject({ actor: "rapk import", reason: "imported from rapk-2024-loka-pom-rejang-lebong.txt", kind: "draft" });
    expect(run.stdout).toContain(`version 1, head ${commit.hash}`);
    // Recorded by the clock; in force from the day the document was signed (22 February 2024).
    // (both in the offset of the machine's clock, whatever it is)
    expect(Date.parse(commit.metadata.recordedAt)).toBe(Date.parse("2024-02-23T08:00:00Z"));
    expect(commit.metadata.effectiveAt).toMatch(/^2024-02-22T00:00:00(Z|[+-]\d\d:\d\d)$/);
  });

  it("--json prints the event count and the findings with code, line and message in both languages", async () => {
    const folder = tempFolder();
    const run = await rapk(folder, "import", SEED, "--out", "plan.ndjson", "--json", "--actor", "Tim Perencanaan", "--at", "2024-02-22T10:00:00+07:00");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    const lines = readFileSync(join(folder, "plan.ndjson"), "utf8").trimEnd().split("\n");
    expect(json.events).toBe(lines.length - 1);
    expect(json.head).toBe(JSON.parse(lines.at(-1)!).hash);
    expect(json.findings.length).toBeGreaterThan(0);
    for (const finding of json.findings) {
      expect(typeof finding.code).toBe("string");
      expect(finding.message.id).toMatch(/^Baris \d+: \S/);
      expect(finding.message.en).toMatch(/^Line \d+: \S/);
      expect(Number.isInteger(finding.line) && finding.line >= 1).toBe(true);
    }
    expect(JSON.parse(lines.at(-1)!).metadata).toMatchObject({ actor: "Tim Perencanaan", effectiveAt: "2024-02-22T10:00:00+07:00" });
  });

  it("refuses to overwrite an existing log unless --force", async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, "plan.ndjson"), "precious\n");
    const refused = await rapk(folder, "import", SEED, "--out", "plan.ndjson");
    expect(refused.code).toBe(1);
    expect(expectOneLineError(refused)).toContain("plan.ndjson: already exists; pass --force");
    expect(readFileSync(join(folder, "plan.ndjson"), "utf8")).toBe("precious\n");

    const forced = await rapk(folder, "import", SEED, "--out", "plan.ndjson", "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(join(folder, "plan.ndjson"), "utf8")).toMatch(/^\{"format":"rapk\/3","seq":1,/);
  });

  it("exits 1 with one line naming the input when nothing can be imported", async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, "notes.txt"), "just some notes\nnothing like a plan\n");
    const run = await rapk(folder, "import", "notes.txt", "--out", "plan.ndjson");
    expect(run.code).toBe(1);
    expect(expectOneLineError(run)).toMatch(/^rapk: notes\.txt(:\d+)?: cannot be imported: /);
  });
});

describe("rapk show", () => {
  it("reads the plan as the document does, in Indonesian Rupiah", async () => {
    const folder = await importedSeed();
    const run = await rapk(folder, "show", "plan.ndjson");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("Rp4.801.300.000");
    expect(run.stdout).toContain("Rp70.412.160");
    expect(run.stdout).toContain("01.07 - Persentase UMKM");
    expect(run.stdout).toContain("DR.3165.QIA.005.053.A");
    expect(run.stdout).toContain("Rejang Lebong, 22 Februari 2024");
    expect(run.stdout).toContain("Pupa Feshirawan Putra, S.Farm., Apt");
    // The seed's constant 99.3 is written the Indonesian way.
    expect(run.stdout).toContain("99,3");
  });

  it("shows a blank target blank: indicator 11.04 has no B01", async () => {
    const folder = await importedSeed();
    const run = await rapk(folder, "show", "plan.ndjson");
    const lines = run.stdout.split("\n");
    const at = lines.findIndex((line) => line.startsWith("  11.04 - "));
    expect(at).toBeGreaterThan(0);
    // heading, kind, table header, rule, values
    const header = lines[at + 2]!;
    const values = lines[at + 4]!;
    const b01 = header.indexOf("B01");
    const b02 = header.indexOf("B02");
    expect(values.slice(0, b02 - 1).trim()).toBe("");
    expect(b01).toBeGreaterThan(0);
    expect(values.slice(b02 - 1)).toMatch(/^\s*0\s/);
  });

  it("--json carries the documented fields", async () => {
    const folder = await importedSeed();
    const run = await rapk(folder, "show", "plan.ndjson", "--json");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.version).toBe(1);
    expect(json.plan).toMatchObject({ year: 2024, ceiling: 4_801_300_000 });
    expect(json.plan.unit).toMatch(/REJANG LEBONG/i);
    expect(json.plan.agency).toMatch(/PENGAWAS OBAT DAN MAKANAN/i);
    expect(json.signature).toMatchObject({ place: "Rejang Lebong", date: "2024-02-22", name: "Pupa Feshirawan Putra, S.Farm., Apt" });
    expect(json.signature.title).toMatch(/Kepala/);

    const byId = Object.fromEntries(json.indicators.map((i: { id: string }) => [i.id, i]));
    expect(byId["01.01"]).toMatchObject({ id: "01.01", objective: "01", name: "Persentase Obat yang memenuhi syarat", unit: "percent", budget: 70_412_160 });
    expect(byId["01.01"].targets).toEqual(Array(12).fill(99.3));
    expect(byId["01.01"].contributions).toEqual([{ line: "DR.3165.QIA.005.053.A", amount: 70_412_160 }]);
    expect(byId["01.05"].budget).toBe(79_327_000);
    expect(byId["11.04"].targets[0]).toBeNull();
    expect(byId["11.04"].targets[11]).toBe(60);
    for (const indicator of json.indicators) {
      expect(indicator.targets).toHaveLength(12);
      expect(["higher", "lower"]).toContain(indicator.direction);
      expect(typeof indicator.shape).toBe("string");
    }
    expect(json.objectives.map((o: { code: string }) => o.code)).toEqual(["01", "03", "04", "05", "08", "09", "11"]);

    const line = json.lines.find((l: { id: string }) => l.id === "DR.3165.QIA.005.053.A");
    expect(line).toMatchObject({ output: { code: "DR.3165.QIA.005" }, component: { code: "053" }, subComponent: { code: "A", name: "PENGADAAN SAMPEL" } });
    expect(line).toMatchObject({ pagu: 125_736_000, allocated: 100_588_800, unallocated: 25_147_200, spent: 0 });
  });

  it("--as-of 0 is the empty plan; a version the log lacks is an error", async () => {
    const folder = await importedSeed();
    const zero = await rapk(folder, "show", "plan.ndjson", "--as-of", "0", "--json");
    expect(zero.code).toBe(0);
    expect(JSON.parse(zero.stdout)).toMatchObject({ version: 0, plan: null, indicators: [] });
    const missing = await rapk(folder, "show", "plan.ndjson", "--as-of", "7");
    expect(missing.code).toBe(1);
    expect(expectOneLineError(missing)).toBe("rapk: plan.ndjson: --as-of 7: the log has versions 0-1 only");
    const nonsense = await rapk(folder, "show", "plan.ndjson", "--as-of", "yesterday");
    expect(nonsense.code).toBe(1);
    expect(expectOneLineError(nonsense)).toContain("--as-of yesterday: expected a version number");
  });
});

describe("rapk export", () => {
  it("csv exported and imported again gives the same plan", async () => {
    const folder = await importedSeed();
    const exported = await rapk(folder, "export", "plan.ndjson", "--format", "csv", "--out", "plan.csv");
    expect(exported.code).toBe(0);
    expect(readFileSync(join(folder, "plan.csv"), "utf8").length).toBeGreaterThan(1000);
    const reimported = await rapk(folder, "import", "plan.csv", "--out", "again.ndjson");
    expect(reimported.stderr).toBe("");
    expect(reimported.code).toBe(0);
    const { findings: found, ...original } = JSON.parse((await rapk(folder, "show", "plan.ndjson", "--json")).stdout);
    const { findings: foundAgain, ...again } = JSON.parse((await rapk(folder, "show", "again.ndjson", "--json")).stdout);
    expect(again).toEqual(original);
    // The table's gaps are the table's: the template written from the plan has none.
    expect(found).toHaveLength(21);
    expect(foundAgain).toEqual([]);
  });

  it("csv --csv-locale id is written for Indonesian Excel (';', decimal commas), and rapk import reads it back to the same plan, telling the locale from its first row", async () => {
    const folder = await importedSeed();
    expect((await rapk(folder, "export", "plan.ndjson", "--format", "csv", "--csv-locale", "id", "--out", "plan.csv")).code).toBe(0);
    const text = readFileSync(join(folder, "plan.csv"), "utf8");
    expect(text.split("\n")[0]).toBe("#rapk_csv;1");
    expect(text).toContain(";99,3;99,3;");
    const reimported = await rapk(folder, "import", "plan.csv", "--out", "again.ndjson");
    expect(reimported.stderr).toBe("");
    const { findings: _, ...original } = JSON.parse((await rapk(folder, "show", "plan.ndjson", "--json")).stdout);
    const { findings: none, ...again } = JSON.parse((await rapk(folder, "show", "again.ndjson", "--json")).stdout);
    expect(again).toEqual(original);
    expect(none).toEqual([]);
    expect(expectOneLineError(await rapk(folder, "export", "plan.ndjson", "--format", "json", "--csv-locale", "id"))).toBe("rapk: --csv-locale goes with --format csv");
  });

  it("json is exactly what show --json prints", async () => {
    const folder = await importedSeed();
    const shown = await rapk(folder, "show", "plan.ndjson", "--json");
    const exported = await rapk(folder, "export", "plan.ndjson", "--format", "json");
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(shown.stdout);
  });

  it("refuses an unknown format and an --out that is the log itself", async () => {
    const folder = await importedSeed();
    const before = readFileSync(join(folder, "plan.ndjson"));
    const xml = await rapk(folder, "export", "plan.ndjson", "--format", "xml");
    expect(xml.code).toBe(1);
    expect(expectOneLineError(xml)).toBe("rapk: --format xml: expected csv, json or xlsx");
    const self = await rapk(folder, "export", "plan.ndjson", "--format", "csv", "--out", "./plan.ndjson");
    expect(self.code).toBe(1);
    expect(readFileSync(join(folder, "plan.ndjson")).equals(before)).toBe(true);
  });
});
