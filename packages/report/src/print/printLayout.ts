import { type BudgetLine, monthCode, planDocument, type PlanState } from "@rapk/core";
import { formatLongDate } from "../format.js";

/** What the footer of every printed page says, so a page can be checked against the log. */
export interface PrintProvenance {
  /** The version printed. */
  readonly version: number;
  /** When that version took effect (ISO date-time with offset). */
  readonly effectiveAt: string;
  /** The log's head hash (sha256 hex) at that version, as verifying the log recomputed it. */
  readonly headHash: string;
  /** Who signed that version (key fingerprints, names where known), when anyone did. */
  readonly signers?: string;
  /**
   * Set when the log did not verify and was printed anyway (`--unverified`): its first problem.
   * Every page then says NOT VERIFIED and carries no head: a head the log claims is not evidence.
   */
  readonly unverified?: string;
}

/** Which revision of the RAPK a print is (Revisi ke-N) and when it took effect; absent for the plan as first signed. */
export interface PrintRevision {
  /** 1 for the first revised RAPK, then 2, ... */
  readonly number: number;
  /** When that revision took effect (ISO date or date-time). */
  readonly effectiveAt: string;
}

/**
 * Which revision of the RAPK the plan at `version` is: the versions of kind `rapk` up to it (a
 * revised RAPK, signed again), and when the last of them took effect; undefined for the plan as
 * first signed. The CLI's print and the viewer's both ask this.
 */
export function revisionAt(versions: readonly { readonly kind: string; readonly effectiveAt: string }[], version: number): PrintRevision | undefined {
  const revised = versions.slice(0, version).filter((v) => v.kind === "rapk");
  const last = revised.at(-1);
  return last ? { number: revised.length, effectiveAt: last.effectiveAt } : undefined;
}

/** A row of the budget lines under an indicator: NO, RO, KOMPONEN, SUB KOMPONEN, ANGGARAN, KONTRIBUSI. */
export interface PrintLineRow {
  readonly kind: "line";
  /** `1.`, `2.`, ... within the indicator. */
  readonly number: string;
  readonly line: string;
  /** `DR.3165.QIA.005 - Sampel Obat ...` */
  readonly output: string;
  readonly component: string;
  readonly subComponent: string;
  /** ANGGARAN: the line's whole pagu. */
  readonly pagu: number;
  /** KONTRIBUSI: the part attributed to the indicator. */
  readonly contribution: number;
}

/** An indicator's row: the objective's NO and SASARAN on the first indicator of an objective only. */
export interface PrintIndicatorRow {
  readonly kind: "indicator";
  readonly id: string;
  /** `1.` on an objective's first indicator; null on the others and where the document has none. */
  readonly number: string | null;
  /** `01 - Terwujudnya ...` on an objective's first indicator, null on the others. */
  readonly objective: string | null;
  /** `01 - Persentase Obat yang memenuhi syarat` */
  readonly indicator: string;
  /** B01..B12; null is a blank cell, not 0. */
  readonly targets: readonly (number | null)[];
  /** ANGGARAN as the document states it, or the derived figure where none is stated. */
  readonly budget: number;
  /** The sum of the contributions below, when it differs from the stated ANGGARAN; else null. */
  readonly derivedBudget: number | null;
  readonly lines: readonly PrintLineRow[];
}

/**
 * The KONTRIBUSI the document prints on rows under no indicator (their indicator is on a missing
 * page), printed after the indicators so the amount stays on paper: each line with its amount.
 */
export interface PrintUnattributed {
  /** `Kontribusi tanpa indikator`, in the INDIKATOR column. */
  readonly label: string;
  /** The amounts summed, in the ANGGARAN column. */
  readonly amount: number;
  /** KONTRIBUSI: the amount the document prints under no indicator. */
  readonly lines: readonly PrintLineRow[];
}

/** The printed RAPK: the published document's layout (A4 landscape), as data. */
export interface PrintLayout {
  /** RENCANA AKSI PERJANJIAN KINERJA TAHUN 2024 / the unit / the agency. */
  readonly title: readonly string[];
  /** B01..B12. */
  readonly months: readonly string[];
  readonly indicators: readonly PrintIndicatorRow[];
  /** What the document attributes to no indicator; null when it has none. */
  readonly unattributed: PrintUnattributed | null;
  /** Total as the document states it (the unit's ceiling, or the stated Total where recorded). */
  readonly total: number;
  /** The ceiling the log holds, when it differs from the stated Total; else null. */
  readonly derivedTotal: number | null;
  /** `Revisi ke-1, 15 April 2024` under the title of a revised RAPK; null for the plan as first signed. */
  readonly revision: string | null;
  /** `Rejang Lebong, 22 Februari 2024`; null when the plan is not signed. */
  readonly placeAndDate: string | null;
  readonly signatoryTitle: string | null;
  readonly signatoryName: string | null;
  readonly provenance: PrintProvenance;
}

/**
 * Stated figures are recorded by the import where the document prints them (see the fidelity
 * work on stated budgets); read them when present, so a state without them prints as before.
 */
interface MaybeStated {
  readonly statedBudget?: number;
}
interface MaybeStatedPlan {
  readonly statedTotal?: number;
}

const coded = (code: string, name: string) => (name === "" ? code : `${code} - ${name}`);

function lineRow(line: BudgetLine, index: number, amount: number): PrintLineRow {
  return {
    kind: "line",
    number: `${index + 1}.`,
    line: line.id,
    output: coded(line.output.code, line.output.name),
    component: coded(line.component.code, line.component.name),
    subComponent: coded(line.subComponent.code, line.subComponent.name),
    pagu: line.pagu,
    contribution: amount,
  };
}

function unattributedOf(state: PlanState): PrintUnattributed | null {
  const lines = Object.values(state.lines).filter((l) => (l.unattributed ?? 0) > 0);
  if (lines.length === 0) return null;
  return {
    label: "Kontribusi tanpa indikator (indikatornya tidak tercantum di dokumen)",
    amount: lines.reduce((sum, l) => sum + (l.unattributed ?? 0), 0),
    lines: lines.map((l, i) => lineRow(l, i, l.unattributed ?? 0)),
  };
}

/** Lays the plan out as the published RAPK reads: title block, objectives and indicators with their budget rows, Total, signature, footer. */
export function printLayout(state: PlanState, provenance: PrintProvenance, revision?: PrintRevision): PrintLayout {
  const document = planDocument(state);
  const plan = document.plan;
  const indicators: PrintIndicatorRow[] = [];
  for (const objective of document.objectives) {
    objective.indicators.forEach((indicator, index) => {
      const stated = (indicator as MaybeStated).statedBudget;
      const budget = stated ?? indicator.budget;
      indicators.push({
        kind: "indicator",
        id: indicator.id,
        number: index === 0 && objective.number !== undefined ? `${objective.number}.` : null,
        objective: index === 0 ? coded(objective.code, objective.name) : null,
        indicator: coded(indicator.code, indicator.name),
        targets: indicator.targets,
        budget,
        derivedBudget: budget === indicator.budget ? null : indicator.budget,
        lines: indicator.contributions.map((c, i) => lineRow(c.line, i, c.amount)),
      });
    });
  }
  const statedTotal = (plan as MaybeStatedPlan | null)?.statedTotal;
  const total = statedTotal ?? document.ceiling;
  const signature = document.signature;
  return {
    title: plan ? [plan.title ?? `RENCANA AKSI PERJANJIAN KINERJA TAHUN ${plan.year}`, plan.unit, plan.agency] : [],
    months: Array.from({ length: 12 }, (_, i) => monthCode(i + 1)),
    indicators,
    unattributed: unattributedOf(state),
    total,
    derivedTotal: total === document.ceiling ? null : document.ceiling,
    revision: revision ? `Revisi ke-${revision.number}, ${formatLongDate(revision.effectiveAt)}` : null,
    placeAndDate: signature ? `${signature.place}, ${formatLongDate(signature.date)}` : null,
    signatoryTitle: signature?.title ?? null,
    signatoryName: signature?.name ?? null,
    provenance,
  };
}
