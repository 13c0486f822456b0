import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppEnv, ServerParts } from "../context.js";
import { ApiError } from "../http/apiError.js";
import type { Access } from "./access.js";
import { memberByKey } from "./roster.js";
import { csrfMatches } from "./sessions.js";
import { isHttps, sessionCookie, siteOrigin } from "./site.js";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write must come from the site itself: its Origin header is the site's (a browser always
 * sends one with a cross-site or a same-site POST), and a browser that says the request is
 * cross-site is refused whatever it claims. Checked before anything else of the request.
 */
export function sameOriginWrites(parts: ServerParts): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!READS.has(c.req.method)) {
      const origin = c.req.header("origin");
      const fetchSite = c.req.header("sec-fetch-site");
      if (origin !== siteOrigin(c, parts.origin) || (fetchSite !== undefined && fetchSite !== "same-origin"))
        throw new ApiError(403, "CSRF", "a write must come from this site's own pages (its Origin header names another site, or none)");
    }
    await next();
  };
}

/**
 * The rule of one route, enforced before its input is read: who is signed in (the session
 * cookie), then for a plan's route whether they are a member of it now (the roster at its
 * head) in one of the roles the rule names. Every write of a signed-in caller also carries the
 * session's CSRF token (X-CSRF-Token). 401 signed out, 403 otherwise refused.
 */
export function authorize(access: Access, parts: ServerParts): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("session", undefined);
    c.set("member", undefined);
    c.set("readPlan", undefined);
    if (access.kind === "public") return next();
    const session = sessionOf(c, parts);
    if (session === undefined) throw new ApiError(401, "SIGNED_OUT", "sign in first: this needs a member's session (it has ended, or there is none)");
    if (!READS.has(c.req.method) && !csrfMatches(session, c.req.header("x-csrf-token")))
      throw new ApiError(403, "CSRF", "a write needs the session's CSRF token in the X-CSRF-Token header (given at sign-in and by GET /api/session)");
    c.set("session", session);
    if (access.kind === "member") {
      const plan = c.req.param("plan") ?? "";
      const read = await parts.plans.read(plan);
      const member = read.history === undefined ? undefined : memberByKey(parts.roster(plan, read.history.head), session.publicKey);
      if (member === undefined) throw new ApiError(403, "NOT_A_MEMBER", `you are not a member of plan ${plan}`);
      if (!access.roles.includes(member.role)) throw new ApiError(403, "ROLE_REFUSED", `a member with the role ${member.role} may not do this in plan ${plan}`);
      c.set("member", member);
      c.set("readPlan", read);
    }
    return next();
  };
}

/** The live session the request's cookie names, if any. */
export function sessionOf(c: Context<AppEnv>, parts: ServerParts) {
  return parts.sessions.find(getCookie(c, sessionCookie(isHttps(c, parts.origin))));
}
