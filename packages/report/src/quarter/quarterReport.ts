import { type Band, BPOM_BANDS, type PlanState, type Signature, achievement, achievementOf, budgetSummary, indicatorsInOrder } from "@rapk/core";
import { lineName } from "../lineName.js";

/** Triwulan 1..4 and its months: quarter 2 is April..June (4, 5, 6). */
export function quarterMonths(quarter: number): readonly [number, number, number] {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`quarter ${quarter}: expected 1, 2, 3 or 4`);
  const first = 3 * quarter - 2;
  return [first, first + 1, first + 2];
}

/** One month of an indicator in the quarter: its target and what was reported, with the numerator and denominator it was counted from. */
export interface QuarterMonth {
  readonly month: number;
  readonly target: number | null;
  readonly realisation: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

export interface QuarterIndicator {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  /** The quarter's three months. */
  readonly months: readonly [QuarterMonth, QuarterMonth, QuarterMonth];
  /** The target at the quarter's last month (what the quarter is measured against). */
  readonly target: number | null;
  /** The figure standing at the quarter's end: the realisation reported for its last month; null when none was. */
  readonly realisation: number | null;
  /** Capaian, in percent; null where the target is 0 or blank or nothing was reported. */
  readonly achievement: number | null;
  readonly band: Band | null;
  /** The year's target (B12). */
  readonly annualTarget: number | null;
  /** The quarter's realisation against the year's target, in percent (the year's cumulative figure). */
  readonly annualAchievement: number | null;
}

export interface QuarterLine {
  readonly id: string;
  /** RO / komponen / sub komponen, by name. */
  readonly name: string;
  /** The indicators the line pays for (its contributions), in the document's order. */
  readonly indicators: readonly string[];
  readonly pagu: number;
  /** Spending reported for the quarter's three months. */
  readonly spentInQuarter: number;
  /** Spending from January through the quarter's last month (the year's cumulative). */
  readonly spent: number;
  /** Penyerapan: spent / pagu, a ratio 0..1; null when the pagu is 0. */
  readonly absorption: number | null;
}

/** A report of the quarter that says more than a figure: an indicator's realisation, or a line's spending. */
export interface QuarterNote {
  /** The indicator, for a realisation's note. */
  readonly indicator?: string;
  /** The budget line, for a spending report's note. */
  readonly line?: string;
  readonly month: number;
  readonly note?: string;
  /** Hambatan. */
  readonly obstacles?: string;
  /** Rencana tindak lanjut. */
  readonly followUp?: string;
}

/** Absorption two ways, both labelled where shown: against the DIPA ceiling (the unit's), and against the itemised lines. */
export interface QuarterBudget {
  /** The itemised lines' pagu added up. */
  readonly pagu: number;
  /** The ceiling (pagu DIPA) as it stands, after any Revisi DIPA. */
  readonly ceiling: number;
  /** The part of the ceiling no line itemises (ceiling - pagu), 0 when the lines take all of it. */
  readonly notItemised: number;
  readonly spentInQuarter: number;
  readonly spent: number;
  /** Spent / the lines' pagu; null when it is 0. */
  readonly absorption: number | null;
  /** Spent / the ceiling: the unit's absorption; null when it is 0. */
  readonly ceilingAbsorption: number | null;
}

/** When the report was made of: the version and the date it took effect. */
export interface QuarterProvenance {
  readonly version: number;
  readonly effectiveAt: string;
}

/** The quarterly performance report (Laporan Kinerja triwulan) the centre takes. */
export interface QuarterReport {
  readonly quarter: number;
  readonly months: readonly [number, number, number];
  readonly unit: string;
  readonly agency: string;
  readonly year: number | null;
  /** The version the report was made of and when it took effect, when known. */
  readonly version: number | null;
  readonly effectiveAt: string | null;
  readonly indicators: readonly QuarterIndicator[];
  readonly lines: readonly QuarterLine[];
  readonly budget: QuarterBudget;
  readonly notes: readonly QuarterNote[];
  /** Who signs it: the plan's signatory (place, title, name). */
  readonly signature: Signature | null;
}

/** Whose report it is and of which version: what the quarterly and the yearly report open with. */
export function headingOf(state: PlanState, provenance: QuarterProvenance | undefined) {
  return {
    unit: state.plan?.unit ?? "",
    agency: state.plan?.agency ?? "",
    year: state.plan?.year ?? null,
    version: provenance?.version ?? null,
    effectiveAt: provenance?.effectiveAt ?? null,
  };
}

/** Spending against the ceiling as it stands (after any Revisi DIPA) and against the itemised lines' pagu. */
export function absorptionOf(state: PlanState, pagu: number, spent: number) {
  const ceiling = state.plan?.ceiling ?? 0;
  return {
    pagu,
    ceiling,
    notItemised: Math.max(0, ceiling - pagu),
    spent,
    absorption: pagu === 0 ? null : spent / pagu,
    ceilingAbsorption: ceiling === 0 ? null : spent / ceiling,
  };
}

type Words = { note?: string; obstacles?: string; followUp?: string };
const said = (words: Words | undefined) => words !== undefined && (words.note !== undefined || words.obstacles !== undefined || words.followUp !== undefined);
const wordsOf = (words: Words): Words => ({
  ...(words.note === undefined ? {} : { note: words.note }),
  ...(words.obstacles === undefined ? {} : { obstacles: words.obstacles }),
  ...(words.followUp === undefined ? {} : { followUp: words.followUp }),
});

/**
 * The report of quarter `quarter` (1..4): per indicator its three months (target, realisation,
 * numerator and denominator), the figure at the quarter's end with its achievement and band (those
 * of the monthly report at the quarter's last month) and against the year's target; per line its
 * name, the indicators it serves, pagu and the quarter's and the year's spending; absorption
 * against the ceiling and against the itemised lines; the notes of the quarter's realisation and
 * spending reports; the plan's signatory.
 */
export function quarterReport(state: PlanState, quarter: number, bands: readonly Band[] = BPOM_BANDS, provenance?: QuarterProvenance): QuarterReport {
  const months = quarterMonths(quarter);
  const last = months[2];
  const indicators = achievement(state, bands).map((a): QuarterIndicator => {
    const indicator = state.indicators[a.indicator]!;
    const m = a.months[last - 1]!;
    const annualTarget = indicator.targets[11] ?? null;
    const monthOf = (month: number): QuarterMonth => {
      const report = state.realisations[a.indicator]?.[month];
      return { month, target: indicator.targets[month - 1] ?? null, realisation: report?.value ?? null, numerator: report?.numerator ?? null, denominator: report?.denominator ?? null };
    };
    return {
      id: a.indicator,
      name: a.name,
      unit: indicator.unit,
      months: [monthOf(months[0]), monthOf(months[1]), monthOf(months[2])],
      target: m.target,
      realisation: m.realisation,
      achievement: m.achievement,
      band: m.band,
      annualTarget,
      annualAchievement: achievementOf(annualTarget, m.realisation, indicator.direction),
    };
  });
  const order = indicatorsInOrder(state).map((i) => i.id);
  const servedBy = (line: string) => order.filter((id) => (state.contributions[id]?.[line] ?? 0) > 0);
  const through = budgetSummary(state, last);
  const before = budgetSummary(state, months[0] - 1);
  const spentBefore = new Map(before.lines.map((l) => [l.id, l.spent]));
  const lines = through.lines.map((l) => ({
    id: l.id,
    name: lineName(state, l.id),
    indicators: servedBy(l.id),
    pagu: l.pagu,
    spentInQuarter: l.spent - (spentBefore.get(l.id) ?? 0),
    spent: l.spent,
    absorption: l.absorption,
  }));
  const notes: QuarterNote[] = [];
  for (const indicator of indicators)
    for (const month of months) {
      const report = state.realisations[indicator.id]?.[month];
      if (said(report)) notes.push({ indicator: indicator.id, month, ...wordsOf(report!) });
    }
  for (const line of lines)
    for (const month of months) {
      const words = state.spendingNotes[line.id]?.[month];
      if (said(words)) notes.push({ line: line.id, month, ...wordsOf(words!) });
    }
  return {
    quarter,
    months,
    ...headingOf(state, provenance),
    indicators,
    lines,
    budget: { ...absorptionOf(state, through.pagu, through.spent), spentInQuarter: through.spent - before.spent },
    notes,
    signature: state.signature,
  };
}
