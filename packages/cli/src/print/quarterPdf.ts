import type { Language } from "@rapk/core";
import { type PrintProvenance, type QuarterReport, type QuarterTable, footerText, quarterTables } from "@rapk/report";
import { pdfDocument, stampFooters } from "./pdfDocument.js";
import { type PdfPage, drawSignature, drawTable, headerBlock } from "./pdfTable.js";

/**
 * The quarterly report as PDF bytes (A4 landscape), as the centre takes it: the header block
 * (unit, quarter, version, effective date); per indicator its unit, target, three months with
 * numerator and denominator, the figure at the quarter's end, achievement and band; per budget
 * line its name, the indicators it serves, pagu and spending; absorption against the DIPA
 * ceiling and against the itemised lines; the notes; the signatory. Every heading in `language`.
 */
export async function quarterPdf(report: QuarterReport, provenance: PrintProvenance, language: Language = "id"): Promise<Uint8Array> {
  // The text of every table is the report package's (the viewer prints the same); this lays it out.
  const tables = quarterTables(report, provenance, language);
  const { doc, finish } = pdfDocument({ title: `${tables.title} ${report.unit}`, subject: footerText(provenance) });
  const page: PdfPage = { doc, y: doc.page.margins.top };
  headerBlock(page, [tables.title, report.unit.toUpperCase()], tables.header);
  const draw = (table: QuarterTable, options: { keepWithLast?: number } = {}) => drawTable(page, table.heading, table.columns, table.head, table.rows, options);
  draw(tables.achievement);
  draw(tables.lines);
  draw(tables.absorption);
  draw(tables.notes, { keepWithLast: SIGNATURE_HEIGHT });
  drawSignature(page, report.signature, provenance.effectiveAt);
  stampFooters(doc, footerText(provenance));
  return finish();
}

/** The height the signature block takes under the last table. */
export const SIGNATURE_HEIGHT = 96;
