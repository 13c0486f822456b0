import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { rollupWorkbook } from "@rapk/report";

const row = (plan: string, pagu: number, spent: number) => ({
  plan,
  unit: `Loka POM ${plan}`,
  year: 2024,
  version: 3,
  ceiling: pagu,
  pagu,
  allocated: pagu,
  spent,
  absorption: spent / pagu,
  latestMonth: 6,
  bands: { "very-good": 2, good: 1 },
  unrated: 4,
});

describe("rollupWorkbook", () => {
  it("writes one row per plan and the totals, Rupiah and absorption as numbers, bands as counts", async () => {
    const rows = [row("a", 4_801_300_000, 1_920_520_000), row("b", 1_000_000_000, 0)];
    const totals = { plans: 2, ceiling: 5_801_300_000, pagu: 5_801_300_000, allocated: 5_801_300_000, spent: 1_920_520_000, absorption: 1_920_520_000 / 5_801_300_000, bands: { "very-good": 4, good: 2 }, unrated: 8 };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await rollupWorkbook(rows, totals)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Rekap")!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1).slice(0, 10)).toEqual(["RENCANA", "UNIT", "TAHUN", "VERSI", "PAGU TOTAL", "PAGU BARIS", "DIALOKASIKAN", "REALISASI", "PENYERAPAN", "BULAN"]);
    expect(values(2).slice(0, 10)).toEqual(["a", "Loka POM a", 2024, 3, 4_801_300_000, 4_801_300_000, 4_801_300_000, 1_920_520_000, 0.4, "B06"]);
    // Bands in BPOM order: Tidak Dapat Disimpulkan, Sangat Baik, Baik, Cukup, Kurang, Sangat Kurang; then none.
    expect(values(2).slice(10)).toEqual([0, 2, 1, 0, 0, 0, 4]);
    expect(values(4).slice(0, 2)).toEqual(["Jumlah", "2 rencana"]);
    expect(values(4)[7]).toBe(1_920_520_000);
    expect(sheet.getCell("E2").numFmt).toBe('"Rp"#,##0');
    expect(sheet.getCell("I2").numFmt).toBe("0.00%");
  });
});
