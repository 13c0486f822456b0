import type { Read } from "./amount.js";

// A target is a plain decimal (99.3, 2.52, 100). Exponent notation is accepted because it is how
// JavaScript writes very large or small numbers, so the CSV export can always be read back.
const DECIMAL = /^\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** Reads a monthly target: a number >= 0, or null for a blank cell (which is not 0). */
export function readTarget(raw: string): Read<number | null> {
  const text = raw.trim();
  if (text === "") return { ok: true, value: null };
  if (!DECIMAL.test(text)) {
    const why = text.startsWith("-")
      ? "is negative; a target is a number >= 0 like 99.3, or blank"
      : text.includes(",")
        ? "has a comma; write decimals with a point, like 99.3"
        : "is not a target; a target is a number >= 0 like 99.3, or blank";
    return { ok: false, why };
  }
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, why: "is too large to be a target" };
  return { ok: true, value };
}
