import type { IndicatorId } from "../codes.js";
import type { Direction } from "../events/index.js";
import type { PlanState } from "../state.js";
import { type Band, BPOM_BANDS, bandOf } from "./bands.js";
import { indicatorsInOrder } from "./documentOrder.js";

/**
 * Capaian: realisation / target x 100 where higher is better; (2 x target - realisation) /
 * target x 100 where lower is better. Undefined (null) where the target is 0 or blank, or
 * nothing was reported.
 */
export function achievementOf(target: number | null, realisation: number | null | undefined, direction: Direction): number | null {
  if (target === null || target === 0 || realisation === null || realisation === undefined) return null;
  return direction === "higher" ? (realisation / target) * 100 : ((2 * target - realisation) / target) * 100;
}

export interface MonthAchievement {
  readonly month: number;
  readonly target: number | null;
  readonly realisation: number | null;
  readonly achievement: number | null;
  readonly band: Band | null;
}

export interface IndicatorAchievement {
  readonly indicator: IndicatorId;
  readonly name: string;
  readonly months: readonly MonthAchievement[];
  /** The latest month with a reported realisation, or null. */
  readonly latest: MonthAchievement | null;
}

/** Achievement per indicator (in the document's order) and month, with BPOM's band (or the bands given). */
export function achievement(state: PlanState, bands: readonly Band[] = BPOM_BANDS): IndicatorAchievement[] {
  return indicatorsInOrder(state).map((indicator) => {
    const reports = state.realisations[indicator.id] ?? {};
    const months = indicator.targets.map((target, index) => {
      const realisation = reports[index + 1]?.value ?? null;
      const value = achievementOf(target, realisation, indicator.direction);
      return { month: index + 1, target, realisation, achievement: value, band: value === null ? null : bandOf(value, bands) };
    });
    const latest = [...months].reverse().find((m) => m.realisation !== null) ?? null;
    return { indicator: indicator.id, name: indicator.name, months, latest };
  });
}
