import { formatRupiah, monthCode, monthName } from "@rapk/core";
import type { QuarterReport } from "@rapk/report";
import { formatPercent, formatValue } from "./numbers.js";
import { renderTable } from "./table.js";

const pct = (ratio: number | null) => formatPercent(ratio === null ? null : ratio * 100);

/** The quarterly report as plain text: the quarter's achievement, the budget's absorption, the notes. */
export function renderQuarter(report: QuarterReport, version: number): string[] {
  const [first, , last] = report.months;
  const out = [`Laporan kinerja triwulan ${report.quarter} (TW ${report.quarter}, ${monthName(first, "id")}-${monthName(last, "id")} ${report.year ?? ""}), ${report.unit}, version ${version}`.replace(/ ,/, ","), ""];
  out.push(`Capaian (achievement) at ${monthCode(last)}, and against the year's target (B12)`);
  out.push(
    ...renderTable(
      [
        { header: "INDICATOR" },
        { header: "TARGET", align: "right" },
        { header: "REALISASI", align: "right" },
        { header: "CAPAIAN", align: "right" },
        { header: "BAND" },
        { header: "TARGET B12", align: "right" },
        { header: "CAPAIAN TAHUN", align: "right" },
      ],
      report.indicators.map((i) => [i.id, formatValue(i.target), formatValue(i.realisation), formatPercent(i.achievement), i.band?.label.id ?? "", formatValue(i.annualTarget), formatPercent(i.annualAchievement)]),
      "  ",
    ),
  );
  out.push("", `Penyerapan (absorption): spending in the quarter and through ${monthName(last, "id")}`);
  out.push(
    ...renderTable(
      [{ header: "LINE" }, { header: "PAGU", align: "right" }, { header: `TW ${report.quarter}`, align: "right" }, { header: `S.D. ${monthCode(last)}`, align: "right" }, { header: "PENYERAPAN", align: "right" }],
      [
        ...report.lines.map((l) => [l.id, formatRupiah(l.pagu), formatRupiah(l.spentInQuarter), formatRupiah(l.spent), pct(l.absorption)]),
        ["all lines", formatRupiah(report.budget.pagu), formatRupiah(report.budget.spentInQuarter), formatRupiah(report.budget.spent), pct(report.budget.absorption)],
      ],
      "  ",
    ),
  );
  out.push("", "Catatan (notes), hambatan (obstacles) and rencana tindak lanjut (follow-up)");
  if (report.notes.length === 0) out.push("  none reported this quarter");
  for (const n of report.notes) {
    out.push(`  ${n.indicator} ${monthCode(n.month)}`);
    if (n.note !== undefined) out.push(`    catatan: ${n.note}`);
    if (n.obstacles !== undefined) out.push(`    hambatan: ${n.obstacles}`);
    if (n.followUp !== undefined) out.push(`    rencana tindak lanjut: ${n.followUp}`);
  }
  return out;
}
