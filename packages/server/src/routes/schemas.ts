import { z } from "@hono/zod-openapi";

/** The body of every refusal. */
export const ErrorResponse = z
  .object({ error: z.object({ code: z.string().openapi({ example: "NOT_A_MEMBER" }), message: z.string() }) })
  .openapi("Error");

export const HEX64 = z.string().regex(/^[0-9a-f]{64}$/, { error: "must be 64 lowercase hex digits" });
export const HEX128 = z.string().regex(/^[0-9a-f]{128}$/, { error: "must be 128 lowercase hex digits (an Ed25519 signature)" });

export const PlanParam = z.object({
  plan: z.string().openapi({ param: { name: "plan", in: "path" }, example: "loka-pom-rejang-lebong-2024", description: "a plan id: letters, digits, `.`, `_`, `-`" }),
});

/** The refusals every guarded route may answer, beside its own success. */
export function refusals(...statuses: readonly number[]) {
  const described: Record<number, string> = {
    400: "the request is not well formed (the field and why are named)",
    401: "signed out: no session, or it ended",
    403: "refused: not a member of the plan, a role that may not do this, or a write without the CSRF token or from another site",
    404: "no such plan or version",
    409: "the plan's log does not verify, or it moved on (conflict)",
    413: "the body is larger than the server takes",
    429: "too many sign-in attempts from this address: wait the seconds Retry-After says",
  };
  return Object.fromEntries(statuses.map((status) => [status, { description: described[status] ?? "refused", content: { "application/json": { schema: ErrorResponse } } }]));
}

export const Signer = z
  .object({
    publicKey: HEX64,
    fingerprint: z.string().openapi({ example: "ed25519:1a2b3c4d5e6f7a8b" }),
    name: z.string().optional().openapi({ description: "the member this key is in the plan's roster now, when it is one" }),
    role: z.string().optional(),
  })
  .openapi("Signer");

export const VersionEntry = z
  .object({
    version: z.number().int(),
    head: HEX64,
    events: z.number().int(),
    metadata: z.record(z.string(), z.unknown()).openapi({ description: "the version's metadata as its commit record holds it (docs/log-format.md)" }),
    signers: z.array(Signer),
  })
  .openapi("Version");

export const PlanRow = z
  .object({
    plan: z.string(),
    version: z.number().int(),
    head: HEX64,
    role: z.string(),
    verified: z.boolean(),
    unit: z.string().nullable(),
    agency: z.string().nullable(),
    year: z.number().int().nullable(),
    ceiling: z.number().int(),
    pagu: z.number().int(),
    allocated: z.number().int(),
    spent: z.number().int(),
    absorption: z.number().nullable(),
    indicators: z.number().int(),
    latestMonth: z.number().int().nullable(),
    bands: z.record(z.string(), z.number().int()),
    unrated: z.number().int(),
  })
  .openapi("PlanRow");
