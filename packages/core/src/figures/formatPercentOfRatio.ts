import type { Language } from "../period/monthName.js";
import { formatPercentOfHundred } from "./formatPercentOfHundred.js";

/**
 * A ratio of 0..1 (spent over pagu, an absorption of 0.1524) as a percentage with exactly
 * `decimals` decimals: `15,24 %` in Indonesian, `15.24%` in English. A blank stays blank. For a
 * figure already out of 100, see {@link formatPercentOfHundred}.
 */
export function formatPercentOfRatio(ratio: number | null | undefined, language: Language = "id", decimals = 2): string {
  if (ratio === null || ratio === undefined) return "";
  // 0.4906905 * 100 is 49069.049999...: the product kept to 15 significant digits rounds as 49069.05 does.
  return formatPercentOfHundred(Number((ratio * 100).toPrecision(15)), language, decimals);
}
