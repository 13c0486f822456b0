import { type PlanState, achievement, budgetSummary, monthCode } from "@rapk/core";
import type { PrintLayout } from "../print/printLayout.js";
import { COLUMN } from "./columns.js";
import { FORMAT, type Sheet, type StyledRow, workbook } from "./excel.js";

// The budget rows sit under their indicator in the document's own columns (NO, RO, KOMPONEN,
// SUB KOMPONEN, ANGGARAN, KONTRIBUSI): codes as text, amounts as Rupiah.
const LINE_FORMATS = { 4: FORMAT.text, 5: FORMAT.text, 6: FORMAT.text, 7: FORMAT.rupiah, 8: FORMAT.rupiah };

function documentSheet(layout: PrintLayout): Sheet {
  const rows: StyledRow[] = layout.indicators.flatMap((row) => [
    { cells: [row.number, row.objective, row.indicator, ...row.targets, row.budget, row.derivedBudget], bold: true },
    ...row.lines.map((line): StyledRow => ({ cells: [null, null, line.number, line.output, line.component, line.subComponent, line.pagu, line.contribution], formats: LINE_FORMATS })),
  ]);
  return {
    name: "RAPK",
    columns: [
      { header: "NO.", width: 5 },
      { header: "SASARAN KEGIATAN", width: 40 },
      { header: "INDIKATOR KINERJA KEGIATAN", width: 44 },
      ...layout.months.map((m) => ({ header: m, width: 9, format: FORMAT.measure })),
      { header: "ANGGARAN", width: 18, format: FORMAT.rupiah },
      { header: "ANGGARAN DIHITUNG", width: 18, format: FORMAT.rupiah },
    ],
    rows: [...rows, { cells: [null, "Total", ...Array.from({ length: 13 }, () => null), layout.total, layout.derivedTotal], bold: true }],
  };
}

function budgetSheet(state: PlanState): Sheet {
  const summary = budgetSummary(state);
  const lines = summary.lines.map((l) => {
    const line = state.lines[l.id]!;
    return [l.id, `${line.output.code} - ${line.output.name}`, `${line.component.code} - ${line.component.name}`, `${line.subComponent.code} - ${line.subComponent.name}`, l.pagu, l.allocated, l.unallocated, l.spent, l.absorption];
  });
  return {
    name: "Anggaran",
    columns: [
      COLUMN.budgetLine,
      { header: "RO", width: 50 },
      { header: "KOMPONEN", width: 40 },
      { header: "SUB KOMPONEN", width: 40 },
      COLUMN.pagu,
      COLUMN.allocated,
      { header: "BELUM DIALOKASIKAN", width: 18, format: FORMAT.rupiah },
      COLUMN.spent,
      COLUMN.absorption,
    ],
    rows: [
      ...lines,
      { cells: ["Jumlah", null, null, null, summary.pagu, summary.allocated, summary.pagu - summary.allocated, summary.spent, summary.pagu === 0 ? null : summary.spent / summary.pagu], bold: true },
      { cells: ["Pagu total (Total)", null, null, null, summary.ceiling], bold: true },
    ],
  };
}

function achievementSheet(state: PlanState): Sheet {
  return {
    name: "Capaian",
    columns: [COLUMN.indicator, COLUMN.month, { header: "TARGET", width: 12, format: FORMAT.measure }, COLUMN.realisation, COLUMN.achievement, COLUMN.band],
    rows: achievement(state).flatMap((a) =>
      a.months.map((m) => [a.indicator, monthCode(m.month), m.target, m.realisation, m.achievement === null ? null : m.achievement / 100, m.band?.label.id ?? null]),
    ),
  };
}

/**
 * The plan as an .xlsx: the document's column layout (`RAPK`: NO, SASARAN KEGIATAN, INDIKATOR,
 * B01..B12, ANGGARAN, with each indicator's budget rows beneath), the budget summary
 * (`Anggaran`: per line pagu, allocated, unallocated, spent, absorption) and the achievement by
 * month (`Capaian`: per indicator and month target, realisation, achievement, band).
 */
export async function planWorkbook(state: PlanState, layout: PrintLayout): Promise<Uint8Array> {
  return workbook([documentSheet(layout), budgetSheet(state), achievementSheet(state)]);
}
