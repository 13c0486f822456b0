import { monthCode, monthName } from "@rapk/core";
import { type PrintProvenance, type QuarterReport, footerText, formatAmount, formatMeasure, formatPercentage } from "@rapk/report";
import { type Column, drawRow, pdfDocument, rowHeight, stampFooters } from "./pdfDocument.js";

const STYLE = { fontSize: 7, padding: 2.5 };
const pct = (ratio: number | null) => formatPercentage(ratio === null ? null : ratio * 100);

/** The quarterly report as PDF bytes (A4 landscape): achievement, absorption, notes; the footer names the version and head hash. */
export async function quarterPdf(report: QuarterReport, provenance: PrintProvenance): Promise<Uint8Array> {
  const [first, , last] = report.months;
  const title = `LAPORAN KINERJA TRIWULAN ${["I", "II", "III", "IV"][report.quarter - 1]} TAHUN ${report.year ?? ""}`.trim();
  const { doc, finish } = pdfDocument({ title: `${title} ${report.unit}`, subject: footerText(provenance) });
  const left = doc.page.margins.left;
  const width = doc.page.width - 2 * left;
  let y = doc.page.margins.top;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 14;

  doc.font("Helvetica-Bold").fontSize(10).fillColor("#000");
  for (const line of [title, report.unit, `${monthName(first, "id")} - ${monthName(last, "id")}`]) {
    doc.text(line, left, y, { width, align: "center" });
    y = doc.y;
  }
  y += 8;

  const table = (heading: string, columns: Column[], header: string[], rows: string[][]) => {
    const th = rowHeight(doc, columns, header, STYLE, true);
    if (y + 14 + 2 * th > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    doc.font("Helvetica-Bold").fontSize(8.5).fillColor("#000").text(heading, left, y);
    y = doc.y + 3;
    drawRow(doc, left, y, columns, header, th, STYLE, { bold: true, fill: "#e6e6e6" });
    y += th;
    for (const row of rows) {
      const h = rowHeight(doc, columns, row, STYLE);
      if (y + h > bottom()) {
        doc.addPage();
        y = doc.page.margins.top;
        drawRow(doc, left, y, columns, header, th, STYLE, { bold: true, fill: "#e6e6e6" });
        y += th;
      }
      drawRow(doc, left, y, columns, row, h, STYLE);
      y += h;
    }
    y += 10;
  };

  table(
    `Capaian kinerja ${monthCode(last)} dan terhadap target tahunan`,
    [{ width: 40 }, { width: 300 }, { width: 60, align: "right" }, { width: 60, align: "right" }, { width: 60, align: "right" }, { width: 106 }, { width: 60, align: "right" }, { width: 60, align: "right" }],
    ["NO", "INDIKATOR KINERJA KEGIATAN", "TARGET", "REALISASI", "CAPAIAN", "KATEGORI", "TARGET B12", "CAPAIAN TAHUN"],
    report.indicators.map((i) => [i.id, i.name, formatMeasure(i.target), formatMeasure(i.realisation), formatPercentage(i.achievement), i.band?.label.id ?? "", formatMeasure(i.annualTarget), formatPercentage(i.annualAchievement)]),
  );
  table(
    `Penyerapan anggaran s.d. ${monthName(last, "id")}`,
    [{ width: 200 }, { width: 146, align: "right" }, { width: 146, align: "right" }, { width: 146, align: "right" }, { width: 148, align: "right" }],
    ["BARIS ANGGARAN", "PAGU", `REALISASI TW ${report.quarter}`, `REALISASI S.D. ${monthCode(last)}`, "PENYERAPAN"],
    [
      ...report.lines.map((l) => [l.id, formatAmount(l.pagu), formatAmount(l.spentInQuarter), formatAmount(l.spent), pct(l.absorption)]),
      ["Jumlah", formatAmount(report.budget.pagu), formatAmount(report.budget.spentInQuarter), formatAmount(report.budget.spent), pct(report.budget.absorption)],
    ],
  );
  table(
    "Catatan, hambatan dan rencana tindak lanjut",
    [{ width: 40 }, { width: 40 }, { width: 235 }, { width: 235 }, { width: 236 }],
    ["NO", "BULAN", "CATATAN", "HAMBATAN", "RENCANA TINDAK LANJUT"],
    report.notes.length === 0 ? [["", "", "tidak ada catatan", "", ""]] : report.notes.map((n) => [n.indicator, monthCode(n.month), n.note ?? "", n.obstacles ?? "", n.followUp ?? ""]),
  );

  stampFooters(doc, footerText(provenance));
  return finish();
}
