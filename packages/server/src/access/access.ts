import { ROLES, type Role } from "./roster.js";

/**
 * Who may call a route: anyone (`public`: the OpenAPI document, sign-in), anyone signed in
 * (`signedIn`: their own session, the plans they belong to), or a member of the plan the path
 * names whose role is one of `roles` (`member`). Every route of the API has one; the
 * authorization matrix test is generated from them.
 */
export type Access =
  | { readonly kind: "public" }
  | { readonly kind: "signedIn" }
  | { readonly kind: "member"; readonly roles: readonly Role[] };

export const PUBLIC: Access = { kind: "public" };
export const SIGNED_IN: Access = { kind: "signedIn" };
export const anyMember = (roles: readonly Role[]): Access => ({ kind: "member", roles });

/** Every member of the plan reads it. */
export const READERS: Access = anyMember(ROLES);

/** Everyone but the auditor, who signs nothing that changes a plan: who takes steps and keeps evidence (the policy decides the rest). */
export const STEP_TAKERS: Access = anyMember(ROLES.filter((role) => role !== "auditor"));

/** A route and its rule, as the route table lists it (paths in OpenAPI form: `/api/plans/{plan}`). */
export interface RouteRule {
  readonly method: string;
  readonly path: string;
  readonly access: Access;
}
