import { formatMeasure } from "@rapk/core";
import { type PrintLayout, footerText, formatAmount } from "@rapk/report";
import { type Column, drawRow, pdfDocument, rowHeight, stampFooters } from "./pdfDocument.js";

const STYLE = { fontSize: 6.5, padding: 2 };
const MONTH = 31;
// NO. | SASARAN KEGIATAN | INDIKATOR KINERJA KEGIATAN | B01..B12 | ANGGARAN: 786 pt, A4 landscape less margins.
const OUTER: Column[] = [{ width: 18 }, { width: 140 }, { width: 178 }, ...Array.from({ length: 12 }, () => ({ width: MONTH, align: "right" as const })), { width: 78, align: "right" }];
// Under the indicator: NO | RO | KOMPONEN | SUB KOMPONEN | ANGGARAN | KONTRIBUSI, from the INDIKATOR column on.
const LINES_X = 18 + 140;
const LINES: Column[] = [{ width: 18 }, { width: 200 }, { width: 170 }, { width: 110 }, { width: 65, align: "right" }, { width: 65, align: "right" }];
const LINE_HEADER = ["NO", "RO", "KOMPONEN", "SUB KOMPONEN", "ANGGARAN", "KONTRIBUSI"];
const GREY = "#e6e6e6";
const LIGHT = "#f4f4f4";

/**
 * The printed RAPK as PDF bytes: the same layout as the HTML (`printHtml`), drawn with pdfkit on
 * A4 landscape pages. The table's header repeats on every page (and the budget rows' header
 * when an indicator's rows run over a page); the footer of every page carries the version, its
 * effective date and the log's head hash, and the page number.
 */
export async function printPdf(layout: PrintLayout): Promise<Uint8Array> {
  const { doc, finish } = pdfDocument({ title: layout.title.join(" "), subject: footerText(layout.provenance) });
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 14;
  let y = doc.page.margins.top;

  const title = () => {
    doc.font("Helvetica-Bold").fontSize(10).fillColor("#000");
    for (const line of layout.title) {
      doc.text(line, left, y, { width: doc.page.width - 2 * left, align: "center" });
      y = doc.y;
    }
    if (layout.revision !== null) {
      doc.font("Helvetica").fontSize(9).text(layout.revision, left, y + 2, { width: doc.page.width - 2 * left, align: "center" });
      doc.font("Helvetica-Bold").fontSize(10);
      y = doc.y;
    }
    y += 8;
  };
  const tableHeader = () => {
    const top = ["NO.", "SASARAN KEGIATAN", "INDIKATOR KINERJA KEGIATAN"];
    const cells = [...top, ...layout.months, "ANGGARAN"];
    const h = rowHeight(doc, OUTER, cells, STYLE, true);
    // One band "TARGET" above the months, as the document has it.
    const monthsX = left + 18 + 140 + 178;
    doc.rect(monthsX, y, MONTH * 12, h).fillColor(GREY).fill();
    doc.rect(monthsX, y, MONTH * 12, h).lineWidth(0.5).strokeColor("#000").stroke();
    doc.fillColor("#000").font("Helvetica-Bold").fontSize(STYLE.fontSize).text("TARGET", monthsX, y + STYLE.padding, { width: MONTH * 12, align: "center" });
    drawRow(doc, left, y + h, OUTER, cells.map((c, i) => (i < 3 || i === cells.length - 1 ? "" : c)), h, STYLE, { bold: true, fill: GREY });
    // The first three columns and ANGGARAN span both header rows.
    const spanning: [number, number][] = [
      [0, 0],
      [1, 18],
      [2, 18 + 140],
      [cells.length - 1, 18 + 140 + 178 + MONTH * 12],
    ];
    for (const [i, offset] of spanning) {
      const column = OUTER[i]!;
      doc.rect(left + offset, y, column.width, 2 * h).fillColor(GREY).fill();
      doc.rect(left + offset, y, column.width, 2 * h).lineWidth(0.5).strokeColor("#000").stroke();
      doc.fillColor("#000").font("Helvetica-Bold").fontSize(STYLE.fontSize).text(cells[i]!, left + offset + STYLE.padding, y + STYLE.padding, { width: column.width - 2 * STYLE.padding, align: "center" });
    }
    y += 2 * h;
  };
  const newPage = () => {
    doc.addPage();
    y = doc.page.margins.top;
    tableHeader();
  };
  const ensure = (height: number, again?: () => void) => {
    if (y + height <= bottom()) return;
    newPage();
    again?.();
  };
  const lineHeader = () => {
    const h = rowHeight(doc, LINES, LINE_HEADER, STYLE, true);
    drawRow(doc, left + LINES_X, y, LINES, LINE_HEADER, h, STYLE, { bold: true, fill: LIGHT });
    y += h;
  };

  title();
  tableHeader();
  // An indicator's row, or the row of what no indicator has, with its budget rows beneath.
  const documentRow = (cells: string[], lines: PrintLayout["indicators"][number]["lines"]) => {
    const h = rowHeight(doc, OUTER, cells, STYLE);
    const linesHeader = lines.length > 0 ? rowHeight(doc, LINES, LINE_HEADER, STYLE, true) : 0;
    // An indicator is not left alone at a page's foot: its row, the budget rows' header and a first row go together.
    ensure(h + linesHeader + (lines.length > 0 ? 14 : 0));
    drawRow(doc, left, y, OUTER, cells, h, STYLE);
    y += h;
    if (lines.length === 0) return;
    lineHeader();
    for (const line of lines) {
      const lineCells = [line.number, line.output, line.component, line.subComponent, formatAmount(line.pagu), formatAmount(line.contribution)];
      const lh = rowHeight(doc, LINES, lineCells, STYLE);
      ensure(lh, lineHeader);
      drawRow(doc, left + LINES_X, y, LINES, lineCells, lh, STYLE);
      y += lh;
    }
  };
  for (const row of layout.indicators) {
    const budget = formatAmount(row.budget) + (row.derivedBudget === null ? "" : `\ndihitung ${formatAmount(row.derivedBudget)}`);
    documentRow([row.number ?? "", row.objective ?? "", row.indicator, ...row.targets.map((value) => formatMeasure(value)), budget], row.lines);
  }
  const unattributed = layout.unattributed;
  if (unattributed) documentRow(["", "", unattributed.label, ...layout.months.map(() => ""), formatAmount(unattributed.amount)], unattributed.lines);
  const totalCells = ["Total", formatAmount(layout.total) + (layout.derivedTotal === null ? "" : `\npagu tercatat ${formatAmount(layout.derivedTotal)}`)];
  const totalColumns: Column[] = [{ width: OUTER.slice(0, -1).reduce((s, c) => s + c.width, 0), align: "right" }, OUTER[OUTER.length - 1]!];
  const th = rowHeight(doc, totalColumns, totalCells, STYLE, true);
  ensure(th);
  drawRow(doc, left, y, totalColumns, totalCells, th, STYLE, { bold: true });
  y += th;

  if (layout.placeAndDate !== null) {
    const block = 80;
    if (y + 16 + block > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    const width = 300;
    const x = doc.page.width - doc.page.margins.right - width;
    doc.font("Helvetica").fontSize(8).fillColor("#000");
    y += 16;
    doc.text(layout.placeAndDate, x, y, { width, align: "center" });
    doc.text(layout.signatoryTitle ?? "", x, doc.y + 2, { width, align: "center" });
    doc.font("Helvetica-Bold").text(layout.signatoryName ?? "", x, doc.y + 44, { width, align: "center" });
  }

  stampFooters(doc, footerText(layout.provenance));
  return finish();
}
