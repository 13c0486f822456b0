import * as z from "zod";
import { Name } from "../codes.js";
import { MemberId, PublicKey, Role } from "../roster/role.js";

/**
 * A member joins the plan's roster (daftar anggota): a name, a role and the Ed25519 key they sign
 * with. The roster's first version is signed by a head it adds: that key is the plan's root of trust.
 */
export const MemberAdded = z.object({
  type: z.literal("MemberAdded"),
  data: z.object({ member: MemberId, name: Name, role: Role, publicKey: PublicKey }),
});
export type MemberAdded = z.infer<typeof MemberAdded>;
