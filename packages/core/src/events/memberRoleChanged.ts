import * as z from "zod";
import { MemberId, Role } from "../roster/role.js";

/** A member is given another role; what they signed before keeps the role they had then. */
export const MemberRoleChanged = z.object({
  type: z.literal("MemberRoleChanged"),
  data: z.object({ member: MemberId, role: Role }),
});
export type MemberRoleChanged = z.infer<typeof MemberRoleChanged>;
