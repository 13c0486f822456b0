import * as z from "zod";
import { Rupiah } from "../money/rupiah.js";

/** The unit's total budget ceiling changes; only a Revisi DIPA may do this. */
export const CeilingRevised = z.object({
  type: z.literal("CeilingRevised"),
  data: z.object({ ceiling: Rupiah }),
});
export type CeilingRevised = z.infer<typeof CeilingRevised>;
