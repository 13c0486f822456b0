import * as z from "zod";
import { IndicatorId, Name } from "../codes.js";

/** An indicator's wording changes; its id, targets and budget stay. */
export const IndicatorRenamed = z.object({
  type: z.literal("IndicatorRenamed"),
  data: z.object({ indicator: IndicatorId, name: Name }),
});
export type IndicatorRenamed = z.infer<typeof IndicatorRenamed>;
