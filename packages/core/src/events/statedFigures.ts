import * as z from "zod";
import { IndicatorId } from "../codes.js";
import { Rupiah } from "../money/rupiah.js";

/**
 * What the document prints as an indicator's ANGGARAN, kept as a fact beside the derived budget
 * (the sum of its contributions), never in its place: on a plan with missing pages the two differ,
 * and the difference is what an auditor needs to see. null: the document prints none.
 */
export const IndicatorBudgetStated = z.object({
  type: z.literal("IndicatorBudgetStated"),
  data: z.object({ indicator: IndicatorId, amount: Rupiah.nullable() }),
});
export type IndicatorBudgetStated = z.infer<typeof IndicatorBudgetStated>;

/** What the document prints as its Total, kept beside the ceiling and the lines' pagu; null: none printed. */
export const PlanTotalStated = z.object({
  type: z.literal("PlanTotalStated"),
  data: z.object({ amount: Rupiah.nullable() }),
});
export type PlanTotalStated = z.infer<typeof PlanTotalStated>;
