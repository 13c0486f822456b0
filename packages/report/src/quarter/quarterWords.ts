import { formatMeasure } from "@rapk/core";
import type { Language } from "@rapk/core";

const ROMAN = ["I", "II", "III", "IV"] as const;

/** Triwulan in Roman numerals, as the centre's forms write it: 2 -> `II`. */
export const romanQuarter = (quarter: number): string => ROMAN[quarter - 1] ?? String(quarter);

/**
 * Every heading of the quarterly and yearly reports, in the report's language: with `id` the
 * whole document is Indonesian (the centre's form); with `en` the headings are English and the
 * document's own terms (pagu, DIPA, capaian) stay beside them.
 */
export const REPORT_WORDS = {
  id: {
    quarterTitle: (q: number, year: number | null) => `LAPORAN KINERJA TRIWULAN ${romanQuarter(q)}${year === null ? "" : ` TAHUN ${year}`}`,
    yearTitle: (year: number | null) => `LAPORAN KINERJA TAHUNAN${year === null ? "" : ` TAHUN ${year}`}`,
    unit: "Unit kerja",
    quarter: "Triwulan",
    year: "Tahun anggaran",
    version: "Versi",
    effective: "Berlaku sejak",
    achievementHeading: "Capaian kinerja",
    no: "KODE",
    indicator: "INDIKATOR KINERJA KEGIATAN",
    measureUnit: "SATUAN",
    target: (code: string) => `TARGET ${code}`,
    realisation: (code: string) => `REALISASI ${code}`,
    ratio: "pembilang/penyebut",
    cumulative: (code: string) => `KUMULATIF S.D. ${code}`,
    achievement: "CAPAIAN",
    band: "KATEGORI",
    annualTarget: "TARGET TAHUNAN",
    annualAchievement: "CAPAIAN TAHUNAN",
    budgetHeading: (month: string) => `Penyerapan anggaran s.d. ${month}`,
    line: "KODE BARIS",
    lineName: "RO / KOMPONEN / SUB KOMPONEN",
    serves: "INDIKATOR",
    pagu: "PAGU",
    spentInQuarter: (q: number) => `REALISASI TW ${romanQuarter(q)}`,
    spentThrough: (code: string) => `REALISASI S.D. ${code}`,
    spentInYear: "REALISASI TAHUN",
    absorption: "PENYERAPAN",
    total: "Jumlah baris anggaran",
    againstCeiling: (ceiling: string) => `Penyerapan terhadap pagu DIPA (Rp${ceiling})`,
    againstLines: (pagu: string) => `Penyerapan terhadap pagu baris anggaran yang dirinci (Rp${pagu})`,
    notItemised: (gap: string, ceiling: string) => `Rp${gap} dari pagu DIPA Rp${ceiling} tidak dirinci dalam baris anggaran rencana ini.`,
    notesHeading: "Catatan, hambatan dan rencana tindak lanjut",
    subject: "KODE",
    month: "BULAN",
    note: "CATATAN",
    obstacles: "HAMBATAN",
    followUp: "RENCANA TINDAK LANJUT",
    noNotes: "tidak ada catatan",
    objective: "SASARAN KEGIATAN",
    none: "tidak ada",
  },
  en: {
    quarterTitle: (q: number, year: number | null) => `QUARTERLY PERFORMANCE REPORT, QUARTER ${romanQuarter(q)}${year === null ? "" : ` ${year}`} (laporan kinerja triwulan)`,
    yearTitle: (year: number | null) => `YEARLY PERFORMANCE REPORT${year === null ? "" : ` ${year}`} (laporan kinerja tahunan)`,
    unit: "Unit",
    quarter: "Quarter",
    year: "Fiscal year",
    version: "Version",
    effective: "In force from",
    achievementHeading: "Achievement (capaian)",
    no: "CODE",
    indicator: "INDICATOR",
    measureUnit: "UNIT",
    target: (code: string) => `TARGET ${code}`,
    realisation: (code: string) => `REALISATION ${code}`,
    ratio: "numerator/denominator",
    cumulative: (code: string) => `CUMULATIVE TO ${code}`,
    achievement: "ACHIEVEMENT",
    band: "BAND",
    annualTarget: "YEAR'S TARGET",
    annualAchievement: "OF YEAR'S TARGET",
    budgetHeading: (month: string) => `Budget absorption (penyerapan) through ${month}`,
    line: "BUDGET LINE",
    lineName: "RO / KOMPONEN / SUB KOMPONEN",
    serves: "SERVES",
    pagu: "PAGU",
    spentInQuarter: (q: number) => `SPENT IN Q${q}`,
    spentThrough: (code: string) => `SPENT TO ${code}`,
    spentInYear: "SPENT IN THE YEAR",
    absorption: "ABSORPTION",
    total: "All budget lines",
    againstCeiling: (ceiling: string) => `Absorption against the DIPA ceiling (Rp${ceiling})`,
    againstLines: (pagu: string) => `Absorption against the itemised budget lines (Rp${pagu})`,
    notItemised: (gap: string, ceiling: string) => `Rp${gap} of the DIPA ceiling Rp${ceiling} is not itemised in this plan's budget lines.`,
    notesHeading: "Notes, obstacles (hambatan) and follow-up (rencana tindak lanjut)",
    subject: "CODE",
    month: "MONTH",
    note: "NOTE",
    obstacles: "OBSTACLES",
    followUp: "FOLLOW-UP",
    noNotes: "no notes reported",
    objective: "OBJECTIVE",
    none: "none",
  },
} as const satisfies Record<Language, Record<string, unknown>>;

export type ReportWords = (typeof REPORT_WORDS)[Language];

const UNIT_NAMES: Record<Language, Record<string, string>> = {
  id: { percent: "%", level: "level", index: "indeks", score: "nilai", count: "jumlah" },
  en: { percent: "%", level: "level", index: "index", score: "score", count: "count" },
};

/** An indicator's unit as the report prints it: `%`, `indeks`, ... */
export const measureUnitName = (unit: string, language: Language): string => UNIT_NAMES[language][unit] ?? unit;

/** A month's realisation with what it was counted from: `91,07 (51/56)`; blank when nothing was reported. */
export function monthFigure(m: { readonly realisation: number | null; readonly numerator: number | null; readonly denominator: number | null }): string {
  if (m.realisation === null) return "";
  return m.numerator === null || m.denominator === null ? formatMeasure(m.realisation) : `${formatMeasure(m.realisation)} (${formatMeasure(m.numerator)}/${formatMeasure(m.denominator)})`;
}
