import { type Band, BPOM_BANDS, type PlanState, achievement, achievementOf, budgetSummary } from "@rapk/core";

/** Triwulan 1..4 and its months: quarter 2 is April..June (4, 5, 6). */
export function quarterMonths(quarter: number): readonly [number, number, number] {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`quarter ${quarter}: expected 1, 2, 3 or 4`);
  const first = 3 * quarter - 2;
  return [first, first + 1, first + 2];
}

export interface QuarterIndicator {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  /** The target at the quarter's last month (what the quarter is measured against). */
  readonly target: number | null;
  /** The realisation reported for the quarter's last month; null when none was. */
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
  readonly pagu: number;
  /** Spending reported for the quarter's three months. */
  readonly spentInQuarter: number;
  /** Spending from January through the quarter's last month (the year's cumulative). */
  readonly spent: number;
  /** Penyerapan: spent / pagu, a ratio 0..1; null when the pagu is 0. */
  readonly absorption: number | null;
}

/** A realisation report of the quarter that says more than a figure. */
export interface QuarterNote {
  readonly indicator: string;
  readonly month: number;
  readonly note?: string;
  /** Hambatan. */
  readonly obstacles?: string;
  /** Rencana tindak lanjut. */
  readonly followUp?: string;
}

/** The quarterly performance report (Laporan Kinerja triwulan): achievement, absorption and notes. */
export interface QuarterReport {
  readonly quarter: number;
  readonly months: readonly [number, number, number];
  readonly unit: string;
  readonly year: number | null;
  readonly indicators: readonly QuarterIndicator[];
  readonly lines: readonly QuarterLine[];
  readonly budget: { readonly pagu: number; readonly spentInQuarter: number; readonly spent: number; readonly absorption: number | null };
  readonly notes: readonly QuarterNote[];
}

/**
 * The report of quarter `quarter` (1..4). Its figures are those of the monthly report at the
 * quarter's last month (achievement, band, spending through it, absorption), with the quarter's
 * own spending, each indicator's standing against the year's target, and the quarter's notes.
 */
export function quarterReport(state: PlanState, quarter: number, bands: readonly Band[] = BPOM_BANDS): QuarterReport {
  const months = quarterMonths(quarter);
  const last = months[2];
  const indicators = achievement(state, bands).map((a): QuarterIndicator => {
    const indicator = state.indicators[a.indicator]!;
    const m = a.months[last - 1]!;
    const annualTarget = indicator.targets[11] ?? null;
    return {
      id: a.indicator,
      name: a.name,
      unit: indicator.unit,
      target: m.target,
      realisation: m.realisation,
      achievement: m.achievement,
      band: m.band,
      annualTarget,
      annualAchievement: achievementOf(annualTarget, m.realisation, indicator.direction),
    };
  });
  const through = budgetSummary(state, last);
  const before = budgetSummary(state, months[0] - 1);
  const spentBefore = new Map(before.lines.map((l) => [l.id, l.spent]));
  const lines = through.lines.map((l) => ({ id: l.id, pagu: l.pagu, spentInQuarter: l.spent - (spentBefore.get(l.id) ?? 0), spent: l.spent, absorption: l.absorption }));
  const notes: QuarterNote[] = [];
  for (const indicator of indicators)
    for (const month of months) {
      const report = state.realisations[indicator.id]?.[month];
      if (!report || (report.note === undefined && report.obstacles === undefined && report.followUp === undefined)) continue;
      const note: { -readonly [K in keyof QuarterNote]: QuarterNote[K] } = { indicator: indicator.id, month };
      if (report.note !== undefined) note.note = report.note;
      if (report.obstacles !== undefined) note.obstacles = report.obstacles;
      if (report.followUp !== undefined) note.followUp = report.followUp;
      notes.push(note);
    }
  return {
    quarter,
    months,
    unit: state.plan?.unit ?? "",
    year: state.plan?.year ?? null,
    indicators,
    lines,
    budget: { pagu: through.pagu, spentInQuarter: through.spent - before.spent, spent: through.spent, absorption: through.pagu === 0 ? null : through.spent / through.pagu },
    notes,
  };
}
