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
    const run = await rapk(folder, "--lang", "id", "report", HISTORY, "--quarter", "2", "--out", "tw2.xlsx");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const june = JSON.parse((await rapk(folder, "report", HISTORY, "--month", "6", "--json")).stdout) as MonthReport;
    const workbook = await readXlsx(join(folder, "tw2.xlsx"));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Keterangan", "Capaian TW2", "Anggaran TW2", "Catatan"]);
    // The header block: unit, quarter, version, and absorption against the DIPA ceiling and against the itemised lines, both labelled.
    const about = Object.fromEntries(rowsOf(workbook.getWorksheet("Keterangan")!).map((r) => [r[0], r[1]]));
    expect(about).toMatchObject({ "Unit kerja": "LOKA POM DI KABUPATEN REJANG LEBONG", Triwulan: "II (B04-B06 2024)", Versi: june.version, "Berlaku sejak": "5 Juli 2024" });
    expect(about["Penyerapan terhadap pagu DIPA (Rp4801300000)"] as number).toBeCloseTo(june.budget.spent / 4_801_300_000, 12);
    expect(about["Penyerapan terhadap pagu baris anggaran yang dirinci (Rp3838612000)"] as number).toBeCloseTo(june.budget.absorption!, 12);

    const achievement = rowsOf(workbook.getWorksheet("Capaian TW2")!);
    expect(achievement.map((r) => r[0])).toEqual(june.indicators.map((i) => i.id));
    for (const [i, row] of achievement.entries()) {
      const expected = june.indicators[i]!;
      // KODE, INDIKATOR, SATUAN, TARGET B06, three months of (REALISASI, PEMBILANG, PENYEBUT), KUMULATIF, CAPAIAN, KATEGORI, ...
      expect(row[3] ?? null, `${expected.id} target`).toBe(expected.target);
      expect(row[10] ?? null, `${expected.id} June's realisation`).toBe(expected.realisation);
      expect(row[13] ?? null, `${expected.id} the figure at the quarter's end`).toBe(expected.realisation);
      // Achievement is a number (a ratio shown as %), never text.
      if (expected.achievement === null) expect(row[14] ?? null).toBeNull();
      else expect(row[14] as number).toBeCloseTo(expected.achievement / 100, 12);
      expect(row[15] ?? null, `${expected.id} band`).toBe(expected.band?.label ?? null);
    }
    expect(june.indicators.filter((i) => i.achievement !== null).length).toBeGreaterThan(5);
    const sheet = workbook.getWorksheet("Capaian TW2")!;
    expect(sheet.getCell("O2").numFmt).toBe("0.00%");
    // 01.01 in May, numerator and denominator beside the value (May's report: 44 of 50).
    expect(achievement[0]!.slice(7, 10)).toEqual([88, 44, 50]);

    const budget = workbook.getWorksheet("Anggaran TW2")!;
    const lines = rowsOf(budget);
    expect(lines.map((r) => r[0])).toEqual([...june.budget.lines.map((l) => l.id), "Jumlah baris anggaran"]);
    for (const [i, line] of june.budget.lines.entries()) {
      expect(lines[i]![3]).toBe(line.pagu);
      expect(lines[i]![5]).toBe(line.spent);
      expect(lines[i]![6] as number).toBeCloseTo(line.absorption!, 12);
    }
    // The first line by its name, and the indicators it serves.
    expect(lines[0]!.slice(0, 3)).toEqual(["DR.3165.QIA.005.053.A", expect.stringContaining("PENGADAAN SAMPEL"), "01.01, 04.01"]);
    expect([lines.at(-1)![3], lines.at(-1)![5], lines.at(-1)![6]]).toEqual([june.budget.pagu, june.budget.spent, june.budget.absorption]);
    // Rupiah as numbers with the Rupiah format, which Indonesian Excel shows as Rp70.412.160.
    expect(budget.getCell("D2").numFmt).toBe('"Rp"#,##0');
    expect(typeof budget.getCell("D2").value).toBe("number");
    // The quarter's own spending is June's cumulative less March's.
    const march = JSON.parse((await rapk(folder, "report", HISTORY, "--month", "3", "--json")).stdout) as MonthReport;
    for (const [i, line] of june.budget.lines.entries()) expect(lines[i]![4]).toBe(line.spent - march.budget.lines[i]!.spent);
  });

  it("writes quarter 2 as a PDF whose text carries the June figures", async () => {
    const folder = tempFolder();
    expect((await rapk(folder, "--lang", "id", "report", HISTORY, "--quarter", "2", "--out", "tw2.pdf")).code).toBe(0);
    const june = JSON.parse((await rapk(folder, "report", HISTORY, "--month", "6", "--json")).stdout) as MonthReport;
    const text = await pdfText(join(folder, "tw2.pdf"));
    expect(text).toContain("LAPORAN KINERJA TRIWULAN II TAHUN 2024");
    const pct = (n: number) => `${new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)} %`;
    const amount = (n: number) => new Intl.NumberFormat("id-ID").format(n);
    for (const i of june.indicators.filter((x) => x.achievement !== null)) expect(text, i.id).toContain(`${pct(i.achievement!)} ${i.band!.label}`);
    expect(text).toContain(`Jumlah baris anggaran ${amount(june.budget.pagu)}`);
    expect(text).toContain(`${amount(june.budget.spent)} ${pct(june.budget.absorption! * 100)}`);
    expect(text).toMatch(new RegExp(`versi ${june.version} · berlaku 5 Juli 2024`));
  });

  it("prints the quarter the centre takes, wholly in Indonesian: header block, three months with numerator and denominator, line names, both absorptions, the signatory", async () => {
    const folder = tempFolder();
    expect((await rapk(folder, "--lang", "id", "report", HISTORY, "--quarter", "2", "--out", "tw2.pdf")).code).toBe(0);
    const text = await pdfText(join(folder, "tw2.pdf"));
    // The header block.
    expect(text).toContain("Unit kerja : LOKA POM DI KABUPATEN REJANG LEBONG Triwulan : II (April - Juni 2024) Versi : 9 Berlaku sejak : 5 Juli 2024");
    // 01.01's three months as the history reports them, each with its numerator and denominator:
    // April 44 of 44, May 44 of 50 (88), June 56 of 56; the figure at June, its achievement against 99,3 and its band.
    expect(text).toContain("01.01 Persentase Obat yang memenuhi syarat % 99,3 100 (44/44) 88 (44/50) 100 (56/56) 100 100,70 % Baik");
    // A budget line by its name, with the indicators it serves.
    expect(text).toMatch(/DR\.3165\.QIA\.005\.053\.A Sampel Obat, Obat Tradisional, Kosmetik dan Suplemen Kesehatan yang Diperiksa Sesuai Standar oleh UPT \/ Pengadaan sampel obat, obat bahan alam, kosmetika, suplemen kesehatan \/ PENGADAAN SAMPEL 01\.01, 04\.01 125\.736\.000/);
    // Absorption two ways, labelled: against the DIPA ceiling (the Total, 4.801.300.000) and against the lines (3.838.612.000).
    expect(text).toContain("Penyerapan terhadap pagu DIPA (Rp4.801.300.000) 1.535.444.800 31,98 %");
    expect(text).toContain("Penyerapan terhadap pagu baris anggaran yang dirinci (Rp3.838.612.000) 1.535.444.800 40,00 %");
    expect(text).toContain("Rp962.688.000 dari pagu DIPA Rp4.801.300.000 tidak dirinci dalam baris anggaran rencana ini.");
    // The signature block: place and the report's date, the head's title and name, as the plan is signed.
    expect(text).toContain("Rejang Lebong, 5 Juli 2024 Kepala LokaPOM di Kabupaten Rejang Lebong Pupa Feshirawan Putra, S.Farm., Apt");
    // Every heading in Indonesian.
    for (const english of ["Achievement", "Budget", "absorption", "Notes", "QUARTERLY", "Version"]) expect(text).not.toContain(english);
  });

  it("writes the year's report (LAKIP figures): per objective and indicator the year's target, realisation and achievement, and the year's absorption", async () => {
    const folder = tempFolder();
    const json = JSON.parse((await rapk(folder, "report", HISTORY, "--year", "--json")).stdout) as {
      objectives: { code: string; indicators: { id: string; target: number; realisation: number | null; month: number | null; achievement: number | null }[] }[];
      budget: { ceiling: number; pagu: number; spent: number; ceilingAbsorption: number; absorption: number };
    };
    const umkm = json.objectives[0]!.indicators.find((i) => i.id === "01.07")!;
    // Raised to 100 by the revised RAPK in April; June's 31 of 56 is the latest figure of the year.
    expect(umkm).toMatchObject({ target: 100, realisation: 55.36, month: 6 });
    expect(umkm.achievement).toBeCloseTo(55.36, 10);
    expect(json.budget).toMatchObject({ ceiling: 4_801_300_000, pagu: 3_838_612_000 });
    expect(json.budget.ceilingAbsorption).toBeCloseTo(json.budget.spent / 4_801_300_000, 12);
    expect((await rapk(folder, "--lang", "id", "report", HISTORY, "--year", "--out", "lakip.pdf")).code).toBe(0);
    const text = await pdfText(join(folder, "lakip.pdf"));
    expect(text).toContain("LAPORAN KINERJA TAHUNAN TAHUN 2024");
    expect(text).toContain("01.07 Persentase UMKM yang memenuhi standar produksi pangan olahan dan/atau pembuatan % 100 55,36 (B06) 55,36 % Kurang");
    expect(text).toContain("Penyerapan terhadap pagu DIPA (Rp4.801.300.000)");
    expect(text).toContain("Pupa Feshirawan Putra, S.Farm., Apt");
    expect((await rapk(folder, "report", HISTORY, "--year", "--out", "lakip.xlsx")).code).toBe(0);
    const sheet = (await readXlsx(join(folder, "lakip.xlsx"))).getWorksheet("Capaian tahunan")!;
    expect(rowsOf(sheet).find((r) => r[1] === "01.07")!.slice(0, 7)).toEqual(["01", "01.07", expect.any(String), "%", 100, 55.36, "B06"]);
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
    expect(text).toContain("QUARTERLY PERFORMANCE REPORT, QUARTER II 2024");
    expect(text).toContain("  Quarter: II (April-Juni 2024)");
    expect(text).toContain("  04.01 B05\n    obstacles: Reagen terlambat datang\n    follow-up: Pengadaan reagen dipercepat pada Juni\n");
    expect(text).toContain("  03.01 B06\n    note: sesuai jadwal\n");
    const id = (await rapk(folder, "--lang", "id", "report", "plan.ndjson", "--quarter", "2")).stdout;
    expect(id).toContain("  04.01 B05\n    hambatan: Reagen terlambat datang\n    rencana tindak lanjut: Pengadaan reagen dipercepat pada Juni\n");
    expect(text).not.toContain("bukan triwulan ini");
    const json = JSON.parse((await rapk(folder, "report", "plan.ndjson", "--quarter", "1", "--json")).stdout);
    expect(json.notes).toEqual([{ indicator: "01.01", month: 3, obstacles: "bukan triwulan ini" }]);
    expect(json.months).toEqual([1, 2, 3]);
  });

  it("refuses a quarter out of range, both or neither period, and a file format it cannot write", async () => {
    const folder = tempFolder();
    expect(expectOneLineError(await rapk(folder, "report", HISTORY, "--quarter", "5"))).toBe("rapk: --quarter 5: expected a quarter number 1-4");
    expect(expectOneLineError(await rapk(folder, "report", HISTORY, "--quarter", "2", "--month", "6"))).toBe("rapk: say which period: --month <1-12>, --quarter <1-4> or --year (one of them)");
    expect(expectOneLineError(await rapk(folder, "report", HISTORY))).toBe("rapk: say which period: --month <1-12>, --quarter <1-4> or --year (one of them)");
    expect(expectOneLineError(await rapk(folder, "report", HISTORY, "--quarter", "2", "--out", "tw2.docx"))).toBe("rapk: tw2.docx: cannot tell the format from the extension (expected .txt, .pdf, .xlsx); say it with --format");
    expect(expectOneLineError(await rapk(folder, "report", HISTORY, "--quarter", "2", "--format", "xlsx"))).toBe("rapk: --format xlsx writes a file: say where with --out");
    expect((await rapk(folder, "report", HISTORY, "--quarter", "2", "--format", "text", "--out", "tw2.report")).code).toBe(0);
    expect(readFileSync(join(folder, "tw2.report"), "utf8")).toMatch(/^QUARTERLY PERFORMANCE REPORT, QUARTER II 2024/);
  });
});
