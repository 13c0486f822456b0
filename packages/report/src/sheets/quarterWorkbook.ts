import { monthCode } from "@rapk/core";
import type { QuarterReport } from "../quarter/quarterReport.js";
import { FORMAT, addSheet, newWorkbook, workbookBytes } from "./excel.js";

const ratio = (percent: number | null) => (percent === null ? null : percent / 100);

/**
 * The quarterly report as an .xlsx: achievement per indicator, absorption per budget line,
 * and the quarter's notes (hambatan, rencana tindak lanjut). Percentages are ratios shown as %.
 */
export async function quarterWorkbook(report: QuarterReport): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const tw = `TW${report.quarter}`;
  const achievement = addSheet(workbook, `Capaian ${tw}`, [
    { header: "INDIKATOR", width: 10 },
    { header: "NAMA", width: 60 },
    { header: `TARGET ${monthCode(report.months[2])}`, width: 12, format: FORMAT.measure },
    { header: "REALISASI", width: 12, format: FORMAT.measure },
    { header: "CAPAIAN", width: 11, format: FORMAT.percent },
    { header: "KATEGORI", width: 24 },
    { header: "TARGET TAHUNAN", width: 14, format: FORMAT.measure },
    { header: "CAPAIAN TAHUNAN", width: 14, format: FORMAT.percent },
  ]);
  for (const i of report.indicators)
    achievement.addRow([i.id, i.name, i.target, i.realisation, ratio(i.achievement), i.band?.label.id ?? null, i.annualTarget, ratio(i.annualAchievement)]);

  const budget = addSheet(workbook, `Anggaran ${tw}`, [
    { header: "BARIS ANGGARAN", width: 26 },
    { header: "PAGU", width: 18, format: FORMAT.rupiah },
    { header: `REALISASI ${tw}`, width: 18, format: FORMAT.rupiah },
    { header: `REALISASI S.D. ${monthCode(report.months[2])}`, width: 20, format: FORMAT.rupiah },
    { header: "PENYERAPAN", width: 12, format: FORMAT.percent },
  ]);
  for (const l of report.lines) budget.addRow([l.id, l.pagu, l.spentInQuarter, l.spent, l.absorption]);
  const total = budget.addRow(["Jumlah", report.budget.pagu, report.budget.spentInQuarter, report.budget.spent, report.budget.absorption]);
  total.font = { bold: true };

  const notes = addSheet(workbook, "Catatan", [
    { header: "INDIKATOR", width: 10 },
    { header: "BULAN", width: 8 },
    { header: "CATATAN", width: 40 },
    { header: "HAMBATAN", width: 40 },
    { header: "RENCANA TINDAK LANJUT", width: 40 },
  ]);
  for (const n of report.notes) notes.addRow([n.indicator, monthCode(n.month), n.note ?? null, n.obstacles ?? null, n.followUp ?? null]);
  return workbookBytes(workbook);
}
