import { z } from "zod";
import { LineId } from "../codes.js";
import { Month } from "../period/months.js";
import { Rupiah } from "../money/rupiah.js";

/** What was spent on a budget line in a month (realisasi anggaran); a later report for the month supersedes. */
export const SpendingReported = z.object({
  type: z.literal("SpendingReported"),
  data: z.object({ line: LineId, month: Month, amount: Rupiah }),
});
export type SpendingReported = z.infer<typeof SpendingReported>;
