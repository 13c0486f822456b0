import { type Language, monthName } from "@rapk/core";

const numberFormats: Record<Language, Intl.NumberFormat> = {
  id: new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
};

/** A target or realisation value: `99,3` in Indonesian, `99.3` in English. */
export function formatNumber(value: number, language: Language): string {
  return numberFormats[language].format(value);
}

const percentFormats: Record<Language, Intl.NumberFormat> = {
  id: new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
};

/** A ratio 0..1 as a percentage with one decimal: `15,2 %` / `15.2%`. */
export function formatPercent(ratio: number, language: Language): string {
  const value = percentFormats[language].format(ratio * 100);
  return language === "id" ? `${value} %` : `${value}%`;
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
