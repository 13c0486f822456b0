import * as z from "zod";

/**
 * An amount of money in whole Rupiah: a non-negative safe integer.
 * Floats never carry money here; a fraction of a Rupiah has no meaning in a DIPA.
 */
export const Rupiah = z
  .number({ error: "must be a number of Rupiah" })
  // Before .int(): zod's int also refuses unsafe integers, and 2^53 is whole, just too large.
  .max(Number.MAX_SAFE_INTEGER, { error: "must be a safe integer" })
  .int({ error: "must be a whole number of Rupiah" })
  .nonnegative({ error: "must not be negative" });
export type Rupiah = z.infer<typeof Rupiah>;

/** True when `value` is a valid amount of Rupiah (see {@link Rupiah}). */
export function isRupiah(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}
