import * as z from "zod";
import { IndicatorId } from "../codes.js";
import { TargetValue } from "./targetValue.js";

/** All twelve monthly targets of an indicator are set at once, B01 first; B12 is the annual target. */
export const TargetsSet = z.object({
  type: z.literal("TargetsSet"),
  data: z.object({
    indicator: IndicatorId,
    values: z.array(TargetValue).length(12, { error: "must have exactly 12 monthly targets (B01..B12)" }),
  }),
});
export type TargetsSet = z.infer<typeof TargetsSet>;
