import * as z from "zod";
import { MemberId, PublicKey } from "../roster/role.js";

/** A member signs with a new key from now on (a lost or replaced key): the old one can sign nothing later. */
export const MemberRekeyed = z.object({
  type: z.literal("MemberRekeyed"),
  data: z.object({ member: MemberId, publicKey: PublicKey }),
});
export type MemberRekeyed = z.infer<typeof MemberRekeyed>;
