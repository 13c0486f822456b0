import type { Language } from "../period/monthName.js";
import { numberFormat } from "./numberFormats.js";

/**
 * A target, realisation or other measured value as text: `99,3` and `1.080` in Indonesian,
 * `99.3` and `1,080` in English, with at most `decimals` decimals (4 by default, as finely as a
 * plan writes its targets). A blank (null, undefined) stays blank.
 */
export function formatMeasure(value: number | null | undefined, language: Language = "id", decimals = 4): string {
  return value === null || value === undefined ? "" : numberFormat(language, decimals, false).format(value);
}
