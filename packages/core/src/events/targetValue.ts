import * as z from "zod";

/**
 * A monthly target: a finite number >= 0, or null for a blank cell. Blank is not zero: the
 * published plan leaves some months empty, and achievement is undefined there.
 */
export const TargetValue = z
  .number({ error: "must be a number >= 0 or null (blank)" })
  .nonnegative({ error: "must not be negative" })
  .finite({ error: "must be finite" })
  .nullable();
export type TargetValue = z.infer<typeof TargetValue>;
