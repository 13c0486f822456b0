import * as z from "zod";
import { Name, ObjectiveCode } from "../codes.js";

/** An objective (Sasaran Kegiatan) of the plan; `number` is its display number in the document (`1.`). */
export const ObjectiveDefined = z.object({
  type: z.literal("ObjectiveDefined"),
  data: z.object({
    code: ObjectiveCode,
    name: Name,
    number: z.number().int().positive().optional(),
  }),
});
export type ObjectiveDefined = z.infer<typeof ObjectiveDefined>;
