import { createRoute, z } from "@hono/zod-openapi";
import { fingerprintOf, signaturesOf } from "@rapk/history";
import type { StoredCommit } from "@rapk/store";
import { streamSSE } from "hono/streaming";
import { READERS } from "../access/access.js";
import type { ReadPlan } from "../plans/planReader.js";
import { PlanParam, refusals } from "./schemas.js";
import type { RouteModule } from "./routeTable.js";


/** How often a quiet stream says it is still there, so that a proxy does not close it. */
export const HEARTBEAT_MS = 15_000;

/** What a stream says of a version that landed: enough for a view to know it is stale and what to fetch. */
function versionEvent(commit: StoredCommit) {
  const { version } = commit;
  const metadata = version.commit?.metadata ?? version.events[0]?.metadata;
  return {
    plan: commit.plan,
    position: commit.position,
    version: version.version,
    head: version.head,
    events: version.events.length,
    kind: metadata?.kind ?? null,
    actor: metadata?.actor ?? null,
    signers: (version.commit ? signaturesOf(version.commit) : []).map(({ publicKey }) => ({ publicKey, fingerprint: fingerprintOf(publicKey) })),
  };
}

export const eventRoutes: RouteModule = (app, table, parts) => {
  app.openapi(
    table.guard(
      createRoute({
        method: "get",
        path: "/api/plans/{plan}/events",
        summary: "A Server-Sent Events stream of the plan's new versions, as they land (from any server process on the same store)",
        description:
          "Each version that lands after the stream opened is an event `version` whose data is `{plan, position, version, head, events, kind, actor, signers}` and whose id is the store's position: a client that reconnects with Last-Event-ID gets what it missed, in order, once. A comment every 15 s keeps the stream open through proxies. The store is followed through its own feed: a folder watched, PostgreSQL's LISTEN/NOTIFY, so a version written by another server process or by `rapk` arrives too.",
        tags: ["plans"],
        request: { params: PlanParam },
        responses: { 200: { description: "the stream (text/event-stream)", content: { "text/event-stream": { schema: z.string() } } }, ...refusals(400, 401, 403, 404) },
      }),
      READERS,
    ),
    (c) => {
      const read = c.get("readPlan") as ReadPlan;
      const resumeFrom = /^\d{1,15}$/.test(c.req.header("last-event-id") ?? "") ? Number(c.req.header("last-event-id")) : undefined;
      // Without a position to resume from, the stream starts with what lands after it opened.
      const known = resumeFrom === undefined ? read.versions.length : 0;
      const subscription = parts.store.subscribe({ plan: read.plan, ...(resumeFrom === undefined ? {} : { after: resumeFrom }) });
      return streamSSE(c, async (stream) => {
        stream.onAbort(() => void subscription.close());
        const heartbeat = setInterval(() => void stream.write(": still here\n\n").catch(() => subscription.close()), HEARTBEAT_MS);
        try {
          await stream.writeSSE({ event: "open", data: JSON.stringify({ plan: read.plan, version: read.versions.length, head: read.head }) });
          for await (const commit of subscription) {
            if (commit.version.version <= known) continue;
            await stream.writeSSE({ event: "version", id: String(commit.position), data: JSON.stringify(versionEvent(commit)) });
          }
        } catch (error) {
          parts.log(`events of ${read.plan}: the store's feed ended: ${error instanceof Error ? error.message : "unknown"}`);
        } finally {
          clearInterval(heartbeat);
          await subscription.close();
        }
      });
    },
  );
};
