import { TooManyRequestsError } from '../../shared/errors';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows a burst up to the rate, then refills continuously, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(4, () => now);
    for (let i = 0; i < 4; i++) limiter.take('key_a');
    expect(() => limiter.take('key_a')).toThrow(TooManyRequestsError);
    limiter.take('key_b');
    now += 250; // one token back
    limiter.take('key_a');
    expect(() => limiter.take('key_a')).toThrow(TooManyRequestsError);
    now += 10_000;
    for (let i = 0; i < 4; i++) limiter.take('key_a');
  });

  it('says how long to wait, in whole seconds', () => {
    const limiter = new RateLimiter(1, () => 0);
    limiter.take('k');
    try {
      limiter.take('k');
      throw new Error('expected a 429');
    } catch (e) {
      expect(e).toBeInstanceOf(TooManyRequestsError);
      expect((e as TooManyRequestsError).retryAfterSeconds).toBe(1);
      expect((e as TooManyRequestsError).status).toBe(429);
    }
  });
});
