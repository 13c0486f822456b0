import { type Language, formatMeasure, formatPercentOfHundred, formatPercentOfRatio, formatRupiah, monthCode, monthName } from "@rapk/core";
import { type QuarterReport, REPORT_WORDS, formatLongDate, measureUnitName, monthFigure, romanQuarter } from "@rapk/report";
import { renderTable } from "../format/table.js";


/** The quarterly report as plain text, every heading in `language`: the header block, achievement, absorption two ways, notes, signatory. */
export function renderQuarter(report: QuarterReport, version: number, language: Language = "en"): string[] {
  const w = REPORT_WORDS[language];
  const [first, , last] = report.months;
  const lastCode = monthCode(last);
  const out = [w.quarterTitle(report.quarter, report.year), report.unit, ""];
  out.push(`  ${w.unit}: ${report.unit}`);
  out.push(`  ${w.quarter}: ${romanQuarter(report.quarter)} (${monthName(first, "id")}-${monthName(last, "id")} ${report.year ?? ""})`.trimEnd());
  out.push(`  ${w.version}: ${version}`);
  if (report.effectiveAt) out.push(`  ${w.effective}: ${formatLongDate(report.effectiveAt)}`);
  out.push("", `${w.achievementHeading} (${w.ratio})`);
  out.push(
    ...renderTable(
      [
        { header: w.no },
        { header: w.measureUnit },
        { header: w.target(lastCode), align: "right" },
        ...report.months.map((m) => ({ header: w.realisation(monthCode(m)), align: "right" as const })),
        { header: w.achievement, align: "right" },
        { header: w.band },
        { header: w.annualTarget, align: "right" },
        { header: w.annualAchievement, align: "right" },
      ],
      report.indicators.map((i) => [
        i.id,
        measureUnitName(i.unit, language),
        formatMeasure(i.target),
        ...i.months.map(monthFigure),
        formatPercentOfHundred(i.achievement),
        i.band?.label[language] ?? "",
        formatMeasure(i.annualTarget),
        formatPercentOfHundred(i.annualAchievement),
      ]),
      "  ",
    ),
  );
  out.push("", w.budgetHeading(monthName(last, "id")));
  const { budget } = report;
  out.push(
    ...renderTable(
      [{ header: w.line }, { header: w.serves }, { header: w.pagu, align: "right" }, { header: w.spentInQuarter(report.quarter), align: "right" }, { header: w.spentThrough(lastCode), align: "right" }, { header: w.absorption, align: "right" }, { header: w.lineName }],
      [
        ...report.lines.map((l) => [l.id, l.indicators.join(", "), formatRupiah(l.pagu), formatRupiah(l.spentInQuarter), formatRupiah(l.spent), formatPercentOfRatio(l.absorption), l.name]),
        [w.total, "", formatRupiah(budget.pagu), formatRupiah(budget.spentInQuarter), formatRupiah(budget.spent), formatPercentOfRatio(budget.absorption), ""],
      ],
      "  ",
    ),
  );
  out.push("", `  ${w.againstCeiling(formatRupiah(budget.ceiling).replace(/^Rp/, ""))}: ${formatPercentOfRatio(budget.ceilingAbsorption)}`);
  out.push(`  ${w.againstLines(formatRupiah(budget.pagu).replace(/^Rp/, ""))}: ${formatPercentOfRatio(budget.absorption)}`);
  if (budget.notItemised > 0) out.push(`  ${w.notItemised(formatRupiah(budget.notItemised).replace(/^Rp/, ""), formatRupiah(budget.ceiling).replace(/^Rp/, ""))}`);
  out.push("", w.notesHeading);
  if (report.notes.length === 0) out.push(`  ${w.noNotes}`);
  for (const n of report.notes) {
    out.push(`  ${n.indicator ?? n.line} ${monthCode(n.month)}`);
    if (n.note !== undefined) out.push(`    ${w.note.toLowerCase()}: ${n.note}`);
    if (n.obstacles !== undefined) out.push(`    ${w.obstacles.toLowerCase()}: ${n.obstacles}`);
    if (n.followUp !== undefined) out.push(`    ${w.followUp.toLowerCase()}: ${n.followUp}`);
  }
  const { signature } = report;
  if (signature) out.push("", `  ${signature.place}, ${formatLongDate(report.effectiveAt ?? signature.date)}`, `  ${signature.title}`, "", `  ${signature.name ?? ""}`);
  return out;
}
