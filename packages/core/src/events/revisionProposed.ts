import * as z from "zod";
import { RevisionKind } from "../revisionKind.js";
import { MemberId } from "../roster/role.js";

/** A command as a proposal keeps it: what a revision file writes, checked strictly by `decide` when proposed and again when approved. */
export const ProposedCommand = z.object({ type: z.string().regex(/^[a-z][A-Za-z]*$/), data: z.record(z.string(), z.unknown()) });

/**
 * A member proposes a revision (usulan): its commands wait, not in force, until the head approves
 * them (ProposalApproved), returns them with a reason (ProposalReturned), or the proposer withdraws
 * them (ProposalWithdrawn). `proposal` numbers the plan's proposals from 1; `by` is the proposer,
 * whose key signs the version that holds this event.
 */
export const RevisionProposed = z.object({
  type: z.literal("RevisionProposed"),
  data: z.object({
    proposal: z.number().int().min(1),
    kind: RevisionKind,
    by: MemberId,
    commands: z.array(ProposedCommand).min(1).max(10_000),
  }),
});
export type RevisionProposed = z.infer<typeof RevisionProposed>;
