import * as z from "zod";
import { MemberId } from "../roster/role.js";

/** A member leaves the roster: their key signs nothing after this version. */
export const MemberRemoved = z.object({
  type: z.literal("MemberRemoved"),
  data: z.object({ member: MemberId }),
});
export type MemberRemoved = z.infer<typeof MemberRemoved>;
