import * as z from "zod";
import { LineId } from "../codes.js";
import { Rupiah } from "../money/rupiah.js";

/** A budget line's ceiling (pagu) changes, by a Revisi POK or a Revisi DIPA. */
export const BudgetRevised = z.object({
  type: z.literal("BudgetRevised"),
  data: z.object({ line: LineId, pagu: Rupiah }),
});
export type BudgetRevised = z.infer<typeof BudgetRevised>;
