import * as z from "zod";
import { Name, ObjectiveCode } from "../codes.js";

/** An objective's wording changes; its code, and so everything that hangs on it, stays. */
export const ObjectiveRenamed = z.object({
  type: z.literal("ObjectiveRenamed"),
  data: z.object({ code: ObjectiveCode, name: Name }),
});
export type ObjectiveRenamed = z.infer<typeof ObjectiveRenamed>;
