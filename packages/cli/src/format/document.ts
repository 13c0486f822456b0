import { type PlanState, budgetSummary, formatMeasure, formatRupiah, monthCode, planDocument, totalGap } from "@rapk/core";
import { formatLongDate } from "./signatureDate.js";
import { renderTable } from "./table.js";

const UNIT: Record<string, string> = { percent: "Persentase", level: "Tingkat", index: "Indeks", score: "Nilai", count: "Jumlah" };
const DIRECTION: Record<string, string> = { higher: "higher is better", lower: "lower is better" };

/**
 * The plan as the published document reads: header, objectives with their indicators, the twelve
 * monthly targets and ANGGARAN, each indicator's budget rows (RO, komponen, sub komponen, pagu,
 * kontribusi), then every budget line with what is left unattributed, the Total and the signature.
 */
export function renderDocument(state: PlanState, version: number): string[] {
  const document = planDocument(state);
  const plan = document.plan;
  if (!plan) return [`(no plan at version ${version})`];
  const out: string[] = [
    plan.title ?? `RENCANA AKSI PERJANJIAN KINERJA TAHUN ${plan.year}`,
    plan.unit,
    plan.agency,
    `version ${version}, ${state.eventCount} events`,
  ];
  for (const objective of document.objectives) {
    out.push("", `${objective.number === undefined ? "" : `${objective.number}. `}${objective.code} - ${objective.name}`);
    if (objective.indicators.length === 0) out.push("  (no indicators)");
    for (const indicator of objective.indicators) {
      out.push(
        "",
        `  ${indicator.id} - ${indicator.name}`,
        `  (${UNIT[indicator.unit] ?? indicator.unit}, ${DIRECTION[indicator.direction] ?? indicator.direction}, ${indicator.shape})`,
      );
      const headers = [...indicator.targets.map((_, i) => ({ header: monthCode(i + 1), align: "right" as const })), { header: "ANGGARAN", align: "right" as const }];
      out.push(...renderTable(headers, [[...indicator.targets.map((value) => formatMeasure(value)), formatRupiah(indicator.budget)]], "    "));
      // The figure the document prints stays beside the derived one, with why they differ.
      if (indicator.budgetGap) out.push(`    ANGGARAN in the document: ${formatRupiah(indicator.statedBudget ?? 0)}. ${indicator.budgetGap.en}`);
      indicator.contributions.forEach((c, i) => {
        out.push(
          `    ${i + 1}. ${c.line.id}  ANGGARAN ${formatRupiah(c.line.pagu)}  KONTRIBUSI ${formatRupiah(c.amount)}`,
          `       RO            ${c.line.output.code} - ${c.line.output.name}`,
          `       KOMPONEN      ${c.line.component.code} - ${c.line.component.name}`,
          `       SUB KOMPONEN  ${c.line.subComponent.code} - ${c.line.subComponent.name}`,
        );
      });
    }
  }
  const budget = budgetSummary(state);
  out.push("", "Budget lines (pagu, attributed to indicators, not attributed; of that, what the document prints under no indicator):");
  out.push(
    ...renderTable(
      [{ header: "LINE" }, { header: "PAGU", align: "right" }, { header: "KONTRIBUSI", align: "right" }, { header: "UNATTRIBUTED", align: "right" }, { header: "UNDER NO INDICATOR", align: "right" }],
      [
        ...budget.lines.map((l) => [l.id, formatRupiah(l.pagu), formatRupiah(l.allocated), formatRupiah(l.unallocated), l.unattributed === 0 ? "" : formatRupiah(l.unattributed)]),
        ["all lines", formatRupiah(budget.pagu), formatRupiah(budget.allocated), formatRupiah(budget.pagu - budget.allocated), budget.unattributed === 0 ? "" : formatRupiah(budget.unattributed)],
      ],
      "  ",
    ),
  );
  out.push("", `Total ${formatRupiah(document.ceiling)}`);
  const gap = totalGap(plan.statedTotal, budget.pagu);
  if (gap) out.push(gap.en);
  const signature = document.signature;
  if (signature) {
    out.push("", `${signature.place}, ${formatLongDate(signature.date)}`, signature.title);
    out.push(signature.name ?? "(name not published)");
  } else {
    out.push("", "(not signed)");
  }
  return out;
}
