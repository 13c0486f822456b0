/**
 * At most `limit` attempts per key (a client's address) in any `windowMs`: a sliding log of the
 * attempts' times. Bounded: the keys not seen for a window are dropped as new ones come.
 */
export class RateLimit {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts an attempt; the seconds to wait when it is one too many, else 0. */
  hit(key: string): number {
    const now = this.now();
    if (this.attempts.size > 10_000) this.prune(now);
    const recent = (this.attempts.get(key) ?? []).filter((at) => now - at < this.windowMs);
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent);
      return Math.max(1, Math.ceil(((recent[0] as number) + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.attempts.set(key, recent);
    return 0;
  }

  private prune(now: number): void {
    for (const [key, times] of this.attempts) if (times.every((at) => now - at >= this.windowMs)) this.attempts.delete(key);
  }
}
