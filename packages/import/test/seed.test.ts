import { IndicatorId, budgetSummary, decideBatch, formatRupiah, indicatorBudget, initialState, planDocument } from "@rapk/core";
import { describe, expect, it } from "vitest";
import { importPlan, importTable } from "../src/index.js";
import { ok } from "./support/result.js";
import { SEED, seedLines } from "./support/seed.js";

// Figures read off the seed by eye: id, name, B01..B12, and the ANGGARAN the table states.
const INDICATORS: readonly [string, string, (number | null)[], number][] = [
  ["01.01", "Persentase Obat yang memenuhi syarat", Array(12).fill(99.3), 70_412_160],
  ["01.02", "Persentase Makanan yang memenuhi syarat", Array(12).fill(97.4), 29_959_960],
  ["01.03", "Persentase keputusan penilaian sertifikasi yang diselesaikan tepat waktu", Array(12).fill(100), 11_780_000],
  ["01.04", "Persentase sarana produksi Obat dan Makanan yang memenuhi ketentuan", Array(12).fill(65), 18_102_000],
  ["01.05", "Persentase sarana distribusi Obat dan Makanan yang memenuhi ketentuan", Array(12).fill(68), 79_327_000],
  ["01.07", "Persentase UMKM yang memenuhi standar produksi pangan olahan dan/atau pembuatan", [0, 0, 10, 20, 30, 50, 60, 70, 75, 78, 81, 100], 37_648_000],
  ["03.01", "Tingkat Efektifitas KIE Obat dan Makanan", [0, 0, ...Array(10).fill(95.3)], 129_000_000],
  ["04.01", "Persentase sampel Obat yang diperiksa dan diuji sesuai standar", [2.52, 7.33, 11.66, 13.58, 18.03, 23.32, 29.45, 35.94, 41.23, 46.03, 49.28, 50], 310_456_640],
  ["04.02", "Persentase sampel makanan yang diperiksa dan diuji sesuai standar", [2.51, 5.53, 9.04, 13.82, 19.6, 26.13, 32.16, 37.44, 42.71, 46.23, 48.74, 50], 100_521_000],
  ["05.01", "Persentase keberhasilan penindakan kejahatan di bidang Obat dan Makanan", [0, 0, 15, 15, 40, 40, 80, 80, 80, 80, 80, 100], 187_418_000],
  ["08.03", "Indeks Kepuasan Masyarakat terhadap Layanan Publik UPT", [...Array(11).fill(0), 91], 92_997_000],
  ["09.01", "Persentase implementasi rencana aksi Reformasi Birokrasi di lingkup UPT", [...Array(11).fill(0), 100], 1_161_696_500],
  ["09.03", "Nilai AKIP UPT", [...Array(11).fill(0), 74.29], 398_300_000],
  ["11.01", "Nilai Kinerja Anggaran UPT", [0, 16.68, 25.02, 33.36, 41.07, 50.04, 58.38, 66.72, 75.06, 83.4, 88, 89.99], 1_161_696_500],
  ["11.02", "Nilai Kualitas Pengelolaan Barang dan Jasa", [...Array(11).fill(0), 75.92], 98_500_000],
  ["11.03", "Nilai Pengelolaan Barang Milik Negara", [...Array(11).fill(0), 66], 56_500_000],
  ["11.04", "Presentase Realisasi Penggunaan Produk dalam Negeri", [null, ...Array(10).fill(0), 60], 98_500_000],
];

// Every budget row the seed shows: source line, the indicator it is printed under when its
// numbering says it belongs there (null: its indicator is on a missing page), line id, ANGGARAN
// (pagu), KONTRIBUSI.
const ROWS: readonly [number, string | null, string, number, number][] = [
  [13, "01.01", "DR.3165.QIA.005.053.A", 125_736_000, 70_412_160],
  [16, "01.02", "DR.3165.QIA.001.055.A", 78_842_000, 29_959_960],
  [24, "01.03", "DR.3165.BAH.001.052.B", 6_260_000, 6_260_000],
  [25, "01.03", "DR.3165.BAH.001.052.A", 5_520_000, 5_520_000],
  [28, "01.04", "DR.3165.QIC.001.055.A", 18_102_000, 18_102_000],
  [36, "01.05", "DR.3165.QIC.004.053.A", 50_400_000, 50_400_000],
  [37, "01.05", "DR.3165.QIC.004.055.A", 27_600_000, 27_600_000],
  [38, "01.05", "DR.3165.QIC.004.053.F", 1_327_000, 1_327_000],
  [45, null, "DR.3165.BKB.001.051.B", 78_177_000, 39_088_500],
  [48, "03.01", "DR.3165.BDC.001.051.D", 26_300_000, 26_300_000],
  [49, "03.01", "DR.3165.BDC.001.051.A", 18_400_000, 18_400_000],
  [50, "03.01", "DR.3165.BDC.001.051.B", 81_300_000, 81_300_000],
  [51, "03.01", "DR.3165.BDC.001.051.C", 3_000_000, 3_000_000],
  [58, "04.01", "DR.3165.PDD.001.054.B", 8_540_000, 8_540_000],
  [59, "04.01", "DR.3165.PDD.001.054.C", 79_660_000, 79_660_000],
  [60, "04.01", "DR.3165.QIA.005.053.A", 125_736_000, 30_176_640],
  [61, "04.01", "DR.3165.QIA.005.053.B", 12_080_000, 12_080_000],
  [62, "04.01", "DR.3165.RAB.001.051.A", 180_000_000, 180_000_000],
  [68, "04.02", "DR.3165.QIA.001.055.A", 78_842_000, 39_421_000],
  [69, "04.02", "DR.3165.PDD.001.054.A", 35_000_000, 35_000_000],
  [70, "04.02", "DR.3165.QIA.001.055.B", 26_100_000, 26_100_000],
  [73, "05.01", "DR.3165.QCD.U61.051.A", 180_000, 180_000],
  [74, "05.01", "DR.3165.QCD.U61.051.B", 21_180_000, 21_180_000],
  [79, "05.01", "DR.3165.AEA.001.054.K", 4_760_000, 4_760_000],
  [80, "05.01", "DR.3165.QCD.U61.051.C", 180_000, 180_000],
  [81, "05.01", "DR.3165.QCD.U61.052.A", 240_000, 240_000],
  [82, "05.01", "DR.3165.AEA.001.054.L", 4_760_000, 4_760_000],
  [83, "05.01", "DR.3165.QCD.U61.053.A", 240_000, 240_000],
  [84, "05.01", "DR.3165.QCD.U61.054.A", 23_709_000, 23_709_000],
  [85, "05.01", "DR.3165.QCD.U61.055.A", 21_110_000, 21_110_000],
  [91, "05.01", "DR.3165.QCD.U61.055.B", 2_240_000, 2_240_000],
  [92, "05.01", "DR.3165.QCD.U61.055.C", 900_000, 900_000],
  [93, "05.01", "DR.3165.QCD.U61.056.A", 1_024_000, 1_024_000],
  [94, "05.01", "DR.3165.QCD.U61.056.B", 18_426_000, 18_426_000],
  [95, "05.01", "DR.3165.QCD.U61.055.D", 1_000_000, 1_000_000],
  [96, "05.01", "DR.3165.QCD.U61.055.E", 7_480_000, 7_480_000],
  [102, "05.01", "DR.3165.QCD.U61.054.B", 3_808_000, 3_808_000],
  [103, "05.01", "DR.3165.AEA.001.053.A", 2_731_000, 2_731_000],
  [104, "05.01", "DR.3165.AEA.001.053.B", 16_360_000, 16_360_000],
  [105, "05.01", "DR.3165.AEA.001.054.A", 9_570_000, 9_570_000],
  [106, "05.01", "DR.3165.AEA.001.054.B", 5_040_000, 5_040_000],
  [107, "05.01", "DR.3165.AEA.001.054.C", 5_140_000, 5_140_000],
  [108, "05.01", "DR.3165.AEA.001.054.D", 4_760_000, 4_760_000],
  [114, null, "DR.3165.CAN.001.051.A", 113_000_000, 56_500_000],
  [117, "08.03", "DR.3165.BMB.001.051.A", 92_997_000, 92_997_000],
  [120, "09.01", "WA.6384.EBA.994.001.A", 2_323_393_000, 1_161_696_500],
  [127, null, "DR.3165.BKB.001.052.A", 95_040_000, 47_520_000],
  [130, "11.01", "WA.6384.EBA.994.001.A", 2_323_393_000, 1_161_696_500],
  [133, "11.02", "DR.3165.CAB.002.053.A", 197_000_000, 98_500_000],
  [139, "11.03", "DR.3165.CAN.001.051.A", 113_000_000, 56_500_000],
  [142, "11.04", "DR.3165.CAB.002.053.A", 197_000_000, 98_500_000],
];

// What the importer must report of the seed: [code, line, subject].
const FINDINGS: readonly [string, number, string | undefined][] = [
  ["ORPHAN_FRAGMENT", 21, undefined],
  ["CELL_JOINED", 33, "DR.3165.QIC.001.055.A"],
  ["BUDGET_MISMATCH", 39, "01.07"],
  ["ORPHAN_FRAGMENT", 44, undefined],
  ["UNATTRIBUTED_CONTRIBUTION", 45, "DR.3165.BKB.001.051.B"],
  ["MISSING_OBJECTIVES", 46, undefined],
  ["CELL_JOINED", 56, "04.01"],
  ["BUDGET_MISMATCH", 71, "05.01"],
  ["CELL_JOINED", 90, "DR.3165.QCD.U61.055.A"],
  ["CELL_JOINED", 101, "DR.3165.QCD.U61.055.E"],
  ["CELL_CUT", 108, "DR.3165.AEA.001.054.D"],
  ["CELL_CUT", 108, "DR.3165.AEA.001.054.D"],
  ["ORPHAN_FRAGMENT", 112, undefined],
  ["UNATTRIBUTED_CONTRIBUTION", 114, "DR.3165.CAN.001.051.A"],
  ["MISSING_OBJECTIVES", 115, undefined],
  ["BUDGET_MISMATCH", 121, "09.03"],
  ["ORPHAN_FRAGMENT", 126, undefined],
  ["UNATTRIBUTED_CONTRIBUTION", 127, "DR.3165.BKB.001.052.A"],
  ["MISSING_OBJECTIVES", 128, undefined],
  ["BLANK_TARGET", 140, "11.04"],
  ["LINES_BELOW_CEILING", 143, undefined],
];

const result = ok(importTable(SEED));
const { state, findings } = result;
const findingsOf = (code: string) => findings.filter((f) => f.code === code);

describe("importing the seed (RAPK 2024, Loka POM di Kabupaten Rejang Lebong)", () => {
  it("gives one draft batch that core accepts, ending with the signature", () => {
    const decided = decideBatch(result.commands, initialState(), { kind: "draft" });
    expect(decided.ok).toBe(true);
    expect(result.commands.at(-1)?.type).toBe("signPlan");
    expect(importPlan(SEED)).toEqual(result);
  });

  it("reads the title block and the Total", () => {
    expect(state.plan).toEqual({
      title: "RENCANA AKSI PERJANJIAN KINERJA TAHUN 2024",
      unit: "LOKA POM DI KABUPATEN REJANG LEBONG",
      agency: "BADAN PENGAWAS OBAT DAN MAKANAN",
      year: 2024,
      ceiling: 4_801_300_000,
      statedTotal: 4_801_300_000,
    });
  });

  it("reads the signature: place, date, title and the name below it", () => {
    expect(state.signature).toEqual({
      place: "Rejang Lebong",
      date: "2024-02-22",
      title: "Kepala LokaPOM di Kabupaten Rejang Lebong",
      name: "Pupa Feshirawan Putra, S.Farm., Apt",
    });
  });

  it("keeps the document's order: objectives and indicators as printed, each indicator's budget rows as numbered, budget lines as first printed", () => {
    const document = planDocument(state);
    expect(document.objectives.map((o) => o.code)).toEqual(["01", "03", "04", "05", "08", "09", "11"]);
    expect(document.objectives.flatMap((o) => o.indicators.map((i) => i.id))).toEqual(INDICATORS.map(([id]) => id));
    const rowsOf = (id: string) => document.objectives.flatMap((o) => o.indicators).find((i) => i.id === id)!.contributions.map((c) => c.line.id);
    for (const [id] of INDICATORS) expect(rowsOf(id), id).toEqual(ROWS.filter(([, indicator]) => indicator === id).map(([, , line]) => line));
    // Where code order would differ: 01.03 prints B then A (lines 24-25), 03.01 prints D, A, B, C (lines 48-51).
    expect(rowsOf("01.03")).toEqual(["DR.3165.BAH.001.052.B", "DR.3165.BAH.001.052.A"]);
    expect(rowsOf("03.01")).toEqual(["DR.3165.BDC.001.051.D", "DR.3165.BDC.001.051.A", "DR.3165.BDC.001.051.B", "DR.3165.BDC.001.051.C"]);
    expect(budgetSummary(state).lines.map((l) => l.id)).toEqual([...new Set(ROWS.map(([, , line]) => line))]);
  });

  it("reads all 17 indicators with their names whole and their 12 targets (11.04's B01 blank)", () => {
    expect(Object.keys(state.indicators).sort()).toEqual(INDICATORS.map(([id]) => id));
    for (const [id, name, targets] of INDICATORS) {
      expect(state.indicators[id]?.name, id).toBe(name);
      expect(state.indicators[id]?.targets, id).toEqual(targets);
    }
    expect(findingsOf("BLANK_TARGET")).toEqual([expect.objectContaining({ line: 140, subject: "11.04" })]);
    expect(findingsOf("BLANK_TARGET")[0]?.message).toEqual({
      id: "Baris 140: Indikator 11.04 tidak punya target untuk bulan Januari: selnya kosong, dan dibiarkan kosong (bukan 0).",
      en: "Line 140: Indicator 11.04 has no target for January: the cell is blank, and it is kept blank (not 0).",
    });
  });

  it("reads the seven objectives with their display numbers, 04's name whole across the page break", () => {
    const objectives = Object.values(state.objectives).map((o) => [o.number, o.code]);
    expect(objectives.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([[1, "01"], [3, "03"], [4, "04"], [5, "05"], [7, "08"], [8, "09"], [10, "11"]]);
    expect(state.objectives["04"]?.name).toBe("Meningkatnya efektivitas pemeriksaan produk dan pengujian Obat dan Makanan di masing \u2013 masing wilayah kerja UPT");
  });

  it("derives units, shapes and direction from names and targets", () => {
    const traits = (id: string) => {
      const i = state.indicators[id];
      return [i?.unit, i?.shape, i?.direction];
    };
    expect(traits("01.01")).toEqual(["percent", "constant", "higher"]);
    expect(traits("01.07")).toEqual(["percent", "cumulative", "higher"]);
    expect(traits("03.01")).toEqual(["level", "stepped", "higher"]);
    expect(traits("04.01")).toEqual(["percent", "cumulative", "higher"]);
    expect(traits("05.01")).toEqual(["percent", "stepped", "higher"]);
    expect(traits("08.03")).toEqual(["index", "year-end", "higher"]);
    expect(traits("09.03")).toEqual(["score", "year-end", "higher"]);
    expect(traits("11.01")).toEqual(["score", "cumulative", "higher"]);
    expect(traits("11.04")).toEqual(["percent", "year-end", "higher"]);
  });

  it("attributes every visible budget row to its indicator or reports it as unattributed, with its amount", () => {
    const budgetRows = seedLines().filter((line) => /\b[A-Z]{2}\.\d{4}\.[A-Z0-9]{3}\.[A-Z0-9]{3} - /.test(line));
    expect(ROWS).toHaveLength(budgetRows.length);
    for (const [line, indicator, id, pagu, amount] of ROWS) {
      expect(state.lines[id]?.pagu, `line ${line}`).toBe(pagu);
      if (indicator) expect(state.contributions[indicator]?.[id], `line ${line}`).toBe(amount);
      else
        expect(findingsOf("UNATTRIBUTED_CONTRIBUTION").find((f) => f.line === line), `line ${line}`).toMatchObject({
          subject: id,
          message: { id: expect.stringContaining(formatRupiah(amount)), en: expect.stringContaining(formatRupiah(amount)) },
        });
    }
    const attributed = ROWS.filter(([, indicator]) => indicator !== null).length;
    expect(Object.values(state.contributions).reduce((n, row) => n + Object.keys(row).length, 0)).toBe(attributed);
  });

  it("keeps each amount attributed to no indicator with its line, as a field of the plan (not only in a finding)", () => {
    const unattributed = ROWS.filter(([, indicator]) => indicator === null);
    expect(unattributed.length).toBeGreaterThan(0);
    for (const [line, , id, , amount] of unattributed) expect(state.lines[id]?.unattributed, `line ${line}`).toBe(amount);
    const withAmount = Object.values(state.lines).filter((l) => l.unattributed !== undefined).map((l) => l.id);
    expect(withAmount).toEqual(unattributed.map(([, , id]) => id));
    expect(budgetSummary(state).unattributed).toBe(unattributed.reduce((sum, [, , , , amount]) => sum + amount, 0));
  });

  it("registers each budget line once, shared lines with the same pagu", () => {
    expect(Object.keys(state.lines).sort()).toEqual([...new Set(ROWS.map(([, , id]) => id))].sort());
    expect(state.contributions["09.01"]?.["WA.6384.EBA.994.001.A"]).toBe(1_161_696_500);
    expect(state.contributions["11.01"]?.["WA.6384.EBA.994.001.A"]).toBe(1_161_696_500);
    const registered = result.commands.filter((c) => c.type === "registerBudgetLine");
    expect(registered).toHaveLength(Object.keys(state.lines).length);
  });

  it("keeps names whole across page breaks: RO and komponen names joined or completed", () => {
    expect(state.lines["DR.3165.QIC.001.055.A"]?.output.name).toBe("Sarana Produksi Obat dan Makanan yang Diperiksa oleh UPT");
    expect(state.lines["DR.3165.QIC.001.055.A"]?.component.name).toBe(
      "Pengawasan sarana produksi obat, obat tradisional, kosmetika, NAPZA, prekursor, makanan dan bahan berbahaya",
    );
    for (const id of ["DR.3165.QCD.U61.055.A", "DR.3165.QCD.U61.055.E"])
      expect(state.lines[id]?.output.name).toBe("PERKARA DI BIDANG PENYIDIKAN OBAT DAN MAKANAN DI LOKA REJANG LEBONG");
    expect(state.lines["DR.3165.AEA.001.054.D"]?.output.name).toBe("Laporan Analisis Kejahatan Obat dan Makanan oleh UPT");
    expect(state.lines["DR.3165.AEA.001.054.D"]?.component.name).toBe("Koordinasi Lintas Sektor Kinerja Penindakan Obat dan Makanan");
  });

  it("states every ANGGARAN as the sum of its contributions, or reports the difference", () => {
    for (const [id, , , stated] of INDICATORS) {
      const visible = ROWS.filter(([, indicator]) => indicator === id).reduce((sum, [, , , , amount]) => sum + amount, 0);
      expect(indicatorBudget(state, IndicatorId.parse(id)), id).toBe(visible);
      const mismatch = findingsOf("BUDGET_MISMATCH").find((f) => f.subject === id);
      if (visible === stated) expect(mismatch, id).toBeUndefined();
      else for (const language of ["id", "en"] as const) expect(mismatch?.message[language], id).toContain(formatRupiah(stated - visible));
    }
    expect(findingsOf("BUDGET_MISMATCH").map((f) => f.subject)).toEqual(["01.07", "05.01", "09.03"]);
  });

  it("reports the objectives missing between display numbers 1., 3., 4., 5., 7., 8., 10.", () => {
    const messages = findingsOf("MISSING_OBJECTIVES").map((f) => f.message);
    expect(messages).toHaveLength(3);
    expect(messages.map((m) => m.en)).toEqual([
      "Line 46: The objective numbers jump to 3.: objective 2 is not in the source (missing pages).",
      "Line 115: The objective numbers jump to 7.: objective 6 is not in the source (missing pages).",
      "Line 128: The objective numbers jump to 10.: objective 9 is not in the source (missing pages).",
    ]);
    expect(messages.map((m) => m.id)).toEqual([
      "Baris 46: Nomor sasaran kegiatan melompat ke 3.: sasaran nomor 2 tidak ada dalam sumber (halamannya hilang).",
      "Baris 115: Nomor sasaran kegiatan melompat ke 7.: sasaran nomor 6 tidak ada dalam sumber (halamannya hilang).",
      "Baris 128: Nomor sasaran kegiatan melompat ke 10.: sasaran nomor 9 tidak ada dalam sumber (halamannya hilang).",
    ]);
  });

  it("reports exactly what the seed lacks, by line and subject", () => {
    expect(findings.map((f) => [f.code, f.line, f.subject])).toEqual(FINDINGS);
  });

  it("keeps core's invariants: the lines fit the Total and every line's contributions fit its pagu", () => {
    const pagu = Object.values(state.lines).reduce((sum, l) => sum + l.pagu, 0);
    expect(pagu).toBeLessThanOrEqual(4_801_300_000);
    expect(findingsOf("LINES_BELOW_CEILING")[0]?.message.en).toContain(formatRupiah(4_801_300_000 - pagu));
    for (const line of Object.values(state.lines)) {
      const given = Object.values(state.contributions).reduce((sum, row) => sum + (row[line.id] ?? 0), 0);
      expect(given, line.id).toBeLessThanOrEqual(line.pagu);
    }
  });
});
