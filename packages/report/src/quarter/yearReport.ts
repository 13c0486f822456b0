import { type Band, BPOM_BANDS, type PlanState, type Signature, achievementOf, bandOf, budgetSummary, documentOrder } from "@rapk/core";
import { type QuarterProvenance, absorptionOf, headingOf } from "./quarterReport.js";

/** An indicator's year, as a LAKIP (Laporan Kinerja) reports it. */
export interface YearIndicator {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  /** The year's target (B12). */
  readonly target: number | null;
  /** The latest realisation reported in the year, and its month; null when none was. */
  readonly realisation: number | null;
  readonly month: number | null;
  /** Capaian: the realisation against the year's target, in percent. */
  readonly achievement: number | null;
  readonly band: Band | null;
}

export interface YearObjective {
  readonly code: string;
  readonly name: string;
  readonly indicators: readonly YearIndicator[];
}

/** The yearly performance report: per objective and indicator the year's target, realisation and achievement; the year's absorption. */
export interface YearReport {
  readonly unit: string;
  readonly agency: string;
  readonly year: number | null;
  readonly version: number | null;
  readonly effectiveAt: string | null;
  readonly objectives: readonly YearObjective[];
  readonly budget: {
    readonly ceiling: number;
    readonly pagu: number;
    readonly notItemised: number;
    readonly spent: number;
    readonly absorption: number | null;
    readonly ceilingAbsorption: number | null;
  };
  readonly signature: Signature | null;
}

/**
 * The year's report (the figures a LAKIP takes): each indicator's year target (B12) against the
 * latest realisation the year has (December's once reported), with achievement and band, by
 * objective in the document's order; the year's spending against the DIPA ceiling and against the
 * itemised lines.
 */
export function yearReport(state: PlanState, bands: readonly Band[] = BPOM_BANDS, provenance?: QuarterProvenance): YearReport {
  const objectives = documentOrder(state).map(({ objective, indicators }) => ({
    code: objective.code,
    name: objective.name,
    indicators: indicators.map((indicator): YearIndicator => {
      const reports = state.realisations[indicator.id] ?? {};
      const month = [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].find((m) => reports[m] !== undefined) ?? null;
      const realisation = month === null ? null : reports[month]!.value;
      const target = indicator.targets[11] ?? null;
      const capaian = achievementOf(target, realisation, indicator.direction);
      return { id: indicator.id, name: indicator.name, unit: indicator.unit, target, realisation, month, achievement: capaian, band: capaian === null ? null : bandOf(capaian, bands) };
    }),
  }));
  const summary = budgetSummary(state, 12);
  return {
    ...headingOf(state, provenance),
    objectives,
    budget: absorptionOf(state, summary.pagu, summary.spent),
    signature: state.signature,
  };
}
