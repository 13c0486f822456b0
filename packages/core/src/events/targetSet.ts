import * as z from "zod";
import { IndicatorId } from "../codes.js";
import { Month } from "../period/months.js";
import { TargetValue } from "./targetValue.js";

/** The target of one month (B01..B12) of an indicator is set; null blanks the cell. */
export const TargetSet = z.object({
  type: z.literal("TargetSet"),
  data: z.object({ indicator: IndicatorId, month: Month, value: TargetValue }),
});
export type TargetSet = z.infer<typeof TargetSet>;
