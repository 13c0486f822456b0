import type { EventStore, PlanCatalog } from "@rapk/store";
import type { RosterLookup } from "./access/roster.js";
import type { SessionLimits } from "./access/sessions.js";

/** How a server runs: the store it serves and the limits it keeps. Only `store` is required. */
export interface ServerOptions {
  readonly store: EventStore;
  /** What it answers across plans (default: catalogOf(store)). */
  readonly catalog?: PlanCatalog;
  /** The built viewer (apps/viewer/dist) to serve at `/`; none served when omitted. */
  readonly viewerDir?: string;
  /**
   * The site's origin as browsers see it (`https://rapk.example.go.id`), when a reverse proxy
   * stands in front: writes must come from it, and cookies are Secure when it is https.
   * Default: the origin of the request as the server receives it.
   */
  readonly origin?: string;
  /** Who is a member of a plan (default: the plan's roster). */
  readonly roster?: RosterLookup;
  /** The clock, in milliseconds (tests move it). */
  readonly now?: () => number;
  readonly session?: Partial<SessionLimits>;
  /** How long a sign-in challenge may be used (default 2 minutes). */
  readonly challengeMs?: number;
  /** How long a prepared step waits for its member's signature (default 10 minutes). */
  readonly draftMs?: number;
  /** Sign-in attempts (challenges and signatures) one address may make per window (default 20 a minute). */
  readonly signInLimit?: { readonly attempts: number; readonly windowMs: number };
  /** The largest request body taken, in bytes (default 1 MiB). */
  readonly bodyLimitBytes?: number;
  /** Where the server says what happened (a line each); never handed a secret. Default: nothing. */
  readonly log?: (line: string) => void;
}

export const DEFAULTS = {
  session: { idleMs: 30 * 60_000, absoluteMs: 8 * 60 * 60_000 },
  challengeMs: 2 * 60_000,
  draftMs: 10 * 60_000,
  signInLimit: { attempts: 20, windowMs: 60_000 },
  bodyLimitBytes: 1024 * 1024,
} as const;
