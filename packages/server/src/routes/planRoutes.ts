import { createRoute, z } from "@hono/zod-openapi";
import { planRollup } from "@rapk/core";
import { type History, diffStates, signaturesOf } from "@rapk/history";
import { READERS, SIGNED_IN } from "../access/access.js";
import { type RosterLookup, memberByKey } from "../access/roster.js";
import type { Session } from "../access/sessions.js";
import { ApiError } from "../http/apiError.js";
import type { ReadPlan } from "../plans/planReader.js";
import { PlanParam, PlanRow, VersionEntry, refusals } from "./schemas.js";
import type { RouteModule } from "./routeTable.js";


const VERSION = /^(0|[1-9][0-9]{0,8})$/;

/** A version number or a date (`2024-05-31`, a date-time): the version that was in force then. */
function versionOf(history: History, given: string | undefined, what: string): number {
  if (given === undefined) return history.versions.length;
  const version = VERSION.test(given) ? Number(given) : history.versionAt(given);
  if (version > history.versions.length) throw new ApiError(404, "VERSION_OUT_OF_RANGE", `${what}: there is no version ${version}; the plan has versions 0..${history.versions.length}`);
  return version;
}

const AsOf = z.object({
  version: z.string().optional().openapi({ description: "a version number (0 = before anything)", example: "2" }),
  at: z.string().optional().openapi({ description: "an ISO date or date-time: the version in force then", example: "2024-05-31" }),
});

const Between = z.object({
  from: z.string().openapi({ description: "the older state: a version number or an ISO date", example: "1" }),
  to: z.string().optional().openapi({ description: "the newer state (default: the latest version)", example: "2" }),
});

const StateResponse = z
  .object({ plan: z.string(), version: z.number().int(), state: z.record(z.string(), z.unknown()).openapi({ description: "the plan state (core's PlanState) at that version" }) })
  .openapi("PlanStateAt");

const DiffResponse = z
  .object({ plan: z.string(), from: z.number().int(), to: z.number().int(), diff: z.object({ changes: z.array(z.record(z.string(), z.unknown())), summary: z.record(z.string(), z.unknown()) }) })
  .openapi("PlanDiff");

/** The versions as the API lists them, each signer named when the key is a member now. */
function versionsOf(read: ReadPlan, roster: RosterLookup) {
  const members = read.history === undefined ? [] : roster(read.plan, read.history.head);
  return read.versions.map((version) => ({
    version: version.version,
    head: version.head,
    events: version.events.length,
    metadata: { ...version.metadata },
    signers: (version.commit ? signaturesOf(version.commit) : []).map(({ publicKey }) => {
      const member = memberByKey(members, publicKey);
      return { publicKey, fingerprint: `ed25519:${publicKey.slice(0, 16)}`, ...(member ? { name: member.name, role: member.role } : {}) };
    }),
  }));
}

export const planRoutes: RouteModule = (app, table, parts) => {
  app.openapi(
    table.guard(
      createRoute({
        method: "get",
        path: "/api/plans",
        summary: "The plans the signed-in member belongs to, with their roll-up figures at the head",
        tags: ["plans"],
        responses: { 200: { description: "the plans, by plan id", content: { "application/json": { schema: z.object({ plans: z.array(PlanRow) }) } } }, ...refusals(401) },
      }),
      SIGNED_IN,
    ),
    async (c) => {
      const session = c.get("session") as Session;
      const plans = [];
      for (const summary of await parts.store.listPlans()) {
        if (summary.version === 0) continue;
        const read = await parts.plans.read(summary.plan, summary.head);
        if (read.history === undefined) continue;
        const member = memberByKey(parts.roster(summary.plan, read.history.head), session.publicKey);
        if (member === undefined) continue;
        plans.push({ plan: summary.plan, version: read.versions.length, head: read.head, role: member.role, verified: read.problem === undefined, ...planRollup(read.history.head) });
      }
      return c.json({ plans }, 200);
    },
  );

  app.openapi(
    table.guard(
      createRoute({
        method: "get",
        path: "/api/plans/{plan}/versions",
        summary: "A plan's versions: metadata, head and who signed each",
        tags: ["plans"],
        request: { params: PlanParam },
        responses: {
          200: { description: "the versions in order, and whether the log verifies", content: { "application/json": { schema: z.object({ plan: z.string(), verified: z.boolean(), problem: z.record(z.string(), z.unknown()).optional(), versions: z.array(VersionEntry) }) } } },
          ...refusals(400, 401, 403, 404),
        },
      }),
      READERS,
    ),
    (c) => {
      const read = c.get("readPlan") as ReadPlan;
      return c.json({ plan: read.plan, verified: read.problem === undefined, ...(read.problem ? { problem: { ...read.problem } } : {}), versions: versionsOf(read, parts.roster) }, 200);
    },
  );

  app.openapi(
    table.guard(
      createRoute({
        method: "get",
        path: "/api/plans/{plan}/log",
        summary: "A plan's log as NDJSON, to verify without the server (`rapk verify`)",
        tags: ["plans"],
        request: { params: PlanParam },
        responses: { 200: { description: "the log's lines", content: { "application/x-ndjson": { schema: z.string() } } }, ...refusals(400, 401, 403, 404) },
      }),
      READERS,
    ),
    (c) => {
      const read = c.get("readPlan") as ReadPlan;
      // A plain Response: the typed one knows only JSON bodies.
      return new Response(read.text, { status: 200, headers: { "content-type": "application/x-ndjson; charset=utf-8", "content-disposition": `attachment; filename="${read.plan}.ndjson"` } }) as never;
    },
  );

  app.openapi(
    table.guard(
      createRoute({
        method: "get",
        path: "/api/plans/{plan}/state",
        summary: "The plan as of a version or a date (default: the latest version)",
        tags: ["plans"],
        request: { params: PlanParam, query: AsOf },
        responses: { 200: { description: "the state", content: { "application/json": { schema: StateResponse } } }, ...refusals(400, 401, 403, 404, 409) },
      }),
      READERS,
    ),
    async (c) => {
      const { plan } = c.req.valid("param");
      const { version, at } = c.req.valid("query");
      if (version !== undefined && at !== undefined) throw new ApiError(400, "INVALID_REQUEST", "version and at: give one of them");
      if (version !== undefined && !VERSION.test(version)) throw new ApiError(400, "INVALID_REQUEST", `version ${JSON.stringify(version)}: expected a version number`);
      const { history } = await parts.plans.verified(plan);
      const number = versionOf(history, version ?? at, version !== undefined ? "version" : "at");
      return c.json({ plan, version: number, state: history.stateAt(number) as unknown as Record<string, unknown> }, 200);
    },
  );

  app.openapi(
    table.guard(
      createRoute({
        method: "get",
        path: "/api/plans/{plan}/diff",
        summary: "What changed between two versions (or dates) of a plan",
        tags: ["plans"],
        request: { params: PlanParam, query: Between },
        responses: { 200: { description: "the changes and their summary", content: { "application/json": { schema: DiffResponse } } }, ...refusals(400, 401, 403, 404, 409) },
      }),
      READERS,
    ),
    async (c) => {
      const { plan } = c.req.valid("param");
      const { from, to } = c.req.valid("query");
      const { history } = await parts.plans.verified(plan);
      const a = versionOf(history, from, "from");
      const b = versionOf(history, to, "to");
      const diff = diffStates(history.stateAt(a), history.stateAt(b));
      return c.json({ plan, from: a, to: b, diff: diff as unknown as { changes: Record<string, unknown>[]; summary: Record<string, unknown> } }, 200);
    },
  );
};
