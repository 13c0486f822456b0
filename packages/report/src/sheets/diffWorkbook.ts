import type { PlanDiff } from "@rapk/history";
import { diffRows } from "./diffRows.js";
import { FORMAT, type StyledRow, workbook } from "./excel.js";

/** The changes between two plans as an .xlsx: one row per change (kind, subject, before, after, change). */
export async function diffWorkbook(diff: PlanDiff, label: string): Promise<Uint8Array> {
  const changes = diffRows(diff).map((row): StyledRow => {
    const format = row.format === "rupiah" ? FORMAT.rupiah : row.format === "measure" ? FORMAT.measure : undefined;
    return { cells: [row.kind, row.subject, row.before, row.after, row.change], ...(format ? { formats: { 3: format, 4: format, 5: format } } : {}) };
  });
  return workbook([
    {
      name: "Perubahan",
      columns: [
        { header: "JENIS", width: 22 },
        { header: "SUBJEK", width: 44 },
        { header: "SEBELUM", width: 22 },
        { header: "SESUDAH", width: 22 },
        { header: "PERUBAHAN", width: 18 },
      ],
      rows: changes,
    },
    {
      name: "Tentang",
      columns: [{ header: "PERBANDINGAN", width: 100 }],
      rows: [[label], [`${diff.changes.length} perubahan; Rupiah berpindah antar baris anggaran: ${diff.summary.rupiahMoved}`]],
    },
  ]);
}
