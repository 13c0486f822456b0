import { monthCode } from "@rapk/core";
import type { QuarterReport } from "../quarter/quarterReport.js";
import { COLUMN } from "./columns.js";
import { FORMAT, workbook } from "./excel.js";

const ratio = (percent: number | null) => (percent === null ? null : percent / 100);

/**
 * The quarterly report as an .xlsx: achievement per indicator, absorption per budget line,
 * and the quarter's notes (hambatan, rencana tindak lanjut). Percentages are ratios shown as %.
 */
export async function quarterWorkbook(report: QuarterReport): Promise<Uint8Array> {
  const tw = `TW${report.quarter}`;
  const last = monthCode(report.months[2]);
  const { budget } = report;
  return workbook([
    {
      name: `Capaian ${tw}`,
      columns: [
        COLUMN.indicator,
        { header: "NAMA", width: 60 },
        { header: `TARGET ${last}`, width: 12, format: FORMAT.measure },
        COLUMN.realisation,
        COLUMN.achievement,
        COLUMN.band,
        { header: "TARGET TAHUNAN", width: 14, format: FORMAT.measure },
        { header: "CAPAIAN TAHUNAN", width: 14, format: FORMAT.percent },
      ],
      rows: report.indicators.map((i) => [i.id, i.name, i.target, i.realisation, ratio(i.achievement), i.band?.label.id ?? null, i.annualTarget, ratio(i.annualAchievement)]),
    },
    {
      name: `Anggaran ${tw}`,
      columns: [
        COLUMN.budgetLine,
        COLUMN.pagu,
        { header: `REALISASI ${tw}`, width: 18, format: FORMAT.rupiah },
        { header: `REALISASI S.D. ${last}`, width: 20, format: FORMAT.rupiah },
        COLUMN.absorption,
      ],
      rows: [
        ...report.lines.map((l) => [l.id, l.pagu, l.spentInQuarter, l.spent, l.absorption]),
        { cells: ["Jumlah", budget.pagu, budget.spentInQuarter, budget.spent, budget.absorption], bold: true },
      ],
    },
    {
      name: "Catatan",
      columns: [COLUMN.indicator, COLUMN.month, { header: "CATATAN", width: 40 }, { header: "HAMBATAN", width: 40 }, { header: "RENCANA TINDAK LANJUT", width: 40 }],
      rows: report.notes.map((n) => [n.indicator, monthCode(n.month), n.note ?? null, n.obstacles ?? null, n.followUp ?? null]),
    },
  ]);
}
