import * as z from "zod";
import { IndicatorId, LineId } from "../codes.js";
import { Rupiah } from "../money/rupiah.js";

/**
 * Part of a budget line is attributed to an indicator (kontribusi). The amount replaces any
 * earlier one for the same pair; 0 withdraws the contribution.
 */
export const ContributionAllocated = z.object({
  type: z.literal("ContributionAllocated"),
  data: z.object({ indicator: IndicatorId, line: LineId, amount: Rupiah }),
});
export type ContributionAllocated = z.infer<typeof ContributionAllocated>;
