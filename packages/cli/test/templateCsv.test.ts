import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectOneLineError, tempFolder, writeJson } from "./helpers.js";
import { JUNE_JSON, META, rapk, throughMay } from "./june.js";

type Locale = "en" | "id";
const separator = (locale: Locale) => (locale === "id" ? ";" : ",");

/** The CSV's rows, as a spreadsheet reads them (quoted cells, `""` inside quotes). */
function parse(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) row.push(cell), (cell = "");
    else if (c === "\n") row.push(cell.replace(/\r$/, "")), rows.push(row), (row = []), (cell = "");
    else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The rows as a spreadsheet saves them: quoted where a cell holds the separator, a quote or a line break. */
const unparse = (rows: readonly string[][], sep: string) =>
  `${rows.map((row) => row.map((cell) => (cell.includes(sep) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(sep)).join("\r\n")}\r\n`;

/** A CSV template opened as one sheet: set a cell by the section (`#sheet` row), the row's key in column A and the column's header. */
class CsvSheet {
  readonly rows: string[][];
  constructor(
    private readonly file: string,
    private readonly locale: Locale,
  ) {
    this.rows = parse(readFileSync(file, "utf8"), separator(locale));
  }
  /** The 0-based row of `key` in the section of `sheet`, and that section's header row. */
  find(sheet: string, key: string): { row: number; header: string[] } {
    const start = this.rows.findIndex((r) => r[0] === "#sheet" && r[1] === sheet);
    if (start < 0) throw new Error(`no #sheet ${sheet}`);
    const header = this.rows[start + 1] as string[];
    for (let row = start + 2; row < this.rows.length && this.rows[row]?.[0] !== "#sheet"; row++) if (this.rows[row]?.[0] === key) return { row, header };
    throw new Error(`no row ${key} in ${sheet}`);
  }
  set(sheet: string, key: string, header: string, value: string): string {
    const { row, header: headers } = this.find(sheet, key);
    const column = sheet === "Revisi" ? 1 : headers.indexOf(header);
    if (column < 0) throw new Error(`no column ${header} in ${sheet}`);
    const cells = this.rows[row] as string[];
    while (cells.length <= column) cells.push("");
    cells[column] = value;
    return `${String.fromCharCode(65 + column)}${row + 1}`;
  }
  save(): void {
    writeFileSync(this.file, unparse(this.rows, separator(this.locale)));
  }
}

/** June as an officer fills in the CSV in a spreadsheet of `locale`: figures typed with its decimal mark, Rupiah with thousand dots in id. */
function fillJune(file: string, locale: Locale): CsvSheet {
  const sheet = new CsvSheet(file, locale);
  const decimal = (text: string) => (locale === "id" ? text.replace(".", ",") : text);
  sheet.set("Revisi", "Oleh (siapa)", "", META.actor);
  sheet.set("Revisi", "Rujukan (nota dinas, surat)", "", META.reference);
  sheet.set("Revisi", "Berlaku sejak (2024-07-05T10:00:00+07:00)", "", META.at);
  sheet.set("Indikator", "01.01", "PEMBILANG", "51");
  sheet.set("Indikator", "01.01", "PENYEBUT", "56");
  sheet.set("Indikator", "01.02", "PEMBILANG", "54");
  sheet.set("Indikator", "01.02", "PENYEBUT", "56");
  sheet.set("Indikator", "01.02", "CATATAN", "- Sampling pasar Curup dan Kepahiang");
  sheet.set("Indikator", "01.02", "HAMBATAN", "Satu sampel rusak dalam pengiriman");
  sheet.set("Indikator", "03.01", "REALISASI B06", decimal("89.5"));
  sheet.set("Anggaran", "DR.3165.QIA.005.053.A", "REALISASI B06", locale === "id" ? "6.286.800" : "6286800");
  sheet.set("Anggaran", "DR.3165.QIA.001.055.A", "REALISASI B06", "0");
  sheet.set("Anggaran", "DR.3165.QIA.001.055.A", "HAMBATAN", "Tender pengadaan sampel gagal");
  sheet.set("Anggaran", "DR.3165.QIA.001.055.A", "RENCANA TINDAK LANJUT", "Tender ulang pada Juli");
  sheet.save();
  return sheet;
}

describe("the CSV template: rapk template --out juni.csv [--csv-locale id], and rapk apply of it", () => {
  it("given --csv-locale id, then the template has ';' between fields and decimal commas, its sheets one after another after #sheet rows", async () => {
    const folder = tempFolder();
    throughMay(folder);
    const made = await rapk(folder, "template", "plan.ndjson", "--month", "6", "--out", "juni.csv", "--csv-locale", "id");
    expect(made.stderr).toBe("");
    const text = readFileSync(join(folder, "juni.csv"), "utf8");
    const rows = parse(text, ";");
    expect(rows.slice(0, 7).map((r) => r[0])).toEqual(["#format", "#plan", "#unit", "#year", "#version", "#kind", "#month"]);
    expect(rows.filter((r) => r[0] === "#sheet").map((r) => r[1])).toEqual(["Revisi", "Indikator", "Anggaran"]);
    // 01.01's target for June is 99.3: written 99,3 for Indonesian Excel.
    expect(rows.find((r) => r[0] === "01.01")?.slice(0, 4)).toEqual(["01.01", "Persentase Obat yang memenuhi syarat", "percent", "99,3"]);
    expect(text).toContain("\r\n");
  });

  it.each(["id", "en"] as const)("given June filled in a spreadsheet of locale %s, when applied, then the log is byte for byte the one the equivalent revision.json makes", async (locale) => {
    const folder = tempFolder();
    throughMay(folder, "by-csv.ndjson");
    throughMay(folder, "by-json.ndjson");
    const localeArgs = locale === "id" ? ["--csv-locale", "id"] : [];
    expect((await rapk(folder, "template", "by-csv.ndjson", "--month", "6", "--out", "juni.csv", ...localeArgs)).code).toBe(0);
    fillJune(join(folder, "juni.csv"), locale);
    const byCsv = await rapk(folder, "apply", "by-csv.ndjson", "juni.csv", "--month", "6", ...localeArgs);
    expect(byCsv.stderr).toBe("");
    expect(byCsv.stdout).toMatch(/version 9 \(5 events\)/);
    writeJson(folder, "juni.json", JUNE_JSON);
    expect((await rapk(folder, "apply", "by-json.ndjson", "juni.json")).code).toBe(0);
    expect(readFileSync(join(folder, "by-csv.ndjson"), "utf8")).toBe(readFileSync(join(folder, "by-json.ndjson"), "utf8"));
  });

  it("given the next template of the applied log, when applied with only who filled in, then nothing changed: every figure reads back as written", async () => {
    const folder = tempFolder();
    throughMay(folder);
    await rapk(folder, "template", "plan.ndjson", "--month", "6", "--out", "juni.csv", "--csv-locale", "id");
    fillJune(join(folder, "juni.csv"), "id");
    expect((await rapk(folder, "apply", "plan.ndjson", "juni.csv", "--csv-locale", "id")).code).toBe(0);
    await rapk(folder, "template", "plan.ndjson", "--month", "6", "--out", "juni-2.csv", "--csv-locale", "id");
    const again = new CsvSheet(join(folder, "juni-2.csv"), "id");
    // June's figures as the log now holds them, with the decimal comma: 51/56 is 91,07.
    const { row, header } = again.find("Indikator", "01.01");
    expect(again.rows[row]?.[header.indexOf("REALISASI B06")]).toBe("91,07");
    again.set("Revisi", "Oleh (siapa)", "", META.actor);
    again.save();
    const run = await rapk(folder, "apply", "plan.ndjson", "juni-2.csv", "--csv-locale", "id");
    expect(expectOneLineError(run)).toContain("every row is as version 9 of the plan has it: there is nothing to apply");
  });

  it("given a cell that is no number, then the refusal names the cell as the spreadsheet shows the file (its column and line), in Indonesian and English", async () => {
    const folder = tempFolder();
    throughMay(folder);
    await rapk(folder, "template", "plan.ndjson", "--month", "6", "--out", "juni.csv", "--csv-locale", "id");
    const sheet = fillJune(join(folder, "juni.csv"), "id");
    const cell = sheet.set("Indikator", "03.01", "REALISASI B06", "lima puluh");
    sheet.save();
    expect(cell).toMatch(/^G\d+$/);
    const en = await rapk(folder, "apply", "plan.ndjson", "juni.csv", "--csv-locale", "id");
    expect(en.code).toBe(1);
    expect(expectOneLineError(en)).toContain(`juni.csv: sheet "Indikator", cell ${cell}: "lima puluh" is not a number`);
    const id = await rapk(folder, "--lang", "id", "apply", "plan.ndjson", "juni.csv", "--csv-locale", "id");
    expect(expectOneLineError(id)).toContain(`juni.csv: lembar "Indikator", sel ${cell}: "lima puluh" bukan angka`);
  });

  it("given an Indonesian CSV applied without --csv-locale id, then it is refused saying so; and --csv-locale goes only with a CSV", async () => {
    const folder = tempFolder();
    throughMay(folder);
    await rapk(folder, "template", "plan.ndjson", "--month", "6", "--out", "juni.csv", "--csv-locale", "id");
    fillJune(join(folder, "juni.csv"), "id");
    expect(expectOneLineError(await rapk(folder, "apply", "plan.ndjson", "juni.csv"))).toContain("is written with ';' between fields (Indonesian Excel): apply it with --csv-locale id");
    expect(expectOneLineError(await rapk(folder, "template", "plan.ndjson", "--month", "6", "--out", "juni.xlsx", "--csv-locale", "id"))).toContain("--csv-locale goes with a CSV template");
    expect(expectOneLineError(await rapk(folder, "template", "plan.ndjson", "--month", "6", "--out", "juni.csv", "--csv-locale", "fr", "--force"))).toContain("--csv-locale fr: expected en or id");
    writeJson(folder, "juni.json", JUNE_JSON);
    expect(expectOneLineError(await rapk(folder, "apply", "plan.ndjson", "juni.json", "--csv-locale", "id"))).toContain("--csv-locale goes with a CSV template (.csv)");
  });

  it("given a CSV template of another month, then it is refused as the workbook would be", async () => {
    const folder = tempFolder();
    throughMay(folder);
    await rapk(folder, "template", "plan.ndjson", "--month", "6", "--out", "juni.csv");
    fillJune(join(folder, "juni.csv"), "en");
    const run = await rapk(folder, "apply", "plan.ndjson", "juni.csv", "--month", "7");
    expect(expectOneLineError(run)).toContain("is the template of month 6, not of month 7");
  });
});
