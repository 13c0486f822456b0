import { createRoute, z } from "@hono/zod-openapi";
import { type DomainError, type Member, type PlanState, RevisionKind, instantIn } from "@rapk/core";
import { type RevisionInput, appendRevision, describeSteps, fingerprintOf, headAfter, readNextVersion, zoneOfLog } from "@rapk/history";
import { addSignature, checkSignature } from "@rapk/history/signing";
import { READERS, STEP_TAKERS } from "../access/access.js";
import type { Session } from "../access/sessions.js";
import type { ServerParts } from "../context.js";
import { ApiError } from "../http/apiError.js";
import type { ReadPlan } from "../plans/planReader.js";
import { HEX128, HEX64, PlanParam, Signer, refusals } from "./schemas.js";
import type { RouteModule } from "./routeTable.js";


/** Refusals of the roster and the policy: who may take a step, and who must sign it. */
const POLICY_CODES = new Set(["ROLE_NOT_ALLOWED", "POLICY_NOT_MET", "SIGNER_MISMATCH", "UNKNOWN_SIGNER", "UNKNOWN_MEMBER", "MEMBER_REQUIRED"]);

const Base = {
  expectVersion: z.number().int().min(0).openapi({ description: "the plan's version the step was made on (its head now): a plan that moved on is a 409, and the form is re-based" }),
  reason: z.string().max(1000).optional().openapi({ description: "why, recorded in the version (default: what the step is)" }),
  reference: z.string().max(1000).optional().openapi({ description: "the letter or decree behind it (a Revisi DIPA's approval names the treasury's letter)" }),
  at: z.string().max(40).optional().openapi({ description: "when it takes effect: an ISO date-time with offset (default: now)" }),
};
const Proposal = z.number().int().min(1).openapi({ description: "the proposal's number (GET .../proposals lists them)" });

const StepRequest = z
  .discriminatedUnion("step", [
    z.strictObject({
      step: z.literal("propose"),
      ...Base,
      kind: RevisionKind,
      commands: z.array(z.record(z.string(), z.unknown())).min(1).max(3000).openapi({ description: "the revision's commands, as revision.json writes them (docs/events.md); checked by core's schemas" }),
    }),
    z.strictObject({
      step: z.literal("roster"),
      ...Base,
      commands: z.array(z.record(z.string(), z.unknown())).min(1).max(100).openapi({ description: "roster commands (addMember, changeMemberRole, rekeyMember, removeMember, requireRoles, ratifyVersions), put in force at once by the head who signs them" }),
    }),
    z.strictObject({ step: z.literal("approve"), ...Base, proposal: Proposal }),
    z.strictObject({ step: z.literal("return"), ...Base, proposal: Proposal, reason: z.string().min(1).max(5000).openapi({ description: "why it goes back (required)" }) }),
    z.strictObject({ step: z.literal("withdraw"), ...Base, proposal: Proposal }),
  ])
  .openapi("StepRequest");
type StepRequest = z.infer<typeof StepRequest>;

const Prepared = z
  .object({
    draft: z.string().openapi({ description: "the prepared version's id: POST the signature to .../steps/{draft}" }),
    plan: z.string(),
    version: z.number().int(),
    head: HEX64.openapi({ description: "what to sign: Ed25519 over the UTF-8 bytes of these 64 hex digits, with the member's own key" }),
    events: z.number().int(),
    says: z.array(z.string()).openapi({ description: "what the version does, in words" }),
    expiresAt: z.string(),
  })
  .openapi("PreparedStep");

const Committed = z.object({ plan: z.string(), version: z.number().int(), head: HEX64, signers: z.array(Signer) }).openapi("CommittedStep");

const DraftParam = PlanParam.extend({ draft: z.string().regex(/^[0-9a-f]{32}$/).openapi({ param: { name: "draft", in: "path" }, description: "the id a prepared step was given" }) });

const ProposalRow = z
  .object({
    proposal: z.number().int(),
    kind: z.string(),
    by: z.string(),
    status: z.string(),
    commands: z.number().int(),
    decidedBy: z.string().optional(),
    returnReason: z.string().optional(),
  })
  .openapi("Proposal");

/** The revision a step becomes, taken by `member` (its actor, and `by` whom decide checks against the policy). */
function revisionOf(step: StepRequest, member: Member, before: PlanState): RevisionInput {
  const times = step.at === undefined ? {} : { effectiveAt: step.at };
  const meta = { actor: member.name, by: member.member, ...(step.reference === undefined ? {} : { reference: step.reference }), ...times };
  if (step.step === "roster") return { meta: { ...meta, kind: "roster", reason: step.reason ?? `roster change by ${member.member}` }, commands: step.commands };
  if (step.step === "propose") return { meta: { ...meta, kind: step.kind, reason: step.reason ?? `proposal by ${member.member}` }, commands: [{ type: "propose", data: { commands: step.commands } }] };
  const proposal = before.proposals[String(step.proposal)];
  if (proposal === undefined) throw new ApiError(404, "UNKNOWN_PROPOSAL", `the plan has no proposal ${step.proposal}`);
  const command = step.step === "approve" ? "approveProposal" : step.step === "return" ? "returnProposal" : "withdrawProposal";
  const data = step.step === "return" ? { proposal: step.proposal, reason: step.reason } : { proposal: step.proposal };
  const said = step.step === "approve" ? "approves" : step.step === "return" ? "returns" : "withdraws";
  return { meta: { ...meta, kind: proposal.kind, reason: step.reason ?? `${said} proposal ${step.proposal} (${proposal.kind}, proposed by ${proposal.by})` }, commands: [{ type: command, data }] };
}

/** A refusal of the plan's rules: 403 for who may do what (the policy), 422 for what the plan does not allow. */
function refused(error: DomainError): ApiError {
  const where = error.path.length > 0 ? ` (at ${error.path.join(".")})` : "";
  return new ApiError(POLICY_CODES.has(error.code) ? 403 : 422, error.code, `${error.command?.message ?? error.message}${where}; nothing was written`);
}

/** The plan as a step needs it: verified, and still at the version the step was made on. */
async function planAt(parts: ServerParts, plan: string, expected: number): Promise<ReadPlan & { readonly history: NonNullable<ReadPlan["history"]> }> {
  const read = await parts.plans.verified(plan);
  const head = read.versions.length;
  if (head !== expected) throw new ApiError(409, "CONFLICT", `the plan is at version ${head}, not ${expected}: someone else's version landed first; reload it and take the step again`);
  return read;
}

export const stepRoutes: RouteModule = (app, table, parts) => {
  app.openapi(
    table.guard(
      createRoute({
        method: "post",
        path: "/api/plans/{plan}/steps",
        summary: "Prepare a step (propose, approve, return, withdraw, or the head's change of the roster): decided and sealed, for the member to sign its head in the browser",
        description:
          "The server decides the step against the plan as `rapk propose|approve|return|withdraw` does (the policy included: an officer approving is a 403) and seals the version, but does not sign it: the member signs `head` with their own key and POSTs the signature to `.../steps/{draft}` within the draft's lifetime. Nothing is written until then.",
        tags: ["steps"],
        request: { params: PlanParam, body: { required: true, content: { "application/json": { schema: StepRequest } } } },
        responses: { 200: { description: "the version to sign", content: { "application/json": { schema: Prepared } } }, ...refusals(400, 401, 403, 404, 409, 413, 422) },
      }),
      STEP_TAKERS,
    ),
    async (c) => {
      const { plan } = c.req.valid("param");
      const step = c.req.valid("json");
      const session = c.get("session") as Session;
      const member = c.get("member") as Member;
      const read = await planAt(parts, plan, step.expectVersion);
      const history = read.history;
      const before = history.stateAt(step.expectVersion);
      const revision = revisionOf(step, member, before);
      const last = read.versions[read.versions.length - 1];
      const events = read.versions.flatMap((version) => version.events);
      const result = appendRevision(events, revision, { history, ...(last ? { head: headAfter(last) } : {}), now: () => instantIn(new Date(parts.now()), zoneOfLog(history)) });
      if (!result.ok) throw refused(result.error);
      const draft = parts.drafts.add({ plan, publicKey: session.publicKey, version: result.sealed, expectedVersion: step.expectVersion, before });
      return c.json(
        {
          draft: draft.draft,
          plan,
          version: result.sealed.version,
          head: result.sealed.head,
          events: result.sealed.events.length,
          says: describeSteps(result.sealed.events, before),
          expiresAt: new Date(draft.expiresAt).toISOString(),
        },
        200,
      );
    },
  );

  app.openapi(
    table.guard(
      createRoute({
        method: "post",
        path: "/api/plans/{plan}/steps/{draft}",
        summary: "Append a prepared step with the member's signature of its head",
        description:
          "The signature must be the signed-in member's, over the draft's head, and the version must read as `rapk verify` will read it (the roster and the policy as they stand); the plan must still be at the version the step was made on (409 otherwise: prepare it again). A draft is used once.",
        tags: ["steps"],
        request: { params: DraftParam, body: { required: true, content: { "application/json": { schema: z.strictObject({ signature: HEX128.openapi({ description: "Ed25519 signature of the draft's head" }) }).openapi("StepSignature") } } } },
        responses: { 201: { description: "appended", content: { "application/json": { schema: Committed } } }, ...refusals(400, 401, 403, 404, 409, 413) },
      }),
      STEP_TAKERS,
    ),
    async (c) => {
      const { plan, draft: id } = c.req.valid("param");
      const { signature } = c.req.valid("json");
      const session = c.get("session") as Session;
      const draft = parts.drafts.take(id, session.publicKey, plan);
      if (draft === undefined) throw new ApiError(404, "DRAFT_NOT_FOUND", `there is no prepared step ${id} of yours for plan ${plan}: it expired, was used, or was never made; prepare it again`);
      const signed = { publicKey: session.publicKey, signature };
      if (!checkSignature(signed, draft.version.head))
        throw new ApiError(403, "BAD_SIGNATURE", `the signature does not hold for the head ${draft.version.head} with your key ${fingerprintOf(session.publicKey)}; nothing was written`);
      const version = addSignature(draft.version, signed);
      // Read as rapk verify will read it once appended: a version it would refuse is never written.
      const reading = readNextVersion(version, draft.before, checkSignature);
      const problem = reading.problems[0];
      if (problem) throw new ApiError(403, problem.code, `${problem.message}; nothing was written`);
      // The store checks the plan is still at the version the step was made on, under its lock (409 CONFLICT otherwise).
      await parts.store.append(plan, version, { expectedVersion: draft.expectedVersion });
      const signers = reading.signers.map(({ publicKey, fingerprint, name, role }) => ({ publicKey, fingerprint, ...(name ? { name } : {}), ...(role ? { role } : {}) }));
      parts.log(`appended version ${version.version} of ${plan} (${draft.version.commit?.metadata.kind ?? "?"}), signed by ${fingerprintOf(session.publicKey)}`);
      return c.json({ plan, version: version.version, head: version.head, signers }, 201);
    },
  );

  app.openapi(
    table.guard(
      createRoute({
        method: "get",
        path: "/api/plans/{plan}/proposals",
        summary: "A plan's proposals at its head: pending ones first, then the rest, with who decided them and a return's reason",
        tags: ["steps"],
        request: { params: PlanParam },
        responses: { 200: { description: "the proposals", content: { "application/json": { schema: z.object({ plan: z.string(), version: z.number().int(), proposals: z.array(ProposalRow) }) } } }, ...refusals(400, 401, 403, 404, 409) },
      }),
      READERS,
    ),
    async (c) => {
      const { plan } = c.req.valid("param");
      const read = await parts.plans.verified(plan);
      const all = Object.values(read.history.head.proposals).map((p) => ({
        proposal: p.proposal,
        kind: p.kind,
        by: p.by,
        status: p.status,
        commands: p.commands.length,
        ...(p.decidedBy === undefined ? {} : { decidedBy: p.decidedBy }),
        ...(p.returnReason === undefined ? {} : { returnReason: p.returnReason }),
      }));
      const proposals = [...all.filter((p) => p.status === "pending"), ...all.filter((p) => p.status !== "pending")];
      return c.json({ plan, version: read.versions.length, proposals }, 200);
    },
  );
};
