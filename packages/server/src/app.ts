import { OpenAPIHono } from "@hono/zod-openapi";
import { serveStatic } from "@hono/node-server/serve-static";
import { type PlanCatalog, catalogOf } from "@rapk/store";
import { bodyLimit } from "hono/body-limit";
import { PUBLIC, type RouteRule } from "./access/access.js";
import { sameOriginWrites } from "./access/authorize.js";
import { ChallengeBook } from "./access/challenges.js";
import { RateLimit } from "./access/rateLimit.js";
import { rosterOf } from "./access/roster.js";
import { SessionBook } from "./access/sessions.js";
import type { AppEnv, ServerParts } from "./context.js";
import { ApiError, errorBody } from "./http/apiError.js";
import { errorResponse } from "./http/errors.js";
import { securityHeaders } from "./http/security.js";
import { DEFAULTS, type ServerOptions } from "./options.js";
import { PlanReader } from "./plans/planReader.js";
import { planRoutes } from "./routes/planRoutes.js";
import { RouteTable } from "./routes/routeTable.js";
import { sessionRoutes } from "./routes/sessionRoutes.js";
import { stepRoutes } from "./routes/stepRoutes.js";
import { eventRoutes } from "./routes/eventRoutes.js";
import { EVIDENCE_BODY_LIMIT, EVIDENCE_UPLOAD, evidenceRoutes } from "./routes/evidenceRoutes.js";
import { DraftBook } from "./writes/draftBook.js";

/** The OpenAPI document's own description. */
export const API_INFO = {
  openapi: "3.0.3",
  info: {
    title: "rapk server",
    version: "1",
    description:
      "The JSON API of `rapk serve`: plans, their versions, states and diffs, over a store of RAPK plan logs. Sign in by signing a one-time challenge with a member's Ed25519 key (docs/server.md). Every write needs the session's CSRF token in X-CSRF-Token and must come from the site's own origin.",
  },
} as const;

export interface RapkApp {
  /** @internal The Hono app (its `fetch`, `request` and `routes`). */
  readonly app: OpenAPIHono<AppEnv>;
  /** Every route of the API with its rule (the authorization matrix is generated from it). */
  readonly rules: readonly RouteRule[];
  /** @internal What the routes share. */
  readonly parts: ServerParts;
}

/** The server's app: the API, its OpenAPI document, the viewer, and the checks in front of them. */
export function createApp(options: ServerOptions): RapkApp {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const limit = options.signInLimit ?? DEFAULTS.signInLimit;
  const parts: ServerParts = {
    store: options.store,
    catalog: options.catalog ?? catalogOf(options.store as typeof options.store & Partial<PlanCatalog>),
    plans: new PlanReader(options.store),
    roster: options.roster ?? rosterOf,
    sessions: new SessionBook({ ...DEFAULTS.session, ...options.session }, now),
    challenges: new ChallengeBook(options.challengeMs ?? DEFAULTS.challengeMs, now),
    drafts: new DraftBook(options.draftMs ?? DEFAULTS.draftMs, now),
    now,
    signInLimit: new RateLimit(limit.attempts, limit.windowMs, now),
    origin: options.origin,
    log,
  };
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      const where = [result.target, ...(issue?.path ?? [])].join(".");
      throw new ApiError(400, "INVALID_REQUEST", `${where}: ${issue?.message ?? "is not valid"}`);
    },
  });
  app.onError((error, c) => errorResponse(error, c, log));
  app.use("*", securityHeaders(options.origin?.startsWith("https:") === true));
  app.use("/api/*", async (c, next) => {
    await next();
    c.header("cache-control", "no-store");
  });
  // Every body is bounded before it is read: the API's own limit, an evidence file's for its upload.
  const limited = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(413, "BODY_TOO_LARGE", `the body is larger than this server takes here (${maxSize} bytes)`);
      },
    });
  const apiLimit = limited(options.bodyLimitBytes ?? DEFAULTS.bodyLimitBytes);
  const evidenceLimit = limited(EVIDENCE_BODY_LIMIT);
  app.use("/api/*", (c, next) => (c.req.method === "POST" && EVIDENCE_UPLOAD.test(new URL(c.req.url).pathname) ? evidenceLimit : apiLimit)(c, next));
  app.use("/api/*", sameOriginWrites(parts));

  const table = new RouteTable(parts);
  sessionRoutes(app, table, parts);
  planRoutes(app, table, parts);
  stepRoutes(app, table, parts);
  evidenceRoutes(app, table, parts);
  eventRoutes(app, table, parts);
  app.doc("/openapi.json", API_INFO);
  const rules: RouteRule[] = [...table.rules, { method: "GET", path: "/openapi.json", access: PUBLIC }];

  app.all("/api/*", (c) => c.json(errorBody("NOT_FOUND", `there is no ${c.req.method} ${new URL(c.req.url).pathname} in this API (GET /openapi.json lists them)`), 404));
  if (options.viewerDir !== undefined) {
    app.use("/*", serveStatic({ root: options.viewerDir }));
    app.get("/*", serveStatic({ root: options.viewerDir, path: "index.html" }));
  }
  app.notFound((c) => c.json(errorBody("NOT_FOUND", "not found"), 404));
  return { app, rules, parts };
}
