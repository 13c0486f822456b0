import { randomBytes } from "node:crypto";
import type { PlanState } from "@rapk/core";
import type { CommittedVersion } from "@rapk/history";

/** A version the server decided and sealed for a member to sign in their browser. */
export interface Draft {
  readonly draft: string;
  readonly plan: string;
  /** The key of the session it was prepared for: only its signature, in that session, appends it. */
  readonly publicKey: string;
  /** The sealed version, unsigned; its head is what the member signs. */
  readonly version: CommittedVersion;
  /** The plan's version it was decided on: it lands only while the plan is still there. */
  readonly expectedVersion: number;
  /** The plan at that version, which its signers are read against (the roster, the policy). */
  readonly before: PlanState;
  readonly expiresAt: number;
}

/**
 * Versions prepared and waiting for their member's signature: the server decides a step
 * (checking it as `rapk verify` will), the browser signs the head with the member's own key, and
 * the server appends it with that signature. The server never holds a key; a draft is used once,
 * by the session it was made for, before it expires.
 */
export class DraftBook {
  private readonly open = new Map<string, Draft>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly now: () => number,
    /** At most this many drafts open; the oldest go first (a flood cannot fill memory). */
    private readonly capacity = 1_000,
  ) {}

  add(draft: Omit<Draft, "draft" | "expiresAt">): Draft {
    this.sweep();
    const made: Draft = { ...draft, draft: randomBytes(16).toString("hex"), expiresAt: this.now() + this.lifetimeMs };
    this.open.set(made.draft, made);
    while (this.open.size > this.capacity) this.open.delete(this.open.keys().next().value as string);
    return made;
  }

  /** The draft, taken out of the book: undefined when unknown, used, expired, or another session's or plan's. */
  take(draft: string, publicKey: string, plan: string): Draft | undefined {
    const found = this.open.get(draft);
    if (found === undefined || found.publicKey !== publicKey || found.plan !== plan) return undefined;
    this.open.delete(draft);
    return found.expiresAt > this.now() ? found : undefined;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, draft] of this.open) if (draft.expiresAt <= now) this.open.delete(key);
  }
}
