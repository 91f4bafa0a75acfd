/**
 * Counts failed sign-ins per client address in a sliding window. Account lockout stops guessing one password;
 * this stops one address from spraying many accounts. In memory on purpose: per instance is enough to slow a guesser.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  fail(ip: string, now: number): void {
    const list = this.recent(ip, now);
    list.push(now);
    this.failures.set(ip, list);
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value as string);
  }

  /** Seconds to wait before this address may try again; 0 when it may. */
  blockedFor(ip: string, now: number): number {
    const list = this.recent(ip, now);
    if (list.length < this.maxFailures) return 0;
    return Math.ceil((list[0] + this.windowMs - now) / 1000);
  }

  private recent(ip: string, now: number): number[] {
    return (this.failures.get(ip) ?? []).filter((t) => t > now - this.windowMs);
  }
}
