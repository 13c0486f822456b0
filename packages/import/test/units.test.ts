import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exportCsv, importCsv, importTable } from "../src/index.js";
import { failed, ok } from "./support/result.js";
import { editSeed, seedLines, withCell } from "./support/seed.js";

/** The unit words docs/domain.md lists (its "Units:" bullet under the document's structure). */
function domainUnitWords(): string[] {
  const domain = readFileSync(fileURLToPath(new URL("../../../docs/domain.md", import.meta.url)), "utf8");
  const bullet = domain.split("\n").findIndex((l) => /^\s*- Units:/.test(l));
  const text = domain
    .split("\n")
    .slice(bullet, bullet + 2)
    .join(" ");
  return [...text.matchAll(/\b([A-Z][a-z]+)\b/g)].map((m) => m[1] as string).filter((w) => w !== "Units");
}

const UNIT_OF: Record<string, string> = { Persentase: "percent", Tingkat: "level", Indeks: "index", Nilai: "score", Jumlah: "count" };

/** The seed with indicator 01.02's name (line 14) starting with `word`, and its twelve targets `targets`. */
function seedWith(word: string, targets?: readonly string[]): string {
  const cells = (seedLines()[14] as string).split("\t");
  cells[2] = `02 - ${word} laporan hasil pengawasan`;
  if (targets) cells.splice(3, 12, ...targets);
  return editSeed({ 14: cells.join("\t") });
}

describe("every unit docs/domain.md lists imports from the table", () => {
  it("given docs/domain.md, then it lists Persentase, Tingkat, Indeks, Nilai and Jumlah (the words this test imports)", () => {
    expect(domainUnitWords()).toEqual(Object.keys(UNIT_OF));
  });

  it.each(Object.entries(UNIT_OF))("given an indicator named %s ..., when the seed holding it is imported, then its unit is %s", (word, unit) => {
    const result = ok(importTable(seedWith(word, ["10", "20", "30", "40", "50", "60", "70", "80", "90", "95", "98", "100"])));
    expect(result.state.indicators["01.02"]).toMatchObject({ unit, name: `${word} laporan hasil pengawasan` });
  });

  it("given a count (Jumlah) with whole targets 0, 1, 2 ... 12, then they are its targets, cumulative, without a finding about them", () => {
    const targets = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12"];
    const result = ok(importTable(seedWith("Jumlah", targets)));
    expect(result.state.indicators["01.02"]).toMatchObject({ unit: "count", shape: "cumulative", targets: targets.map(Number) });
    expect(result.findings.filter((f) => f.line === 14)).toEqual([]);
  });

  it.each(["2.5", "2,5", "0.25"])("given a count target written %s, then the import stops naming the line, the month and why", (fraction) => {
    const error = failed(importTable(seedWith("Jumlah", ["0", "1", fraction, "3", "4", "5", "6", "7", "8", "9", "10", "12"])));
    expect(error).toMatchObject({ code: "BAD_TARGET", line: 14 });
    expect(error.message).toContain(`target B03 of indicator 01.02 (column 6) "${fraction}" is not a whole number`);
  });

  it("given the same fraction under a Persentase indicator, then it is read as a decimal", () => {
    expect(ok(importTable(seedWith("Persentase", ["0", "1", "2,5", "3", "4", "5", "6", "7", "8", "9", "10", "12"]))).state.indicators["01.02"]?.targets[2]).toBe(2.5);
  });

  it("given a name whose first word says no unit, then the import stops (UNIT_UNKNOWN) listing the words it knows", () => {
    const error = failed(importTable(editSeed({ 14: withCell(14, 2, "02 - Rasio laporan") })));
    expect(error).toMatchObject({ code: "UNIT_UNKNOWN", line: 14 });
    expect(error.message).toContain("Persentase, Tingkat, Indeks, Nilai or Jumlah");
  });
});

describe("a count in the CSV template", () => {
  const plan = ok(importTable(seedWith("Jumlah", ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "1.080"])));
  const csv = exportCsv(plan.state);

  it("given a plan with a count indicator, when exported and imported again, then it is the same count with the same whole targets", () => {
    const back = ok(importCsv(csv));
    expect(back.state.indicators["01.02"]).toEqual(plan.state.indicators["01.02"]);
    expect(back.state.indicators["01.02"]?.targets[11]).toBe(1080);
  });

  it("given a count's target edited to a fraction in the CSV, then the import stops naming the row and the month, as the table does", () => {
    const lines = csv.split("\n");
    const at = lines.findIndex((l) => l.includes(",count,"));
    lines[at] = (lines[at] as string).replace(",count,higher,cumulative,0,1,2,", ",count,higher,cumulative,0,1,2.5,");
    expect(lines[at]).toContain(",2.5,");
    const error = failed(importCsv(lines.join("\n")));
    expect(error).toMatchObject({ code: "BAD_TARGET", line: at + 1 });
    expect(error.message).toContain('B03 "2.5" is not a whole number; the indicator\'s unit is count');
  });
});
