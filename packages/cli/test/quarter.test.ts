import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, expectOneLineError, importedSeed, rapk, tempFolder, writeJson } from "./helpers.js";
import { pdfText } from "./pdf.js";
import { readXlsx, rowsOf } from "./xlsx.js";

const HISTORY = join(ROOT, "packages/examples/loka-pom-rejang-lebong-2024-history.ndjson");

interface MonthReport {
  version: number;
  indicators: { id: string; target: number | null; realisation: number | null; achievement: number | null; band: { label: string } | null }[];
  budget: { lines: { id: string; pagu: number; spent: number; absorption: number | null }[]; pagu: number; spent: number; absorption: number | null };
}

describe("rapk report --quarter", () => {
  it("writes quarter 2 of the illustrative history as XLSX holding the figures of the June report", async () => {
    const folder = tempFolder();
    const run = await rapk(folder, "report", HISTORY, "--quarter", "2", "--out", "tw2.xlsx");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const june = JSON.parse((await rapk(folder, "report", HISTORY, "--month", "6", "--json")).stdout) as MonthReport;
    const workbook = await readXlsx(join(folder, "tw2.xlsx"));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Capaian TW2", "Anggaran TW2", "Catatan"]);

    const achievement = rowsOf(workbook.getWorksheet("Capaian TW2")!);
    expect(achievement.map((r) => r[0])).toEqual(june.indicators.map((i) => i.id));
    for (const [i, row] of achievement.entries()) {
      const expected = june.indicators[i]!;
      expect(row[2] ?? null, `${expected.id} target`).toBe(expected.target);
      expect(row[3] ?? null, `${expected.id} realisation`).toBe(expected.realisation);
      // Achievement is a number (a ratio shown as %), never text.
      if (expected.achievement === null) expect(row[4] ?? null).toBeNull();
      else expect(row[4] as number).toBeCloseTo(expected.achievement / 100, 12);
      expect(row[5] ?? null, `${expected.id} band`).toBe(expected.band?.label ?? null);
    }
    expect(june.indicators.filter((i) => i.achievement !== null).length).toBeGreaterThan(5);
    const sheet = workbook.getWorksheet("Capaian TW2")!;
    expect(sheet.getCell("E2").numFmt).toBe("0.00%");

    const budget = workbook.getWorksheet("Anggaran TW2")!;
    const lines = rowsOf(budget);
    expect(lines.map((r) => r[0])).toEqual([...june.budget.lines.map((l) => l.id), "Jumlah"]);
    for (const [i, line] of june.budget.lines.entries()) {
      expect(lines[i]![1]).toBe(line.pagu);
      expect(lines[i]![3]).toBe(line.spent);
      expect(lines[i]![4] as number).toBeCloseTo(line.absorption!, 12);
    }
    expect(lines.at(-1)!.slice(1, 5).filter((_, i) => i !== 1)).toEqual([june.budget.pagu, june.budget.spent, june.budget.absorption]);
    // Rupiah as numbers with the Rupiah format, which Indonesian Excel shows as Rp70.412.160.
    expect(budget.getCell("B2").numFmt).toBe('"Rp"#,##0');
    expect(typeof budget.getCell("B2").value).toBe("number");
    // The quarter's own spending is June's cumulative less March's.
    const march = JSON.parse((await rapk(folder, "report", HISTORY, "--month", "3", "--json")).stdout) as MonthReport;
    for (const [i, line] of june.budget.lines.entries()) expect(lines[i]![2]).toBe(line.spent - march.budget.lines[i]!.spent);
  });

  it("writes quarter 2 as a PDF whose text carries the June figures", async () => {
    const folder = tempFolder();
    expect((await rapk(folder, "report", HISTORY, "--quarter", "2", "--out", "tw2.pdf")).code).toBe(0);
    const june = JSON.parse((await rapk(folder, "report", HISTORY, "--month", "6", "--json")).stdout) as MonthReport;
    const text = await pdfText(join(folder, "tw2.pdf"));
    expect(text).toContain("LAPORAN KINERJA TRIWULAN II TAHUN 2024");
    const pct = (n: number) => `${new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)} %`;
    const amount = (n: number) => new Intl.NumberFormat("id-ID").format(n);
    for (const i of june.indicators.filter((x) => x.achievement !== null)) expect(text, i.id).toContain(`${pct(i.achievement!)} ${i.band!.label}`);
    expect(text).toContain(`Jumlah ${amount(june.budget.pagu)}`);
    expect(text).toContain(`${amount(june.budget.spent)} ${pct(june.budget.absorption! * 100)}`);
    expect(text).toMatch(new RegExp(`versi ${june.version} · berlaku 5 Juli 2024`));
  });

  it("lists the quarter's hambatan and rencana tindak lanjut, in text, and reads older reports without them", async () => {
    const folder = await importedSeed();
    writeJson(folder, "may.json", {
      meta: { actor: "Pengelola Kinerja", reason: "Laporan bulanan Mei 2024", kind: "report", at: "2024-06-05T09:00:00+07:00" },
      commands: [
        { type: "reportRealisation", data: { indicator: "04.01", month: 5, value: 9.5, obstacles: "Reagen terlambat datang", followUp: "Pengadaan reagen dipercepat pada Juni" } },
        { type: "reportRealisation", data: { indicator: "03.01", month: 6, value: 96, note: "sesuai jadwal" } },
        { type: "reportRealisation", data: { indicator: "01.01", month: 3, value: 99, obstacles: "bukan triwulan ini" } },
      ],
    });
    expect((await rapk(folder, "apply", "plan.ndjson", "may.json")).code).toBe(0);
    const text = (await rapk(folder, "report", "plan.ndjson", "--quarter", "2")).stdout;
    expect(text).toContain("Laporan kinerja triwulan 2 (TW 2, April-Juni 2024)");
    expect(text).toContain("  04.01 B05\n    hambatan: Reagen terlambat datang\n    rencana tindak lanjut: Pengadaan reagen dipercepat pada Juni\n");
    expect(text).toContain("  03.01 B06\n    catatan: sesuai jadwal\n");
    expect(text).not.toContain("bukan triwulan ini");
    const json = JSON.parse((await rapk(folder, "report", "plan.ndjson", "--quarter", "1", "--json")).stdout);
    expect(json.notes).toEqual([{ indicator: "01.01", month: 3, obstacles: "bukan triwulan ini" }]);
    expect(json.months).toEqual([1, 2, 3]);
  });

  it("refuses a quarter out of range, both or neither period, and a file format it cannot write", async () => {
    const folder = tempFolder();
    expect(expectOneLineError(await rapk(folder, "report", HISTORY, "--quarter", "5"))).toBe("rapk: --quarter 5: expected a quarter number 1-4");
    expect(expectOneLineError(await rapk(folder, "report", HISTORY, "--quarter", "2", "--month", "6"))).toBe("rapk: say which period: --month <1-12> or --quarter <1-4> (one of them)");
    expect(expectOneLineError(await rapk(folder, "report", HISTORY))).toBe("rapk: say which period: --month <1-12> or --quarter <1-4> (one of them)");
    expect(expectOneLineError(await rapk(folder, "report", HISTORY, "--quarter", "2", "--out", "tw2.docx"))).toBe("rapk: tw2.docx: cannot tell the format from the extension (expected .txt, .pdf, .xlsx); say it with --format");
    expect(expectOneLineError(await rapk(folder, "report", HISTORY, "--quarter", "2", "--format", "xlsx"))).toBe("rapk: --format xlsx writes a file: say where with --out");
    expect((await rapk(folder, "report", HISTORY, "--quarter", "2", "--format", "text", "--out", "tw2.report")).code).toBe(0);
    expect(readFileSync(join(folder, "tw2.report"), "utf8")).toMatch(/^Laporan kinerja triwulan 2/);
  });
});
