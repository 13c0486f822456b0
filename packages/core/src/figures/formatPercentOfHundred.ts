import type { Language } from "../period/monthName.js";
import { numberFormat } from "./numberFormats.js";

/**
 * A percentage given out of 100 (an achievement of 97.5, a realisation against its target) as
 * text with exactly `decimals` decimals: `97,50 %` in Indonesian, `97.50%` in English. A blank
 * (null, undefined) stays blank. For a ratio of 0..1, see {@link formatPercentOfRatio}.
 */
export function formatPercentOfHundred(value: number | null | undefined, language: Language = "id", decimals = 2): string {
  if (value === null || value === undefined) return "";
  const text = numberFormat(language, decimals, true).format(value);
  return language === "id" ? `${text} %` : `${text}%`;
}
