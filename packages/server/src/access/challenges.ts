import { randomBytes } from "node:crypto";

/** A sign-in challenge as handed out: the text to sign, and until when it may be used. */
export interface Challenge {
  readonly challenge: string;
  /** The exact text the member's key signs (UTF-8): names rapk, the site and the challenge, so it is never a version's head. */
  readonly message: string;
  readonly expiresAt: number;
}

/**
 * One-time sign-in challenges: 32 random bytes each, valid for a short time, and taken out of the
 * book the first time anyone presents them (right or wrong), so a signature seen once cannot sign
 * anyone in again. The text signed starts with `rapk sign-in` and holds spaces, so it can never be
 * mistaken for a version head (64 hex digits) that the same key signs in a log.
 */
export class ChallengeBook {
  private readonly open = new Map<string, Challenge>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly now: () => number,
    /** At most this many open challenges; the oldest go first (a flood cannot fill memory). */
    private readonly capacity = 10_000,
  ) {}

  issue(origin: string): Challenge {
    this.sweep();
    const challenge = randomBytes(32).toString("base64url");
    const expiresAt = this.now() + this.lifetimeMs;
    const issued = { challenge, expiresAt, message: `rapk sign-in ${origin} ${challenge} until ${new Date(expiresAt).toISOString()}` };
    this.open.set(challenge, issued);
    while (this.open.size > this.capacity) this.open.delete(this.open.keys().next().value as string);
    return issued;
  }

  /** The challenge, removed from the book; undefined when unknown, used already or expired. */
  take(challenge: string): Challenge | undefined {
    const found = this.open.get(challenge);
    this.open.delete(challenge);
    return found !== undefined && found.expiresAt > this.now() ? found : undefined;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, challenge] of this.open) if (challenge.expiresAt <= now) this.open.delete(key);
  }
}
