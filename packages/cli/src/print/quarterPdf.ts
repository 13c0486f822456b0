import { type Language, formatMeasure, formatPercentOfHundred, formatPercentOfRatio, monthCode, monthName } from "@rapk/core";
import { type PrintProvenance, type QuarterReport, REPORT_WORDS, footerText, formatAmount, formatLongDate, measureUnitName, monthFigure, romanQuarter } from "@rapk/report";
import { type Column, pdfDocument, stampFooters } from "./pdfDocument.js";
import { type PdfPage, drawSignature, drawTable, headerBlock } from "./pdfTable.js";


/**
 * The quarterly report as PDF bytes (A4 landscape), as the centre takes it: the header block
 * (unit, quarter, version, effective date); per indicator its unit, target, three months with
 * numerator and denominator, the figure at the quarter's end, achievement and band; per budget
 * line its name, the indicators it serves, pagu and spending; absorption against the DIPA
 * ceiling and against the itemised lines; the notes; the signatory. Every heading in `language`.
 */
export async function quarterPdf(report: QuarterReport, provenance: PrintProvenance, language: Language = "id"): Promise<Uint8Array> {
  const w = REPORT_WORDS[language];
  const [first, , last] = report.months;
  const lastCode = monthCode(last);
  const title = w.quarterTitle(report.quarter, report.year);
  const { doc, finish } = pdfDocument({ title: `${title} ${report.unit}`, subject: footerText(provenance) });
  const page: PdfPage = { doc, y: doc.page.margins.top };
  headerBlock(page, [title, report.unit.toUpperCase()], [
    [w.unit, report.unit],
    [w.quarter, `${romanQuarter(report.quarter)} (${monthName(first, "id")} - ${monthName(last, "id")} ${report.year ?? ""})`.trim()],
    [w.version, String(provenance.version)],
    [w.effective, provenance.effectiveAt === "" ? "" : formatLongDate(provenance.effectiveAt)],
  ]);

  const monthColumns: Column[] = report.months.map(() => ({ width: 62, align: "right" }));
  drawTable(
    page,
    `${w.achievementHeading} (${w.ratio})`,
    [{ width: 30 }, { width: 220 }, { width: 40 }, { width: 42, align: "right" }, ...monthColumns, { width: 50, align: "right" }, { width: 50, align: "right" }, { width: 70 }, { width: 48, align: "right" }, { width: 50, align: "right" }],
    [w.no, w.indicator, w.measureUnit, w.target(lastCode), ...report.months.map((m) => w.realisation(monthCode(m))), w.cumulative(lastCode), w.achievement, w.band, w.annualTarget, w.annualAchievement],
    report.indicators.map((i) => [
      i.id,
      i.name,
      measureUnitName(i.unit, language),
      formatMeasure(i.target),
      ...i.months.map(monthFigure),
      formatMeasure(i.realisation),
      formatPercentOfHundred(i.achievement),
      i.band?.label[language] ?? "",
      formatMeasure(i.annualTarget),
      formatPercentOfHundred(i.annualAchievement),
    ]),
  );
  const { budget } = report;
  drawTable(
    page,
    w.budgetHeading(monthName(last, "id")),
    [{ width: 110 }, { width: 310 }, { width: 70 }, { width: 80, align: "right" }, { width: 80, align: "right" }, { width: 80, align: "right" }, { width: 56, align: "right" }],
    [w.line, w.lineName, w.serves, w.pagu, w.spentInQuarter(report.quarter), w.spentThrough(lastCode), w.absorption],
    [
      ...report.lines.map((l) => [l.id, l.name, l.indicators.join(", "), formatAmount(l.pagu), formatAmount(l.spentInQuarter), formatAmount(l.spent), formatPercentOfRatio(l.absorption)]),
      [w.total, "", "", formatAmount(budget.pagu), formatAmount(budget.spentInQuarter), formatAmount(budget.spent), formatPercentOfRatio(budget.absorption)],
    ],
  );
  drawTable(
    page,
    w.absorption,
    [{ width: 420 }, { width: 110, align: "right" }, { width: 56, align: "right" }],
    [w.absorption, w.spentThrough(lastCode), "%"],
    [
      [w.againstCeiling(formatAmount(budget.ceiling)), formatAmount(budget.spent), formatPercentOfRatio(budget.ceilingAbsorption)],
      [w.againstLines(formatAmount(budget.pagu)), formatAmount(budget.spent), formatPercentOfRatio(budget.absorption)],
      ...(budget.notItemised > 0 ? [[w.notItemised(formatAmount(budget.notItemised), formatAmount(budget.ceiling)), "", ""]] : []),
    ],
  );
  drawTable(
    page,
    w.notesHeading,
    [{ width: 110 }, { width: 40 }, { width: 212 }, { width: 212 }, { width: 212 }],
    [w.subject, w.month, w.note, w.obstacles, w.followUp],
    report.notes.length === 0 ? [["", "", w.noNotes, "", ""]] : report.notes.map((n) => [n.indicator ?? n.line ?? "", monthCode(n.month), n.note ?? "", n.obstacles ?? "", n.followUp ?? ""]),
    { keepWithLast: SIGNATURE_HEIGHT },
  );
  drawSignature(page, report.signature, provenance.effectiveAt);
  stampFooters(doc, footerText(provenance));
  return finish();
}

/** The height the signature block takes under the last table. */
export const SIGNATURE_HEIGHT = 96;
