import * as z from "zod";

/** A month of the fiscal year, 1 (January, B01) to 12 (December, B12). */
export const Month = z
  .number({ error: "must be a month number 1-12" })
  .int({ error: "must be a whole month number 1-12" })
  .min(1, { error: "must be a month number 1-12" })
  .max(12, { error: "must be a month number 1-12" });
export type Month = z.infer<typeof Month>;

/** The twelve months in order; the plan has exactly twelve target slots. */
export const MONTHS: readonly Month[] = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
