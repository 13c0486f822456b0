import type { Context } from "hono";

/** The site's origin for this request: the one configured (behind a proxy), else the request's own. */
export function siteOrigin(c: Context, configured: string | undefined): string {
  return configured ?? new URL(c.req.url).origin;
}

/** Whether the site is served over HTTPS, so cookies must be Secure. */
export function isHttps(c: Context, configured: string | undefined): boolean {
  return siteOrigin(c, configured).startsWith("https:");
}

/** The session cookie's name: `__Host-` over HTTPS, which browsers keep to this host, Secure and path /. */
export function sessionCookie(https: boolean): string {
  return https ? "__Host-rapk-session" : "rapk-session";
}
