import type { Language } from "@rapk/core";
import { formatMeasure, formatPercentOfHundred, formatPercentOfRatio, monthCode } from "@rapk/core";
import { type PrintProvenance, REPORT_WORDS, type YearReport, footerText, formatAmount, formatLongDate, measureUnitName } from "@rapk/report";
import { pdfDocument, stampFooters } from "./pdfDocument.js";
import { type PdfPage, drawSignature, drawTable, headerBlock } from "./pdfTable.js";
import { SIGNATURE_HEIGHT } from "./quarterPdf.js";


/** The yearly report as PDF bytes: per objective and indicator the year's target, realisation and achievement; the year's absorption; the signatory. */
export async function yearPdf(report: YearReport, provenance: PrintProvenance, language: Language = "id"): Promise<Uint8Array> {
  const w = REPORT_WORDS[language];
  const title = w.yearTitle(report.year);
  const { doc, finish } = pdfDocument({ title: `${title} ${report.unit}`, subject: footerText(provenance) });
  const page: PdfPage = { doc, y: doc.page.margins.top };
  headerBlock(page, [title, report.unit.toUpperCase()], [
    [w.unit, report.unit],
    [w.year, String(report.year ?? "")],
    [w.version, String(provenance.version)],
    [w.effective, provenance.effectiveAt === "" ? "" : formatLongDate(provenance.effectiveAt)],
  ]);
  drawTable(
    page,
    w.achievementHeading,
    [{ width: 36 }, { width: 330 }, { width: 50 }, { width: 70, align: "right" }, { width: 90, align: "right" }, { width: 80, align: "right" }, { width: 130 }],
    [w.no, `${w.objective} / ${w.indicator}`, w.measureUnit, w.annualTarget, w.realisation(""), w.achievement, w.band],
    report.objectives.flatMap((o) => [
      [o.code, o.name, "", "", "", "", ""],
      ...o.indicators.map((i) => [
        i.id,
        i.name,
        measureUnitName(i.unit, language),
        formatMeasure(i.target),
        i.realisation === null ? "" : `${formatMeasure(i.realisation)} (${monthCode(i.month!)})`,
        formatPercentOfHundred(i.achievement),
        i.band?.label[language] ?? "",
      ]),
    ]),
  );
  const { budget } = report;
  drawTable(
    page,
    w.absorption,
    [{ width: 420 }, { width: 110, align: "right" }, { width: 56, align: "right" }],
    [w.absorption, w.spentInYear, "%"],
    [
      [w.againstCeiling(formatAmount(budget.ceiling)), formatAmount(budget.spent), formatPercentOfRatio(budget.ceilingAbsorption)],
      [w.againstLines(formatAmount(budget.pagu)), formatAmount(budget.spent), formatPercentOfRatio(budget.absorption)],
      ...(budget.notItemised > 0 ? [[w.notItemised(formatAmount(budget.notItemised), formatAmount(budget.ceiling)), "", ""]] : []),
    ],
    { keepWithLast: SIGNATURE_HEIGHT },
  );
  drawSignature(page, report.signature, provenance.effectiveAt);
  stampFooters(doc, footerText(provenance));
  return finish();
}
