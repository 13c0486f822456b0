import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ROOT, expectOneLineError, importedSeed, tempFolder, writeJson } from "./helpers.js";
import { JUNE_JSON, META, rapk, throughMay } from "./june.js";
import { readXlsx, rowsOf } from "./xlsx.js";

/** The row of a sheet whose column A holds `key`, as exceljs gives it. */
function rowOf(sheet: ExcelJS.Worksheet, key: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === key) found = row;
  });
  if (!found) throw new Error(`no row ${key} in sheet ${sheet.name}`);
  return found;
}

/** The column number of a header in row 1. */
function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const at = headers.indexOf(header);
  if (at < 0) throw new Error(`no column ${header} in sheet ${sheet.name}: ${headers.join(", ")}`);
  return at + 1;
}

/** June as an officer fills it in Excel: two counted percentages, one value, a note, two lines' spending, one with a failed tender. */
async function fillJune(file: string): Promise<void> {
  const book = await readXlsx(file);
  const fields = book.getWorksheet("Revisi")!;
  rowOf(fields, "Oleh (siapa)").getCell(2).value = META.actor;
  rowOf(fields, "Rujukan (nota dinas, surat)").getCell(2).value = META.reference;
  rowOf(fields, "Berlaku sejak (2024-07-05T10:00:00+07:00)").getCell(2).value = META.at;
  const indicators = book.getWorksheet("Indikator")!;
  const [numerator, denominator, value, note, obstacles] = ["PEMBILANG", "PENYEBUT", "REALISASI B06", "CATATAN", "HAMBATAN"].map((h) => columnOf(indicators, h)) as [number, number, number, number, number];
  // Numerator and denominator only: the value is left for rapk to work out (51/56 = 91.07).
  rowOf(indicators, "01.01").getCell(numerator).value = 51;
  rowOf(indicators, "01.01").getCell(denominator).value = 56;
  rowOf(indicators, "01.02").getCell(numerator).value = 54;
  rowOf(indicators, "01.02").getCell(denominator).value = 56;
  rowOf(indicators, "01.02").getCell(note).value = "- Sampling pasar Curup dan Kepahiang";
  rowOf(indicators, "01.02").getCell(obstacles).value = "Satu sampel rusak dalam pengiriman";
  rowOf(indicators, "03.01").getCell(value).value = 89.5;
  const lines = book.getWorksheet("Anggaran")!;
  const [amount, lineObstacles, followUp] = ["REALISASI B06", "HAMBATAN", "RENCANA TINDAK LANJUT"].map((h) => columnOf(lines, h)) as [number, number, number];
  rowOf(lines, "DR.3165.QIA.005.053.A").getCell(amount).value = 6_286_800;
  rowOf(lines, "DR.3165.QIA.001.055.A").getCell(amount).value = 0;
  rowOf(lines, "DR.3165.QIA.001.055.A").getCell(lineObstacles).value = "Tender pengadaan sampel gagal";
  rowOf(lines, "DR.3165.QIA.001.055.A").getCell(followUp).value = "Tender ulang pada Juli";
  await book.xlsx.writeFile(file);
}

/** June filled in, then one cell (by its row's key and its column's header) changed to `value`. */
async function juneWith(sheetName: string, key: string, header: string, value: string | number): Promise<{ folder: string; cell: ExcelJS.Cell }> {
  const folder = tempFolder();
  throughMay(folder);
  await rapk(folder, "template", "plan.ndjson", "--month", "6", "--out", "juni.xlsx");
  await fillJune(join(folder, "juni.xlsx"));
  const book = await readXlsx(join(folder, "juni.xlsx"));
  const sheet = book.getWorksheet(sheetName)!;
  const cell = rowOf(sheet, key).getCell(columnOf(sheet, header));
  cell.value = value;
  await book.xlsx.writeFile(join(folder, "juni.xlsx"));
  return { folder, cell };
}

describe("rapk template and rapk apply of a filled workbook", () => {
  it("gives June's template with what May left: targets, last realisation, spending so far, the cells to fill blank", async () => {
    const folder = tempFolder();
    throughMay(folder);
    const made = await rapk(folder, "template", "plan.ndjson", "--month", "6", "--out", "juni.xlsx");
    expect(made.stderr).toBe("");
    const book = await readXlsx(join(folder, "juni.xlsx"));
    expect(book.worksheets.map((s) => [s.name, s.state])).toEqual([["Revisi", "visible"], ["Indikator", "visible"], ["Anggaran", "visible"], ["rapk", "veryHidden"]]);
    const indicators = book.getWorksheet("Indikator")!;
    expect((indicators.getRow(1).values as unknown[]).slice(1)).toEqual(["KODE", "INDIKATOR", "SATUAN", "TARGET B06", "REALISASI TERAKHIR", "BULAN", "REALISASI B06", "PEMBILANG", "PENYEBUT", "CATATAN", "HAMBATAN", "RENCANA TINDAK LANJUT"]);
    const show = JSON.parse((await rapk(folder, "show", "plan.ndjson", "--json")).stdout) as { indicators: { id: string; targets: (number | null)[]; realisations: { month: number; value: number }[] }[] };
    const first = show.indicators[0]!;
    const row = rowsOf(indicators)[0]!;
    expect(row.slice(0, 6)).toEqual([first.id, expect.any(String), "percent", first.targets[5], first.realisations.find((r) => r.month === 5)!.value, "B05"]);
    expect(row.slice(6).every((cell) => cell === undefined || cell === null)).toBe(true);
    const meta = Object.fromEntries(rowsOf(book.getWorksheet("rapk")!).map((r) => r.slice(0, 2)).concat([["format", "rapk-template/1"]]));
    expect(meta).toMatchObject({ version: 8, kind: "report", month: 6, year: 2024 });
  });

  it("applies a filled June as the same log the equivalent revision.json makes: values from numerator and denominator, untouched rows no command", async () => {
    const folder = tempFolder();
    throughMay(folder, "by-sheet.ndjson");
    throughMay(folder, "by-json.ndjson");
    expect((await rapk(folder, "template", "by-sheet.ndjson", "--month", "6", "--out", "juni.xlsx")).code).toBe(0);
    await fillJune(join(folder, "juni.xlsx"));
    const bySheet = await rapk(folder, "apply", "by-sheet.ndjson", "juni.xlsx", "--month", "6");
    expect(bySheet.stderr).toBe("");
    expect(bySheet.stdout).toMatch(/version 9 \(5 events\)/);
    writeJson(folder, "juni.json", JUNE_JSON);
    expect((await rapk(folder, "apply", "by-json.ndjson", "juni.json")).code).toBe(0);
    expect(readFileSync(join(folder, "by-sheet.ndjson"), "utf8")).toBe(readFileSync(join(folder, "by-json.ndjson"), "utf8"));
    // The failed tender stands beside the money, in the plan as show --json gives it.
    const show = JSON.parse((await rapk(folder, "show", "by-sheet.ndjson", "--json")).stdout) as { lines: { id: string; spending: { month: number }[] }[] };
    const line = show.lines.find((l) => l.id === "DR.3165.QIA.001.055.A")!;
    expect(line.spending.find((s) => s.month === 6)).toEqual({ month: 6, amount: 0, obstacles: "Tender pengadaan sampel gagal", followUp: "Tender ulang pada Juli" });
    // June's template again: the note's leading "-" is written neutralised (no formula) and reads back as it was, so nothing changed.
    expect((await rapk(folder, "template", "by-sheet.ndjson", "--month", "6", "--out", "juni-2.xlsx")).code).toBe(0);
    const again = await readXlsx(join(folder, "juni-2.xlsx"));
    const indicators = again.getWorksheet("Indikator")!;
    expect(rowOf(indicators, "01.02").getCell(columnOf(indicators, "CATATAN")).value).toBe("'- Sampling pasar Curup dan Kepahiang");
    rowOf(again.getWorksheet("Revisi")!, "Oleh (siapa)").getCell(2).value = META.actor;
    await again.xlsx.writeFile(join(folder, "juni-2.xlsx"));
    expect(expectOneLineError(await rapk(folder, "apply", "by-sheet.ndjson", "juni-2.xlsx"))).toContain("every row is as version 9 of the plan has it");
  });

  it("refuses a wrong cell naming its sheet and cell, in English and in Indonesian, and appends nothing", async () => {
    const { folder, cell } = await juneWith("Indikator", "01.01", "PEMBILANG", "lima puluh satu");
    const before = readFileSync(join(folder, "plan.ndjson"), "utf8");
    const en = await rapk(folder, "apply", "plan.ndjson", "juni.xlsx");
    expect(en.code).toBe(1);
    expect(expectOneLineError(en)).toContain(`juni.xlsx: sheet "Indikator", cell ${cell.address}: "lima puluh satu" is not a number`);
    const id = await rapk(folder, "--lang", "id", "apply", "plan.ndjson", "juni.xlsx");
    expect(expectOneLineError(id)).toContain(`juni.xlsx: lembar "Indikator", sel ${cell.address}: "lima puluh satu" bukan angka`);
    expect(id.stderr).toContain("(artinya: Sebuah sel templat tidak terbaca sebagai isi kolomnya");
    expect(readFileSync(join(folder, "plan.ndjson"), "utf8")).toBe(before);
  });

  it("names the cell the plan's rules refuse: spending over a line's pagu", async () => {
    const { folder, cell } = await juneWith("Anggaran", "DR.3165.QIA.005.053.A", "REALISASI B06", 999_000_000);
    const run = await rapk(folder, "apply", "plan.ndjson", "juni.xlsx");
    expect(run.code).toBe(2);
    expect(expectOneLineError(run)).toMatch(new RegExp(`rejected: LINE_OVERSPENT: .*\\(at sheet "Anggaran", cell ${cell.address}\\)`));
  });

  it("refuses a workbook of another month, of another plan, or made before the log moved on (exit 3)", async () => {
    const folder = tempFolder();
    throughMay(folder);
    await rapk(folder, "template", "plan.ndjson", "--month", "6", "--out", "juni.xlsx");
    await fillJune(join(folder, "juni.xlsx"));
    const month = await rapk(folder, "apply", "plan.ndjson", "juni.xlsx", "--month", "7");
    expect(expectOneLineError(month)).toContain("is the template of month 6, not of month 7");
    const seed = await importedSeed();
    writeFileSync(join(seed, "juni.xlsx"), readFileSync(join(folder, "juni.xlsx")));
    const other = await rapk(seed, "apply", "plan.ndjson", "juni.xlsx");
    expect(other.code).toBe(1);
    expect(expectOneLineError(other)).toContain("was made for another plan (LOKA POM DI KABUPATEN REJANG LEBONG 2024)");
    expect(other.stderr).toContain("(in plain words: The template was made for another plan, month or kind of revision.)");
    expect((await rapk(folder, "apply", "plan.ndjson", "juni.xlsx")).code).toBe(0);
    const again = await rapk(folder, "apply", "plan.ndjson", "juni.xlsx");
    expect(again.code).toBe(3);
    expect(expectOneLineError(again)).toContain("was made at version 8 and the log is at version 9 now");
  });

  it("refuses a template left as it came: every row unchanged is no command", async () => {
    const folder = tempFolder();
    throughMay(folder);
    await rapk(folder, "template", "plan.ndjson", "--month", "5", "--out", "mei.xlsx");
    const book = await readXlsx(join(folder, "mei.xlsx"));
    rowOf(book.getWorksheet("Revisi")!, "Oleh (siapa)").getCell(2).value = "Tim";
    await book.xlsx.writeFile(join(folder, "mei.xlsx"));
    const run = await rapk(folder, "apply", "plan.ndjson", "mei.xlsx");
    expect(expectOneLineError(run)).toContain("every row is as version 8 of the plan has it: there is nothing to apply");
  });

  it("gives a Revisi POK's template (pagu before and after) that applies as the walkthrough's revisi-pok.json", async () => {
    const folder = await importedSeed();
    writeFileSync(join(folder, "json.ndjson"), readFileSync(join(folder, "plan.ndjson")));
    expect((await rapk(folder, "template", "plan.ndjson", "--kind", "pok", "--out", "pok.xlsx")).code).toBe(0);
    const revision = JSON.parse(readFileSync(join(ROOT, "docs/examples/revisi-pok.json"), "utf8")) as { meta: Record<string, string>; commands: { type: string; data: Record<string, string | number> }[] };
    const book = await readXlsx(join(folder, "pok.xlsx"));
    const fields = book.getWorksheet("Revisi")!;
    rowOf(fields, "Oleh (siapa)").getCell(2).value = revision.meta.actor!;
    rowOf(fields, "Alasan").getCell(2).value = revision.meta.reason!;
    rowOf(fields, "Rujukan (nota dinas, surat)").getCell(2).value = revision.meta.reference!;
    rowOf(fields, "Berlaku sejak (2024-07-05T10:00:00+07:00)").getCell(2).value = revision.meta.at!;
    const pagu = book.getWorksheet("Pagu")!;
    expect((pagu.getRow(1).values as unknown[]).slice(1)).toEqual(["KODE BARIS", "NAMA", "PAGU SEBELUM", "PAGU SESUDAH"]);
    const contributions = book.getWorksheet("Kontribusi")!;
    for (const { type, data } of revision.commands) {
      if (type === "reviseBudget") rowOf(pagu, data.line as string).getCell(4).value = data.pagu!;
      else
        contributions.eachRow((row) => {
          if (row.getCell(1).value === data.indicator && row.getCell(2).value === data.line) row.getCell(4).value = data.amount!;
        });
    }
    await book.xlsx.writeFile(join(folder, "pok.xlsx"));
    const applied = await rapk(folder, "apply", "plan.ndjson", "pok.xlsx");
    expect(applied.stderr).toBe("");
    // The sheet's order (lines, then contributions) is the revision's: the same commands, listed so.
    writeJson(folder, "pok.json", { meta: revision.meta, commands: [...revision.commands.filter((c) => c.type === "reviseBudget"), ...revision.commands.filter((c) => c.type !== "reviseBudget")] });
    expect((await rapk(folder, "apply", "json.ndjson", "pok.json")).code).toBe(0);
    expect(readFileSync(join(folder, "plan.ndjson"), "utf8")).toBe(readFileSync(join(folder, "json.ndjson"), "utf8"));
  });

  it("gives a revised RAPK's template: a changed target row and a new signing date become setTargets and signPlan", async () => {
    const folder = await importedSeed();
    expect((await rapk(folder, "template", "plan.ndjson", "--kind", "rapk", "--out", "rapk.xlsx")).code).toBe(0);
    const book = await readXlsx(join(folder, "rapk.xlsx"));
    const fields = book.getWorksheet("Revisi")!;
    rowOf(fields, "Oleh (siapa)").getCell(2).value = "Kepala Loka POM di Kabupaten Rejang Lebong";
    rowOf(fields, "Berlaku sejak (2024-07-05T10:00:00+07:00)").getCell(2).value = "2024-04-15T10:00:00+07:00";
    rowOf(fields, "Tanggal penandatanganan").getCell(2).value = "2024-04-15";
    const targets = book.getWorksheet("Target")!;
    rowOf(targets, "01.07").getCell(columnOf(targets, "B11")).value = 85;
    await book.xlsx.writeFile(join(folder, "rapk.xlsx"));
    const applied = await rapk(folder, "apply", "plan.ndjson", "rapk.xlsx");
    expect(applied.stderr).toBe("");
    const log = readFileSync(join(folder, "plan.ndjson"), "utf8").trim().split("\n").slice(-3).map((line) => JSON.parse(line) as { type?: string; data?: Record<string, unknown>; metadata?: Record<string, unknown> });
    expect(log[0]).toMatchObject({ type: "TargetsSet", data: { indicator: "01.07" } });
    expect(log[0]!.data!.values).toEqual([0, 0, 10, 20, 30, 50, 60, 70, 75, 78, 85, 100]);
    expect(log[1]).toMatchObject({ type: "PlanSigned", data: { date: "2024-04-15", title: expect.stringContaining("Kepala") } });
    expect(log[2]!.metadata).toMatchObject({ kind: "rapk", reason: "Revisi RAPK" });
  });
});
