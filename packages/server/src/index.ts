/**
 * @rapk/server: `rapk serve`, a store of RAPK plan logs (a folder of NDJSON logs or PostgreSQL)
 * over HTTP: a JSON API described by OpenAPI, sign-in by a member's Ed25519 key, the viewer.
 * Node only.
 */
export { API_INFO, type RapkApp, createApp } from "./app.js";
export { apiMarkdown } from "./apiMarkdown.js";
export { type RunningServer, type StartOptions, startServer } from "./start.js";
export type { ServerOptions } from "./options.js";
export type { SessionLimits } from "./access/sessions.js";
export { type Access, type RouteRule } from "./access/access.js";
export { type Member, type Role, ROLES, type RosterLookup, memberByKey, rosterOf } from "./access/roster.js";
export { type OpenedServerStore, openServerStore } from "./openStore.js";
