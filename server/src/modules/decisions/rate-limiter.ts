import { TooManyRequestsError } from '../../shared/errors';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per API key, in memory: `ratePerSecond` tokens a second, holding at most one second's worth, so a
 * key may burst to its rate and no further. Per instance: N instances behind a balancer allow up to N × the rate,
 * which is the usual trade for not putting a shared counter on the hot path.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  /** Takes `cost` tokens for `id` or throws 429 with the seconds until enough are back. */
  take(id: string, cost = 1): void {
    const now = this.nowMs();
    let b = this.buckets.get(id);
    if (!b) {
      if (this.buckets.size > 10_000) this.prune(now);
      b = { tokens: this.ratePerSecond, at: now };
      this.buckets.set(id, b);
    } else {
      b.tokens = Math.min(this.ratePerSecond, b.tokens + ((now - b.at) / 1000) * this.ratePerSecond);
      b.at = now;
    }
    const need = Math.min(cost, this.ratePerSecond);
    if (b.tokens >= need) {
      b.tokens -= need;
      return;
    }
    const wait = Math.max(1, Math.ceil((need - b.tokens) / this.ratePerSecond));
    throw new TooManyRequestsError(`This API key is limited to ${this.ratePerSecond} requests a second. Try again in ${wait} s.`, wait);
  }

  /** Buckets that have refilled completely carry no information. */
  private prune(now: number): void {
    for (const [id, b] of this.buckets) if (b.tokens + ((now - b.at) / 1000) * this.ratePerSecond >= this.ratePerSecond) this.buckets.delete(id);
  }
}
