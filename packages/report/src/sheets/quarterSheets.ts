import { type Language, monthCode } from "@rapk/core";
import { formatLongDate } from "../format.js";
import { type QuarterReport, quarterMonths } from "../quarter/quarterReport.js";
import { REPORT_WORDS, measureUnitName, romanQuarter } from "../quarter/quarterWords.js";
import { COLUMN } from "./columns.js";
import { type CellValue, FORMAT, type Sheet, workbook } from "./excel.js";

const ratio = (percent: number | null) => (percent === null ? null : percent / 100);

/** The header block as a sheet of its own: unit, quarter, version, the two absorptions, the signatory. */
export function aboutSheet(rows: readonly (readonly [string, CellValue, string?])[]): Sheet {
  return {
    name: "Keterangan",
    columns: [{ header: "", width: 58 }, { header: "", width: 60 }],
    rows: rows.map(([label, value, format]) => (format ? { cells: [label, value], formats: { 2: format } } : [label, value])),
  };
}

/** The quarterly report's workbook, loaded with the spreadsheet code when one is asked for (quarterWorkbook). */
export async function makeQuarterWorkbook(report: QuarterReport, language: Language = "id"): Promise<Uint8Array> {
  const w = REPORT_WORDS[language];
  const tw = `TW${report.quarter}`;
  const last = monthCode(report.months[2]);
  const { budget, signature } = report;
  const [first, , end] = quarterMonths(report.quarter);
  return workbook([
    aboutSheet([
      [w.quarterTitle(report.quarter, report.year), null],
      [w.unit, report.unit],
      [w.quarter, `${romanQuarter(report.quarter)} (${monthCode(first)}-${monthCode(end)} ${report.year ?? ""})`.trim()],
      [w.version, report.version],
      [w.effective, report.effectiveAt === null ? null : formatLongDate(report.effectiveAt)],
      [w.againstCeiling(String(budget.ceiling)), budget.ceilingAbsorption, FORMAT.percent],
      [w.againstLines(String(budget.pagu)), budget.absorption, FORMAT.percent],
      ...(budget.notItemised > 0 ? [[w.notItemised(String(budget.notItemised), String(budget.ceiling)), budget.notItemised, FORMAT.rupiah] as const] : []),
      ...(signature ? ([[signature.place, report.effectiveAt === null ? formatLongDate(signature.date) : formatLongDate(report.effectiveAt)], [signature.title, signature.name]] as const) : []),
    ]),
    {
      name: `Capaian ${tw}`,
      columns: [
        { ...COLUMN.indicator, header: w.no },
        { header: w.indicator, width: 60 },
        { header: w.measureUnit, width: 9 },
        { header: w.target(last), width: 12, format: FORMAT.measure },
        ...report.months.flatMap((m) => [
          { ...COLUMN.realisation, header: w.realisation(monthCode(m)) },
          { header: `${w.ratio.split("/")[0]!.toUpperCase()} ${monthCode(m)}`, width: 12, format: FORMAT.measure },
          { header: `${w.ratio.split("/")[1]!.toUpperCase()} ${monthCode(m)}`, width: 12, format: FORMAT.measure },
        ]),
        { header: w.cumulative(last), width: 14, format: FORMAT.measure },
        { ...COLUMN.achievement, header: w.achievement },
        { ...COLUMN.band, header: w.band },
        { header: w.annualTarget, width: 14, format: FORMAT.measure },
        { header: w.annualAchievement, width: 14, format: FORMAT.percent },
      ],
      rows: report.indicators.map((i) => [
        i.id,
        i.name,
        measureUnitName(i.unit, language),
        i.target,
        ...i.months.flatMap((m) => [m.realisation, m.numerator, m.denominator]),
        i.realisation,
        ratio(i.achievement),
        i.band?.label[language] ?? null,
        i.annualTarget,
        ratio(i.annualAchievement),
      ]),
    },
    {
      name: `Anggaran ${tw}`,
      columns: [
        { ...COLUMN.budgetLine, header: w.line },
        { header: w.lineName, width: 60 },
        { header: w.serves, width: 16 },
        { ...COLUMN.pagu, header: w.pagu },
        { header: w.spentInQuarter(report.quarter), width: 18, format: FORMAT.rupiah },
        { header: w.spentThrough(last), width: 20, format: FORMAT.rupiah },
        { ...COLUMN.absorption, header: w.absorption },
      ],
      rows: [
        ...report.lines.map((l) => [l.id, l.name, l.indicators.join(", "), l.pagu, l.spentInQuarter, l.spent, l.absorption]),
        { cells: [w.total, null, null, budget.pagu, budget.spentInQuarter, budget.spent, budget.absorption], bold: true },
      ],
    },
    {
      name: "Catatan",
      columns: [{ header: w.subject, width: 24 }, { ...COLUMN.month, header: w.month }, { header: w.note, width: 40 }, { header: w.obstacles, width: 40 }, { header: w.followUp, width: 40 }],
      rows: report.notes.map((n) => [n.indicator ?? n.line ?? null, monthCode(n.month), n.note ?? null, n.obstacles ?? null, n.followUp ?? null]),
    },
  ]);
}
