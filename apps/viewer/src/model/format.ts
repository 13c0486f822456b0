import { type Language, formatMeasure, formatPercentOfRatio, monthName } from "@rapk/core";

/**
 * A target or realisation value: `99,3` in Indonesian, `99.3` in English; rounded to two decimals
 * or, where the figure is the one a printed report shows (the quarter tab, as @rapk/report's
 * formatMeasure in its PDF), four. Core's formatMeasure, so the viewer writes figures as rapk does.
 */
export function formatNumber(value: number, language: Language, decimals: 2 | 4 = 2): string {
  return formatMeasure(value, language, decimals);
}

/**
 * A ratio 0..1 as a percentage, with one decimal (`15,2 %` / `15.2%`) or, where the figure is the
 * one a printed report shows (the quarter tab, as its PDF), two (`15,24 %`): core's formatPercentOfRatio.
 */
export function formatPercent(ratio: number, language: Language, decimals: 1 | 2 = 1): string {
  return formatPercentOfRatio(ratio, language, decimals);
}

/**
 * The calendar date of an ISO date or date-time as it was written (`2024-02-22T09:00:00+07:00`
 * -> `22 Februari 2024`). The date is read from the text, not converted to the reader's time
 * zone: the plan's dates are the unit's local dates, and a reader abroad must see the same day.
 */
export function formatDate(iso: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  return `${Number(day)} ${monthName(Number(month), language)} ${year}`;
}
