import * as z from "zod";
import { Name } from "../codes.js";

/** The plan is signed: place, date and signatory. A published plan may omit the name (null). */
export const PlanSigned = z.object({
  type: z.literal("PlanSigned"),
  data: z.object({
    place: Name,
    date: z.iso.date({ error: "must be an ISO date like 2024-02-22" }),
    name: Name.nullable(),
    title: Name,
  }),
});
export type PlanSigned = z.infer<typeof PlanSigned>;
