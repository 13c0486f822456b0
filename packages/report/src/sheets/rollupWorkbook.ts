import { BPOM_BANDS, monthCode } from "@rapk/core";
import { COLUMN } from "./columns.js";
import { FORMAT, workbook } from "./excel.js";

/** One plan's figures in a roll-up across plans (the rows `rapk rollup` prints). */
export interface RollupFigures {
  readonly ceiling: number;
  readonly pagu: number;
  readonly allocated: number;
  readonly spent: number;
  /** spent / pagu, a ratio; null when the pagu is 0. */
  readonly absorption: number | null;
  /** Indicators per band id in the plan's latest reported month. */
  readonly bands: Readonly<Record<string, number>>;
  readonly unrated: number;
}

export interface RollupPlanRow extends RollupFigures {
  readonly plan: string;
  readonly unit: string | null;
  readonly year: number | null;
  readonly version: number;
  readonly latestMonth: number | null;
}

/**
 * The roll-up across plans as an .xlsx (sheet `Rekap`): per plan the ceiling, pagu, allocated,
 * spent (Rupiah as numbers), absorption (a ratio as %), and the indicators in each BPOM band;
 * the totals last.
 */
export async function rollupWorkbook(rows: readonly RollupPlanRow[], totals: RollupFigures & { readonly plans: number }): Promise<Uint8Array> {
  const figures = (r: RollupFigures) => [r.ceiling, r.pagu, r.allocated, r.spent, r.absorption];
  const bands = (r: RollupFigures) => [...BPOM_BANDS.map((band) => r.bands[band.id] ?? 0), r.unrated];
  return workbook([
    {
      name: "Rekap",
      columns: [
        { header: "RENCANA", width: 32 },
        { header: "UNIT", width: 40 },
        { header: "TAHUN", width: 8 },
        { header: "VERSI", width: 7 },
        { header: "PAGU TOTAL", width: 18, format: FORMAT.rupiah },
        { header: "PAGU BARIS", width: 18, format: FORMAT.rupiah },
        COLUMN.allocated,
        COLUMN.spent,
        COLUMN.absorption,
        COLUMN.month,
        ...BPOM_BANDS.map((band) => ({ header: band.label.id.toUpperCase(), width: 12 })),
        { header: "TANPA CAPAIAN", width: 12 },
      ],
      rows: [
        ...rows.map((r) => [r.plan, r.unit, r.year, r.version, ...figures(r), r.latestMonth === null ? null : monthCode(r.latestMonth), ...bands(r)]),
        { cells: ["Jumlah", `${totals.plans} rencana`, null, null, ...figures(totals), null, ...bands(totals)], bold: true },
      ],
    },
  ]);
}
