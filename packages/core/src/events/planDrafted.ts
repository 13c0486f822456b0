import * as z from "zod";
import { Name } from "../codes.js";
import { Rupiah } from "../money/rupiah.js";

/** A plan is started for a work unit (satker) and fiscal year, with its total budget ceiling. */
export const PlanDrafted = z.object({
  type: z.literal("PlanDrafted"),
  data: z.object({
    unit: Name,
    agency: Name,
    year: z.number().int().min(2000, { error: "must be a fiscal year like 2024" }).max(2100, { error: "must be a fiscal year like 2024" }),
    ceiling: Rupiah,
    title: Name.optional(),
  }),
});
export type PlanDrafted = z.infer<typeof PlanDrafted>;
