import { type Language, formatMeasure, formatPercentOfHundred, formatPercentOfRatio, monthCode, monthName } from "@rapk/core";
import { formatAmount, formatLongDate } from "../format.js";
import type { PrintProvenance } from "../print/printLayout.js";
import type { QuarterReport } from "./quarterReport.js";
import { REPORT_WORDS, measureUnitName, monthFigure, romanQuarter } from "./quarterWords.js";

/** One table of a printed quarterly report: its heading, its columns (widths in points on A4 landscape; right-aligned figures), its header and rows as text. */
export interface QuarterTable {
  readonly heading: string;
  readonly columns: readonly { readonly width: number; readonly align?: "right" }[];
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** What a printed quarterly report shows, as text: its title, the header block, its four tables. */
export interface QuarterTables {
  readonly title: string;
  readonly header: readonly (readonly [string, string])[];
  readonly achievement: QuarterTable;
  readonly lines: QuarterTable;
  readonly absorption: QuarterTable;
  readonly notes: QuarterTable;
}

const right = (width: number) => ({ width, align: "right" as const });

/**
 * The quarterly report's pages as text, figures written and rounded as printed (formatMeasure,
 * formatAmount, two decimals for every percentage), every heading in `language`: the header
 * block (unit, quarter, version, effective date); per indicator its unit, target, the three
 * months with numerator and denominator, the figure at the quarter's end, achievement, band and
 * the year's share; per budget line its name, the indicators it serves, pagu and spending (the
 * Total last); absorption against the DIPA ceiling and against the itemised lines; the notes.
 * One source for every printed form of it (the viewer's print; the PDF's layout is the same).
 */
export function quarterTables(report: QuarterReport, provenance: Pick<PrintProvenance, "version" | "effectiveAt">, language: Language): QuarterTables {
  const w = REPORT_WORDS[language];
  const [first, , last] = report.months;
  const lastCode = monthCode(last);
  const { budget } = report;
  return {
    title: w.quarterTitle(report.quarter, report.year),
    header: [
      [w.unit, report.unit],
      [w.quarter, `${romanQuarter(report.quarter)} (${monthName(first, "id")} - ${monthName(last, "id")} ${report.year ?? ""})`.trim()],
      [w.version, String(provenance.version)],
      [w.effective, provenance.effectiveAt === "" ? "" : formatLongDate(provenance.effectiveAt)],
    ],
    achievement: {
      heading: `${w.achievementHeading} (${w.ratio})`,
      columns: [{ width: 30 }, { width: 212 }, { width: 40 }, right(42), right(62), right(62), right(62), right(58), right(50), { width: 70 }, right(48), right(50)],
      head: [w.no, w.indicator, w.measureUnit, w.target(lastCode), ...report.months.map((m) => w.realisation(monthCode(m))), w.cumulative(lastCode), w.achievement, w.band, w.annualTarget, w.annualAchievement],
      rows: report.indicators.map((i) => [
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
    },
    lines: {
      heading: w.budgetHeading(monthName(last, "id")),
      columns: [{ width: 120 }, { width: 296 }, { width: 70 }, right(80), right(80), right(80), right(60)],
      head: [w.line, w.lineName, w.serves, w.pagu, w.spentInQuarter(report.quarter), w.spentThrough(lastCode), w.absorption],
      rows: [
        ...report.lines.map((l) => [l.id, l.name, l.indicators.join(", "), formatAmount(l.pagu), formatAmount(l.spentInQuarter), formatAmount(l.spent), formatPercentOfRatio(l.absorption)]),
        [w.total, "", "", formatAmount(budget.pagu), formatAmount(budget.spentInQuarter), formatAmount(budget.spent), formatPercentOfRatio(budget.absorption)],
      ],
    },
    absorption: {
      heading: w.absorption,
      columns: [{ width: 420 }, right(110), right(56)],
      head: [w.absorption, w.spentThrough(lastCode), "%"],
      rows: [
        [w.againstCeiling(formatAmount(budget.ceiling)), formatAmount(budget.spent), formatPercentOfRatio(budget.ceilingAbsorption)],
        [w.againstLines(formatAmount(budget.pagu)), formatAmount(budget.spent), formatPercentOfRatio(budget.absorption)],
        ...(budget.notItemised > 0 ? [[w.notItemised(formatAmount(budget.notItemised), formatAmount(budget.ceiling)), "", ""]] : []),
      ],
    },
    notes: {
      heading: w.notesHeading,
      columns: [{ width: 110 }, { width: 40 }, { width: 212 }, { width: 212 }, { width: 212 }],
      head: [w.subject, w.month, w.note, w.obstacles, w.followUp],
      rows: report.notes.length === 0 ? [["", "", w.noNotes, "", ""]] : report.notes.map((n) => [n.indicator ?? n.line ?? "", monthCode(n.month), n.note ?? "", n.obstacles ?? "", n.followUp ?? ""]),
    },
  };
}
