import * as z from "zod";
import { RevisionKind } from "../revisionKind.js";
import { Role } from "../roster/role.js";

/**
 * A unit tightens the default policy (roster/policy.ts): from now on a version of `kind` takes
 * effect only when approved by members holding each of `roles` as well (a verifier before the
 * head, say). A policy is only ever tightened: what the default requires stays required.
 */
export const RolesRequired = z.object({
  type: z.literal("RolesRequired"),
  data: z.object({ kind: RevisionKind, roles: z.array(Role).min(1).max(4) }),
});
export type RolesRequired = z.infer<typeof RolesRequired>;
