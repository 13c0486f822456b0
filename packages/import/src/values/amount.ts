/** The result of reading one cell: the value, or why the cell is not one. */
export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: string };

// Published plans write whole Rupiah grouped by threes, with commas (70,412,160) or, in the
// Indonesian style, dots (70.412.160); plain digits are accepted too. An amount is whole Rupiah, so
// one mark between groups of three can only be grouping. Anything else (1.234,5, -5, 12e9, Rp 5)
// is refused rather than interpreted: a misread amount silently changes a budget, which is worse
// than stopping.
const GROUPED = /^\d{1,3}([,.])\d{3}(\1\d{3})*$/;
const PLAIN = /^\d+$/;

/** Reads a whole-Rupiah amount written `70,412,160` or `70412160`. */
export function readAmount(raw: string): Read<number> {
  const text = raw.trim();
  if (text === "") return { ok: false, why: "is blank" };
  if (GROUPED.test(text) || PLAIN.test(text)) {
    const value = Number(text.replace(/[,.]/g, ""));
    if (!Number.isSafeInteger(value)) return { ok: false, why: "is too large to be an exact amount of Rupiah" };
    return { ok: true, value };
  }
  return { ok: false, why: whyNotAmount(text) };
}

function whyNotAmount(text: string): string {
  const hint = "whole Rupiah are written like 70,412,160, 70.412.160 or 70412160";
  if (text.startsWith("-")) return `is negative; ${hint}`;
  if (/^[\d.,]*\d[eE][+-]?\d+$/.test(text)) return `is in exponent notation; ${hint}`;
  if (/^[\d.,]+$/.test(text) && text.includes(".")) return `has a decimal point or dot grouping; ${hint}`;
  if (/^[\d,]+$/.test(text)) return `has misplaced commas; ${hint}`;
  return `is not an amount; ${hint}`;
}
