import { type PlanState, achievement, budgetSummary, monthCode } from "@rapk/core";
import type { PrintLayout } from "../print/printLayout.js";
import { FORMAT, type Worksheet, addSheet, newWorkbook, workbookBytes } from "./excel.js";

function documentSheet(sheet: Worksheet, layout: PrintLayout): void {
  for (const row of layout.indicators) {
    const added = sheet.addRow([row.number, row.objective, row.indicator, ...row.targets, row.budget, row.derivedBudget]);
    added.font = { bold: true };
    // The budget rows sit under the indicator in the document's own columns (NO, RO, KOMPONEN, SUB KOMPONEN, ANGGARAN, KONTRIBUSI).
    for (const line of row.lines) {
      const r = sheet.addRow([null, null, line.number, line.output, line.component, line.subComponent, line.pagu, line.contribution]);
      for (const column of [4, 5, 6]) r.getCell(column).numFmt = FORMAT.text;
      for (const column of [7, 8]) r.getCell(column).numFmt = FORMAT.rupiah;
    }
  }
  const total = sheet.addRow([null, "Total", ...Array.from({ length: 13 }, () => null), layout.total, layout.derivedTotal]);
  total.font = { bold: true };
}

/**
 * The plan as an .xlsx: the document's column layout (`RAPK`: NO, SASARAN KEGIATAN, INDIKATOR,
 * B01..B12, ANGGARAN, with each indicator's budget rows beneath), the budget summary
 * (`Anggaran`: per line pagu, allocated, unallocated, spent, absorption) and the achievement by
 * month (`Capaian`: per indicator and month target, realisation, achievement, band).
 */
export async function planWorkbook(state: PlanState, layout: PrintLayout): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const document = addSheet(workbook, "RAPK", [
    { header: "NO.", width: 5 },
    { header: "SASARAN KEGIATAN", width: 40 },
    { header: "INDIKATOR KINERJA KEGIATAN", width: 44 },
    ...layout.months.map((m) => ({ header: m, width: 9, format: FORMAT.measure })),
    { header: "ANGGARAN", width: 18, format: FORMAT.rupiah },
    { header: "ANGGARAN DIHITUNG", width: 18, format: FORMAT.rupiah },
  ]);
  documentSheet(document, layout);

  const summary = budgetSummary(state);
  const budget = addSheet(workbook, "Anggaran", [
    { header: "BARIS ANGGARAN", width: 26 },
    { header: "RO", width: 50 },
    { header: "KOMPONEN", width: 40 },
    { header: "SUB KOMPONEN", width: 40 },
    { header: "PAGU", width: 18, format: FORMAT.rupiah },
    { header: "DIALOKASIKAN", width: 18, format: FORMAT.rupiah },
    { header: "BELUM DIALOKASIKAN", width: 18, format: FORMAT.rupiah },
    { header: "REALISASI", width: 18, format: FORMAT.rupiah },
    { header: "PENYERAPAN", width: 12, format: FORMAT.percent },
  ]);
  for (const l of summary.lines) {
    const line = state.lines[l.id]!;
    budget.addRow([l.id, `${line.output.code} - ${line.output.name}`, `${line.component.code} - ${line.component.name}`, `${line.subComponent.code} - ${line.subComponent.name}`, l.pagu, l.allocated, l.unallocated, l.spent, l.absorption]);
  }
  budget.addRow(["Jumlah", null, null, null, summary.pagu, summary.allocated, summary.pagu - summary.allocated, summary.spent, summary.pagu === 0 ? null : summary.spent / summary.pagu]).font = { bold: true };
  budget.addRow(["Pagu total (Total)", null, null, null, summary.ceiling]).font = { bold: true };

  const monthly = addSheet(workbook, "Capaian", [
    { header: "INDIKATOR", width: 10 },
    { header: "BULAN", width: 8 },
    { header: "TARGET", width: 12, format: FORMAT.measure },
    { header: "REALISASI", width: 12, format: FORMAT.measure },
    { header: "CAPAIAN", width: 11, format: FORMAT.percent },
    { header: "KATEGORI", width: 24 },
  ]);
  for (const a of achievement(state))
    for (const m of a.months) monthly.addRow([a.indicator, monthCode(m.month), m.target, m.realisation, m.achievement === null ? null : m.achievement / 100, m.band?.label.id ?? null]);
  return workbookBytes(workbook);
}
