import { randomBytes, timingSafeEqual } from "node:crypto";

/** Who a session is: the key that signed in (the member's role is read per plan, per request). */
export interface Session {
  readonly id: string;
  readonly publicKey: string;
  readonly name: string;
  /** Sent back in the X-CSRF-Token header of every write. */
  readonly csrf: string;
  readonly startedAt: number;
  lastSeen: number;
}

export interface SessionLimits {
  /** A session unused this long ends. */
  readonly idleMs: number;
  /** A session ends this long after sign-in, used or not. */
  readonly absoluteMs: number;
}

/**
 * Signed-in sessions, held in the server's memory: an id of 32 random bytes (the cookie), ended
 * when idle or old (SessionLimits) or on sign-out. A restart signs everyone out, which a member
 * undoes with one more signature.
 */
export class SessionBook {
  private readonly sessions = new Map<string, Session>();

  constructor(
    readonly limits: SessionLimits,
    private readonly now: () => number,
  ) {}

  start(publicKey: string, name: string): Session {
    const now = this.now();
    const session: Session = { id: randomBytes(32).toString("base64url"), publicKey, name, csrf: randomBytes(32).toString("base64url"), startedAt: now, lastSeen: now };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session of a cookie's id, its idle time restarted; undefined (and forgotten) when ended. */
  find(id: string | undefined): Session | undefined {
    if (id === undefined) return undefined;
    const session = this.sessions.get(id);
    if (session === undefined) return undefined;
    const now = this.now();
    if (now - session.lastSeen >= this.limits.idleMs || now - session.startedAt >= this.limits.absoluteMs) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastSeen = now;
    return session;
  }

  end(id: string): void {
    this.sessions.delete(id);
  }
}

/** Whether a presented CSRF token is the session's, compared in constant time. */
export function csrfMatches(session: Session, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
