import { type Column, FORMAT } from "./excel.js";

/**
 * The columns that several workbooks share, defined once so that a PAGU or a PENYERAPAN column
 * reads the same in the plan, the quarterly report and the roll-up.
 */
export const COLUMN = Object.freeze({
  budgetLine: { header: "BARIS ANGGARAN", width: 26 },
  pagu: { header: "PAGU", width: 18, format: FORMAT.rupiah },
  allocated: { header: "DIALOKASIKAN", width: 18, format: FORMAT.rupiah },
  spent: { header: "REALISASI", width: 18, format: FORMAT.rupiah },
  absorption: { header: "PENYERAPAN", width: 12, format: FORMAT.percent },
  indicator: { header: "INDIKATOR", width: 10 },
  month: { header: "BULAN", width: 8 },
  realisation: { header: "REALISASI", width: 12, format: FORMAT.measure },
  achievement: { header: "CAPAIAN", width: 11, format: FORMAT.percent },
  band: { header: "KATEGORI", width: 24 },
} satisfies Record<string, Column>);
