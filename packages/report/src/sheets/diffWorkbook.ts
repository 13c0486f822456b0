import type { PlanDiff } from "@rapk/history";
import { diffRows } from "./diffRows.js";
import { FORMAT, addSheet, newWorkbook, workbookBytes } from "./excel.js";

/** The changes between two plans as an .xlsx: one row per change (kind, subject, before, after, change). */
export async function diffWorkbook(diff: PlanDiff, label: string): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const sheet = addSheet(workbook, "Perubahan", [
    { header: "JENIS", width: 22 },
    { header: "SUBJEK", width: 44 },
    { header: "SEBELUM", width: 22 },
    { header: "SESUDAH", width: 22 },
    { header: "PERUBAHAN", width: 18 },
  ]);
  for (const row of diffRows(diff)) {
    const added = sheet.addRow([row.kind, row.subject, row.before, row.after, row.change]);
    const format = row.format === "rupiah" ? FORMAT.rupiah : row.format === "measure" ? FORMAT.measure : undefined;
    if (format) for (const column of [3, 4, 5]) added.getCell(column).numFmt = format;
  }
  const about = addSheet(workbook, "Tentang", [{ header: "PERBANDINGAN", width: 100 }]);
  about.addRow([label]);
  about.addRow([`${diff.changes.length} perubahan; Rupiah berpindah antar baris anggaran: ${diff.summary.rupiahMoved}`]);
  return workbookBytes(workbook);
}
