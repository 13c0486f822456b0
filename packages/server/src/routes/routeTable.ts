import type { OpenAPIHono, RouteConfig } from "@hono/zod-openapi";
import type { Access, RouteRule } from "../access/access.js";
import { authorize } from "../access/authorize.js";
import type { AppEnv, ServerParts } from "../context.js";

/**
 * The API's routes with their rules. A route is added only through {@link RouteTable.guard},
 * which puts its rule in front of it, so a route and its rule cannot part: the authorization
 * matrix test reads this table and fails on any route of the app that is not in it.
 */
export class RouteTable {
  readonly rules: RouteRule[] = [];

  constructor(private readonly parts: ServerParts) {}

  guard<R extends RouteConfig>(route: R, access: Access): R {
    this.rules.push({ method: route.method.toUpperCase(), path: route.path, access });
    return { ...route, middleware: [authorize(access, this.parts)] } as R;
  }
}

/** A module of routes: registers them on the app through the table. */
export type RouteModule = (app: OpenAPIHono<AppEnv>, table: RouteTable, parts: ServerParts) => void;
