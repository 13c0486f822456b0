import { createRoute, z } from "@hono/zod-openapi";
import { checkSignature } from "@rapk/history/signing";
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { deleteCookie, setCookie } from "hono/cookie";
import { PUBLIC, SIGNED_IN } from "../access/access.js";
import { type Member, memberByKey } from "../access/roster.js";
import type { Session } from "../access/sessions.js";
import { isHttps, sessionCookie, siteOrigin } from "../access/site.js";
import type { AppEnv, ServerParts } from "../context.js";
import { ApiError } from "../http/apiError.js";
import { HEX128, HEX64, refusals } from "./schemas.js";
import type { RouteModule } from "./routeTable.js";

const Challenge = z
  .object({
    challenge: z.string(),
    message: z.string().openapi({ description: "the exact text to sign (its UTF-8 bytes) with the member's Ed25519 key" }),
    expiresAt: z.string().openapi({ description: "ISO date-time after which the challenge is refused" }),
  })
  .openapi("Challenge");

const SignIn = z
  .strictObject({
    challenge: z.string().min(1).max(100),
    publicKey: HEX64,
    signature: HEX128.openapi({ description: "Ed25519 signature of the challenge's `message`" }),
  })
  .openapi("SignIn");

const Membership = z.object({ plan: z.string(), member: z.string(), name: z.string(), role: z.string() });

const SessionInfo = z
  .object({
    publicKey: HEX64,
    name: z.string(),
    csrfToken: z.string().openapi({ description: "send it in the X-CSRF-Token header of every write" }),
    expiresAt: z.string().openapi({ description: "when the session ends if unused (it also ends 8 hours after sign-in)" }),
    plans: z.array(Membership),
  })
  .openapi("Session");

/** The address a sign-in attempt counts against (the peer's; behind a proxy, the proxy's). */
function clientOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

function limited(c: Context, parts: ServerParts): void {
  const wait = parts.signInLimit.hit(clientOf(c));
  if (wait > 0) throw new ApiError(429, "RATE_LIMITED", `too many sign-in attempts from this address: try again in ${wait} s`, wait);
}

/** Every plan the key is a member of now, with the member it is there. */
async function membershipsOf(parts: ServerParts, publicKey: string): Promise<{ plan: string; member: Member }[]> {
  const found: { plan: string; member: Member }[] = [];
  for (const summary of await parts.store.listPlans()) {
    if (summary.version === 0) continue;
    const read = await parts.plans.read(summary.plan, summary.head);
    const member = read.history === undefined ? undefined : memberByKey(parts.roster(summary.plan, read.history.head), publicKey);
    if (member !== undefined) found.push({ plan: summary.plan, member });
  }
  return found;
}

async function sessionInfo(parts: ServerParts, session: Session) {
  const plans = (await membershipsOf(parts, session.publicKey)).map(({ plan, member }) => ({ plan, member: member.member, name: member.name, role: member.role }));
  return { publicKey: session.publicKey, name: session.name, csrfToken: session.csrf, expiresAt: new Date(session.lastSeen + parts.sessions.limits.idleMs).toISOString(), plans };
}

export const sessionRoutes: RouteModule = (app, table, parts) => {
  app.openapi(
    table.guard(
      createRoute({
        method: "post",
        path: "/api/session/challenge",
        summary: "A one-time sign-in challenge to sign",
        tags: ["session"],
        responses: { 200: { description: "the challenge", content: { "application/json": { schema: Challenge } } }, ...refusals(403, 429) },
      }),
      PUBLIC,
    ),
    (c) => {
      limited(c, parts);
      const issued = parts.challenges.issue(siteOrigin(c, parts.origin));
      return c.json({ challenge: issued.challenge, message: issued.message, expiresAt: new Date(issued.expiresAt).toISOString() }, 200);
    },
  );

  app.openapi(
    table.guard(
      createRoute({
        method: "post",
        path: "/api/session",
        summary: "Sign in: the challenge signed by a member's key",
        description: "The challenge is used up by this call, right or wrong. The key must be a member of at least one plan (its roster at its head).",
        tags: ["session"],
        request: { body: { required: true, content: { "application/json": { schema: SignIn } } } },
        responses: { 200: { description: "signed in: the session cookie is set", content: { "application/json": { schema: SessionInfo } } }, ...refusals(400, 401, 403, 413, 429) },
      }),
      PUBLIC,
    ),
    async (c) => {
      limited(c, parts);
      const { challenge, publicKey, signature } = c.req.valid("json");
      const issued = parts.challenges.take(challenge);
      if (issued === undefined) throw new ApiError(401, "CHALLENGE_REFUSED", "the challenge is unknown, used already or expired: ask for a new one");
      if (!checkSignature({ publicKey, signature }, issued.message)) throw new ApiError(401, "BAD_SIGNATURE", "the signature does not hold for this challenge and key");
      const memberships = await membershipsOf(parts, publicKey);
      const first = memberships[0];
      if (first === undefined) throw new ApiError(403, "NOT_A_MEMBER", "this key is not a member of any plan on this server: the head of the unit adds members");
      const session = parts.sessions.start(publicKey, first.member.name);
      const https = isHttps(c, parts.origin);
      setCookie(c, sessionCookie(https), session.id, { httpOnly: true, sameSite: "Strict", secure: https, path: "/", maxAge: Math.floor(parts.sessions.limits.absoluteMs / 1000) });
      parts.log(`signed in: ed25519:${publicKey.slice(0, 16)} (${first.member.name})`);
      return c.json(await sessionInfo(parts, session), 200);
    },
  );

  app.openapi(
    table.guard(
      createRoute({
        method: "get",
        path: "/api/session",
        summary: "Who is signed in, with the CSRF token and their plans",
        tags: ["session"],
        responses: { 200: { description: "the session", content: { "application/json": { schema: SessionInfo } } }, ...refusals(401) },
      }),
      SIGNED_IN,
    ),
    async (c) => c.json(await sessionInfo(parts, c.get("session") as Session), 200),
  );

  app.openapi(
    table.guard(
      createRoute({
        method: "delete",
        path: "/api/session",
        summary: "Sign out",
        tags: ["session"],
        responses: { 204: { description: "signed out" }, ...refusals(401, 403) },
      }),
      SIGNED_IN,
    ),
    (c) => {
      parts.sessions.end((c.get("session") as Session).id);
      deleteCookie(c, sessionCookie(isHttps(c, parts.origin)), { path: "/", secure: isHttps(c, parts.origin) });
      return c.body(null, 204);
    },
  );
};

export type { AppEnv };
