import type { Language } from "@rapk/core";
import { monthCode } from "@rapk/core";
import { formatLongDate } from "../format.js";
import type { YearReport } from "../quarter/yearReport.js";
import { COLUMN } from "./columns.js";
import { FORMAT, workbook } from "./excel.js";
import { aboutSheet } from "./quarterSheets.js";

const ratio = (percent: number | null) => (percent === null ? null : percent / 100);

/** The yearly report as an .xlsx: the header sheet with the year's absorption two ways, and per objective and indicator the year's target, realisation and achievement. */
export async function yearWorkbook(report: YearReport, language: Language = "id"): Promise<Uint8Array> {
  // The words load with the workbook, as exceljs does, not with the viewer's first page.
  const { REPORT_WORDS, measureUnitName } = await import("../quarter/quarterWords.js");
  const w = REPORT_WORDS[language];
  const { budget, signature } = report;
  return workbook([
    aboutSheet([
      [w.yearTitle(report.year), null],
      [w.unit, report.unit],
      [w.year, report.year],
      [w.version, report.version],
      [w.effective, report.effectiveAt === null ? null : formatLongDate(report.effectiveAt)],
      [w.againstCeiling(String(budget.ceiling)), budget.ceilingAbsorption, FORMAT.percent],
      [w.againstLines(String(budget.pagu)), budget.absorption, FORMAT.percent],
      ...(budget.notItemised > 0 ? [[w.notItemised(String(budget.notItemised), String(budget.ceiling)), budget.notItemised, FORMAT.rupiah] as const] : []),
      ...(signature ? ([[signature.place, formatLongDate(report.effectiveAt ?? signature.date)], [signature.title, signature.name]] as const) : []),
    ]),
    {
      name: "Capaian tahunan",
      columns: [
        { header: w.objective, width: 10 },
        { ...COLUMN.indicator, header: w.no },
        { header: w.indicator, width: 60 },
        { header: w.measureUnit, width: 9 },
        { header: w.annualTarget, width: 14, format: FORMAT.measure },
        { ...COLUMN.realisation, header: w.realisation("") .trim() },
        { ...COLUMN.month, header: w.month },
        { ...COLUMN.achievement, header: w.achievement },
        { ...COLUMN.band, header: w.band },
      ],
      rows: report.objectives.flatMap((o) =>
        o.indicators.map((i) => [o.code, i.id, i.name, measureUnitName(i.unit, language), i.target, i.realisation, i.month === null ? null : monthCode(i.month), ratio(i.achievement), i.band?.label[language] ?? null]),
      ),
    },
  ]);
}
