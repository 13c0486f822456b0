import { type Language, formatMeasure, formatPercentOfHundred, formatPercentOfRatio, formatRupiah, monthCode } from "@rapk/core";
import { REPORT_WORDS, type YearReport, formatLongDate, measureUnitName } from "@rapk/report";
import { renderTable } from "../format/table.js";

const bare = (amount: number) => formatRupiah(amount).replace(/^Rp/, "");

/** The yearly report as plain text, headings in `language`: per objective and indicator the year's figures, the year's absorption two ways, the signatory. */
export function renderYear(report: YearReport, version: number, language: Language = "en"): string[] {
  const w = REPORT_WORDS[language];
  const out = [w.yearTitle(report.year), report.unit, "", `  ${w.unit}: ${report.unit}`, `  ${w.year}: ${report.year ?? ""}`, `  ${w.version}: ${version}`];
  if (report.effectiveAt) out.push(`  ${w.effective}: ${formatLongDate(report.effectiveAt)}`);
  out.push("", w.achievementHeading);
  out.push(
    ...renderTable(
      [{ header: w.no }, { header: w.measureUnit }, { header: w.annualTarget, align: "right" }, { header: w.realisation("").trim(), align: "right" }, { header: w.month }, { header: w.achievement, align: "right" }, { header: w.band }, { header: w.indicator }],
      report.objectives.flatMap((o) => [
        [o.code, "", "", "", "", "", "", o.name],
        ...o.indicators.map((i) => [i.id, measureUnitName(i.unit, language), formatMeasure(i.target), formatMeasure(i.realisation), i.month === null ? "" : monthCode(i.month), formatPercentOfHundred(i.achievement), i.band?.label[language] ?? "", i.name]),
      ]),
      "  ",
    ),
  );
  const { budget } = report;
  out.push("", `  ${w.againstCeiling(bare(budget.ceiling))}: ${formatPercentOfRatio(budget.ceilingAbsorption)}`, `  ${w.againstLines(bare(budget.pagu))}: ${formatPercentOfRatio(budget.absorption)}`);
  if (budget.notItemised > 0) out.push(`  ${w.notItemised(bare(budget.notItemised), bare(budget.ceiling))}`);
  const { signature } = report;
  if (signature) out.push("", `  ${signature.place}, ${formatLongDate(report.effectiveAt ?? signature.date)}`, `  ${signature.title}`, "", `  ${signature.name ?? ""}`);
  return out;
}
