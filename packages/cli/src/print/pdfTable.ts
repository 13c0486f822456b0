import type { Signature } from "@rapk/core";
import { formatLongDate } from "@rapk/report";
import { type Column, drawRow, rowHeight } from "./pdfDocument.js";

const STYLE = { fontSize: 7, padding: 2.5 };
const HEADER = { bold: true, fill: "#e6e6e6" } as const;

/** A document being drawn page by page, and how far down the current page it is. */
export interface PdfPage {
  readonly doc: PDFKit.PDFDocument;
  y: number;
}

const bottom = (page: PdfPage) => page.doc.page.height - page.doc.page.margins.bottom - 14;
const width = (page: PdfPage) => page.doc.page.width - page.doc.page.margins.left - page.doc.page.margins.right;

function newPage(page: PdfPage): void {
  page.doc.addPage();
  page.y = page.doc.page.margins.top;
}

/** The title lines, centred, and the header block under them: label and value, one pair a line. */
export function headerBlock(page: PdfPage, titles: readonly string[], fields: readonly (readonly [string, string])[]): void {
  const { doc } = page;
  const left = doc.page.margins.left;
  doc.font("Helvetica-Bold").fontSize(10).fillColor("#000");
  for (const line of titles) {
    doc.text(line, left, page.y, { width: width(page), align: "center" });
    page.y = doc.y;
  }
  page.y += 6;
  doc.fontSize(8);
  for (const [label, value] of fields) {
    doc.font("Helvetica-Bold").text(label, left, page.y, { width: 90, lineBreak: false });
    doc.font("Helvetica").text(`: ${value}`, left + 90, page.y, { width: width(page) - 90 });
    page.y = doc.y + 1;
  }
  page.y += 8;
}

/**
 * A table under its heading, breaking across pages with its header repeated. No page holds a lone
 * row: the heading, header and first two rows start together, and the last row never goes onto
 * a page alone (the one before it goes with it); `keepWithLast` is room kept under the last rows
 * (a signature block) so that it does not stand on a page of its own either.
 */
export function drawTable(page: PdfPage, heading: string, columns: readonly Column[], header: readonly string[], rows: readonly (readonly string[])[], options: { keepWithLast?: number } = {}): void {
  const { doc } = page;
  const left = doc.page.margins.left;
  const th = rowHeight(doc, columns, header, STYLE, true);
  const heights = rows.map((row) => rowHeight(doc, columns, row, STYLE));
  const after = options.keepWithLast ?? 0;
  const start = 14 + th + (heights[0] ?? 0) + (heights[1] ?? 0) + (rows.length <= 2 ? after : 0);
  if (page.y + start > bottom(page)) newPage(page);
  doc.font("Helvetica-Bold").fontSize(8.5).fillColor("#000").text(heading, left, page.y);
  page.y = doc.y + 3;
  drawRow(doc, left, page.y, columns, header, th, STYLE, HEADER);
  page.y += th;
  rows.forEach((row, i) => {
    const rest = i === rows.length - 2 ? heights[i]! + heights[i + 1]! + after : i === rows.length - 1 ? heights[i]! + after : heights[i]!;
    // Break here when this row does not fit, or when the last two rows (and what is kept with them) would be split.
    if (page.y + heights[i]! > bottom(page) || (i === rows.length - 2 && i > 0 && page.y + rest > bottom(page))) {
      newPage(page);
      drawRow(doc, left, page.y, columns, header, th, STYLE, HEADER);
      page.y += th;
    }
    drawRow(doc, left, page.y, columns, row, heights[i]!, STYLE);
    page.y += heights[i]!;
  });
  page.y += 10;
}

/** The signature block at the right, as the plan is signed: place and date, the head's title, room to sign, the name. */
export function drawSignature(page: PdfPage, signature: Signature | null, date: string): void {
  if (signature === null) return;
  const { doc } = page;
  const blockWidth = 260;
  const x = doc.page.margins.left + width(page) - blockWidth;
  if (page.y + 96 > bottom(page)) newPage(page);
  doc.font("Helvetica").fontSize(8).fillColor("#000");
  const day = date === "" ? formatLongDate(signature.date) : formatLongDate(date);
  doc.text(`${signature.place}, ${day}`, x, page.y, { width: blockWidth, align: "center" });
  doc.text(signature.title, x, doc.y + 2, { width: blockWidth, align: "center" });
  doc.font("Helvetica-Bold").text(signature.name ?? "", x, doc.y + 44, { width: blockWidth, align: "center", underline: signature.name !== null });
  page.y = doc.y + 8;
}
