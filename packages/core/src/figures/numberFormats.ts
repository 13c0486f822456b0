import type { Language } from "../period/monthName.js";

const LOCALE: Record<Language, string> = { id: "id-ID", en: "en-GB" };
const made = new Map<string, Intl.NumberFormat>();

/**
 * The number format of a language at a number of decimals (`exact`: always that many, else at
 * most), made once: Indonesian groups thousands with dots and writes a decimal comma (1.080;
 * 99,3), English the other way round.
 */
export function numberFormat(language: Language, decimals: number, exact: boolean): Intl.NumberFormat {
  const key = `${language}:${decimals}:${exact}`;
  let format = made.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: decimals, ...(exact ? { minimumFractionDigits: decimals } : {}), useGrouping: true });
    made.set(key, format);
  }
  return format;
}
