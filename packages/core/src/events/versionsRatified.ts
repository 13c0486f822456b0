import * as z from "zod";

/**
 * The versions up to `through` ratified (disahkan) afterwards: whoever signs the version holding
 * this event approves every version up to and including `through`, whose head it names. It is how
 * versions written before the plan had a roster, or before anyone signed, come to be signed by
 * the roles the policy asks of them: the verifier takes this version's signers as theirs
 * (docs/workflow.md). It changes nothing in the plan.
 */
export const VersionsRatified = z.object({
  type: z.literal("VersionsRatified"),
  data: z.object({
    through: z.number().int().min(1),
    head: z.string().regex(/^[0-9a-f]{64}$/, { error: "must be the head of version `through`: 64 lowercase hex digits" }),
  }),
});
export type VersionsRatified = z.infer<typeof VersionsRatified>;
