import * as z from "zod";
import { MemberId } from "../roster/role.js";

/**
 * A proposal approved (disetujui) by `by`: the events of its commands, decided again against the
 * plan as it stands now, follow in the same version and take effect with it.
 */
export const ProposalApproved = z.object({
  type: z.literal("ProposalApproved"),
  data: z.object({ proposal: z.number().int().min(1), by: MemberId }),
});
export type ProposalApproved = z.infer<typeof ProposalApproved>;

/** A proposal sent back (dikembalikan) by `by`, with the reason; the proposer may correct it and propose again. */
export const ProposalReturned = z.object({
  type: z.literal("ProposalReturned"),
  data: z.object({ proposal: z.number().int().min(1), by: MemberId, reason: z.string().trim().min(1, { error: "must say why" }).max(5000) }),
});
export type ProposalReturned = z.infer<typeof ProposalReturned>;

/** A proposal withdrawn (ditarik) by its proposer before anyone decided on it. */
export const ProposalWithdrawn = z.object({
  type: z.literal("ProposalWithdrawn"),
  data: z.object({ proposal: z.number().int().min(1), by: MemberId }),
});
export type ProposalWithdrawn = z.infer<typeof ProposalWithdrawn>;
