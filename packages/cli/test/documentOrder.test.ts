import { join } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importedSeed, rapk } from "./helpers.js";
import { readXlsx } from "./xlsx.js";

// Read off the seed's text by eye (packages/examples/sources/rapk-2024-loka-pom-rejang-lebong.txt):
// 01.03 prints its budget rows B then A (lines 24-25); 03.01 prints D, A, B, C (lines 48-51).
// Sorting by code would give A, B and A, B, C, D.
const ROWS_0103 = ["DR.3165.BAH.001.052.B", "DR.3165.BAH.001.052.A"];
const ROWS_0301 = ["DR.3165.BDC.001.051.D", "DR.3165.BDC.001.051.A", "DR.3165.BDC.001.051.B", "DR.3165.BDC.001.051.C"];
// The objectives as printed (NO. 1., 3., 4., 5., 7., 8., 10.): 11 comes last although "11" sorts first as a JavaScript key.
const OBJECTIVES = ["01", "03", "04", "05", "08", "09", "11"];

interface ShownJson {
  objectives: { code: string }[];
  indicators: { id: string; contributions: { line: string }[] }[];
  lines: { id: string }[];
}

describe("the document's order, in every output of the imported seed", () => {
  it("rapk show --json: objectives, and each indicator's contributions, as printed", async () => {
    const folder = await importedSeed();
    const first = (await rapk(folder, "show", "plan.ndjson", "--json")).stdout;
    const shown = JSON.parse(first) as ShownJson;
    expect(shown.objectives.map((o) => o.code)).toEqual(OBJECTIVES);
    const rows = (id: string) => shown.indicators.find((i) => i.id === id)!.contributions.map((c) => c.line);
    expect(rows("01.03")).toEqual(ROWS_0103);
    expect(rows("03.01")).toEqual(ROWS_0301);
    // Budget lines as first printed: 01.01's sampling line (line 13) before 01.02's (line 16).
    expect(shown.lines.slice(0, 2).map((l) => l.id)).toEqual(["DR.3165.QIA.005.053.A", "DR.3165.QIA.001.055.A"]);
    // The second show reads the plan from the snapshot the first wrote (JSON, where "11" would come before "01"): the same order.
    expect(existsSync(join(folder, "plan.ndjson.snapshot.json"))).toBe(true);
    expect((await rapk(folder, "show", "plan.ndjson", "--json")).stdout).toBe(first);
  });

  it("rapk show: the NO. column numbers the rows as the paper does", async () => {
    const folder = await importedSeed();
    const text = (await rapk(folder, "show", "plan.ndjson")).stdout;
    const section = (id: string) => {
      const start = text.indexOf(`  ${id} - `);
      return text.slice(start, text.indexOf("\n\n  ", start + 1));
    };
    const numbered = (id: string) => [...section(id).matchAll(/^\s+(\d+)\. (\S+) {2}ANGGARAN/gm)].map((m) => `${m[1]}. ${m[2]}`);
    expect(numbered("01.03")).toEqual(ROWS_0103.map((line, i) => `${i + 1}. ${line}`));
    expect(numbered("03.01")).toEqual(ROWS_0301.map((line, i) => `${i + 1}. ${line}`));
  });

  it("rapk export --format csv: the rows in the document's order, and importing them back keeps it", async () => {
    const folder = await importedSeed();
    const exported = await rapk(folder, "export", "plan.ndjson", "--format", "csv", "--out", "plan.csv");
    expect(exported.code).toBe(0);
    const csv = readFileSync(join(folder, "plan.csv"), "utf8");
    // 03.01's sub-components by name, as lines 48-51 print them.
    const names = ["Peningkatan Kompetensi Pegawai", "PENGAWASAN PABUKOAN DAN MOBLING", "PELAKSANAAN SOSIALISASI / EDUKASI MASYARAKAT", "PENINGKATAN KIE"];
    const at = names.map((name) => csv.indexOf(name));
    expect(at.every((offset) => offset > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(csv.indexOf("PENDAMPINGAN VERIFIKASI CAPA")).toBeLessThan(csv.indexOf("PELAKSANAAN AUDIT SERTIFIKASI"));

    expect((await rapk(folder, "import", "plan.csv", "--out", "again.ndjson")).code).toBe(0);
    const again = JSON.parse((await rapk(folder, "show", "again.ndjson", "--json")).stdout) as ShownJson;
    expect(again.objectives.map((o) => o.code)).toEqual(OBJECTIVES);
    const rows = (id: string) => again.indicators.find((i) => i.id === id)!.contributions.map((c) => c.line);
    expect(rows("01.03")).toEqual(ROWS_0103);
    expect(rows("03.01")).toEqual(ROWS_0301);
  });

  it("rapk export --format xlsx: the RAPK sheet (the print layout) and the Anggaran sheet in the document's order", async () => {
    const folder = await importedSeed();
    expect((await rapk(folder, "export", "plan.ndjson", "--format", "xlsx", "--out", "plan.xlsx")).code).toBe(0);
    const workbook = await readXlsx(join(folder, "plan.xlsx"));
    const sheet = workbook.getWorksheet("RAPK")!;
    const subComponents: string[] = [];
    sheet.eachRow((row) => {
      const cells = row.values as unknown[];
      if (typeof cells[4] === "string" && String(cells[4]).startsWith("DR.3165.BDC.001")) subComponents.push(String(cells[6]).slice(0, 1));
    });
    expect(subComponents).toEqual(["D", "A", "B", "C"]);
    const budget = workbook.getWorksheet("Anggaran")!;
    expect([2, 3].map((r) => budget.getRow(r).getCell(1).value)).toEqual(["DR.3165.QIA.005.053.A", "DR.3165.QIA.001.055.A"]);
  });
});
