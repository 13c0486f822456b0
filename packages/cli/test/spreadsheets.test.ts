import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, expectOneLineError, importedSeed, rapk } from "./helpers.js";
import { readXlsx, rowsOf } from "./xlsx.js";

const REVISI_POK = join(ROOT, "docs/examples/revisi-pok.json");
const HISTORY = join(ROOT, "packages/examples/loka-pom-rejang-lebong-2024-history.ndjson");

/** The seed imported, then the walkthrough's Revisi POK applied: versions 1 and 2. */
async function seedWithRevisiPok(): Promise<string> {
  const folder = await importedSeed();
  const applied = await rapk(folder, "apply", "plan.ndjson", REVISI_POK, "--expect-version", "1");
  if (applied.code !== 0) throw new Error(applied.stderr);
  return folder;
}

interface JsonChange {
  kind: string;
  line?: string;
  indicator?: string;
  from: number;
  to: number;
}

describe("rapk diff --format xlsx|csv", () => {
  it("writes exactly the changes diff --json lists, between the seed and the walkthrough's Revisi POK, as numbers", async () => {
    const folder = await seedWithRevisiPok();
    const json = JSON.parse((await rapk(folder, "diff", "plan.ndjson", "--from", "1", "--to", "2", "--json")).stdout) as { changes: JsonChange[] };
    expect(json.changes.length).toBe(4);
    expect((await rapk(folder, "diff", "plan.ndjson", "--from", "1", "--to", "2", "--out", "changes.xlsx")).code).toBe(0);
    const sheet = (await readXlsx(join(folder, "changes.xlsx"))).getWorksheet("Perubahan")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["JENIS", "SUBJEK", "SEBELUM", "SESUDAH", "PERUBAHAN"]);
    const rows = rowsOf(sheet);
    expect(rows).toEqual(
      json.changes.map((c) => [c.kind, c.kind === "contribution-changed" ? `${c.indicator} <- ${c.line}` : c.line, c.from, c.to, c.to - c.from]),
    );
    for (let r = 2; r <= rows.length + 1; r++) for (const column of ["C", "D", "E"]) expect(sheet.getCell(`${column}${r}`).numFmt).toBe('"Rp"#,##0');
  });

  it("writes the same changes as CSV, and for Indonesian Excel with --csv-locale id", async () => {
    const folder = await seedWithRevisiPok();
    const json = JSON.parse((await rapk(folder, "diff", "plan.ndjson", "--from", "1", "--json")).stdout) as { changes: JsonChange[] };
    const csv = (await rapk(folder, "diff", "plan.ndjson", "--from", "1", "--format", "csv")).stdout;
    expect(csv.split("\r\n")).toEqual(["kind,subject,before,after,change", ...json.changes.map((c) => [c.kind, c.kind === "contribution-changed" ? `${c.indicator} <- ${c.line}` : c.line, c.from, c.to, c.to - c.from].join(",")), ""]);
    const id = (await rapk(folder, "diff", "plan.ndjson", "--from", "1", "--format", "csv", "--csv-locale", "id")).stdout;
    expect(id.split("\r\n")[0]).toBe("kind;subject;before;after;change");
    expect(id.split("\r\n")[1]).toBe(`pagu-changed;DR.3165.QIC.004.053.A;50400000;45400000;-5000000`);
  });

  it("writes a decimal with a comma for Indonesian Excel: the realisations of two months", async () => {
    const folder = await importedSeed();
    copyFileSync(HISTORY, join(folder, "history.ndjson"));
    const csv = (await rapk(folder, "diff", "history.ndjson", "--from", "8", "--to", "9", "--format", "csv", "--csv-locale", "id")).stdout;
    const json = JSON.parse((await rapk(folder, "diff", "history.ndjson", "--from", "8", "--to", "9", "--json")).stdout) as { changes: { kind: string; to: { value: number } | number }[] };
    const decimal = json.changes.find((c) => c.kind === "realisation-changed" && typeof c.to === "object" && !Number.isInteger(c.to.value))!;
    const value = (decimal.to as { value: number }).value;
    expect(csv).toContain(`;;${String(value).replace(".", ",")};`);
    expect(csv.split("\r\n").length - 2).toBe(json.changes.length);
  });

  it("refuses an xlsx to standard output, an unknown locale, and a locale without CSV", async () => {
    const folder = await seedWithRevisiPok();
    expect(expectOneLineError(await rapk(folder, "diff", "plan.ndjson", "--from", "1", "--format", "xlsx"))).toBe("rapk: --format xlsx writes a file: say where with --out");
    expect(expectOneLineError(await rapk(folder, "diff", "plan.ndjson", "--from", "1", "--format", "csv", "--csv-locale", "fr"))).toBe("rapk: --csv-locale fr: expected en or id");
    expect(expectOneLineError(await rapk(folder, "diff", "plan.ndjson", "--from", "1", "--csv-locale", "id"))).toBe("rapk: --csv-locale goes with --format csv");
  });
});

describe("rapk export --format xlsx", () => {
  it("writes the plan in the document's columns, the budget summary and the achievement by month, figures as numbers", async () => {
    const folder = await importedSeed();
    expect((await rapk(folder, "export", "plan.ndjson", "--format", "xlsx", "--out", "plan.xlsx")).code).toBe(0);
    const shown = JSON.parse((await rapk(folder, "show", "plan.ndjson", "--json")).stdout) as { indicators: { id: string; targets: (number | null)[]; budget: number }[]; lines: { id: string; pagu: number }[] };
    const workbook = await readXlsx(join(folder, "plan.xlsx"));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["RAPK", "Anggaran", "Capaian"]);
    const document = workbook.getWorksheet("RAPK")!;
    expect((document.getRow(1).values as unknown[]).slice(1, 17)).toEqual(["NO.", "SASARAN KEGIATAN", "INDIKATOR KINERJA KEGIATAN", "B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B09", "B10", "B11", "B12", "ANGGARAN"]);
    const rows = rowsOf(document);
    const indicatorRows = rows.filter((r) => typeof r[2] === "string" && /^\d\d - /.test(r[2] as string));
    expect(indicatorRows.length).toBe(shown.indicators.length);
    const o507 = indicatorRows.find((r) => (r[2] as string).startsWith("07 - Persentase UMKM"))!;
    expect(o507.slice(3, 15)).toEqual(shown.indicators.find((i) => i.id === "01.07")!.targets);
    const total = rows.find((r) => r[1] === "Total")!;
    expect(total[15]).toBe(4_801_300_000);
    const budget = rowsOf(workbook.getWorksheet("Anggaran")!);
    for (const line of shown.lines) expect(budget.find((r) => r[0] === line.id)![4]).toBe(line.pagu);
    const months = rowsOf(workbook.getWorksheet("Capaian")!);
    expect(months.length).toBe(12 * shown.indicators.length);
    expect(readFileSync(join(folder, "plan.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });
});
