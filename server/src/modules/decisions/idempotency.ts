import { canonicalJson, sha256 } from '../../shared/canonical-json';
import { AppError, BadRequestError } from '../../shared/errors';

/** Keys are the caller's own; anything printable up to 200 characters (a UUID, an order number). */
const KEY_FORM = /^[\x21-\x7e]{1,200}$/;

export function checkIdempotencyKey(raw: string | string[] | undefined): string | null {
  if (raw === undefined) return null;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!KEY_FORM.test(key)) throw new BadRequestError('bad_idempotency_key', 'Idempotency-Key must be 1 to 200 printable ASCII characters without spaces.');
  return key;
}

/** What a retry must repeat exactly: the rule set in the address and the body, as canonical JSON. */
export function requestHash(kind: 'single' | 'batch', ruleSetKey: string, body: unknown): string {
  return sha256(canonicalJson({ kind, ruleSetKey, body }));
}

export function keyReused(key: string): AppError {
  return new AppError(422, 'idempotency_key_reused', `The Idempotency-Key '${key}' was already used for a different request. Use a new key for a new request.`, { idempotencyKey: key });
}

interface Done<T> {
  hash: string;
  value: T;
}

/**
 * Idempotency inside one process: an in-flight map (a duplicate that arrives while the first is being decided
 * waits for it instead of deciding again) and a bounded map of recent answers (a retry is answered without
 * evaluating or touching the store — also while the store is down). Across processes and restarts the store's
 * unique (caller, key) index is the authority; see DecisionService.
 */
export class IdempotencyCache<T> {
  private readonly inflight = new Map<string, { hash: string; promise: Promise<T> }>();
  private readonly recent = new Map<string, Done<T>>();

  constructor(private readonly maxRecent = 10_000) {}

  /**
   * Runs `fn` unless the same caller and key already ran (or are running) it: then returns that answer when the
   * hash matches, and throws `idempotency_key_reused` when it does not.
   */
  async run(callerId: string, key: string, hash: string, fn: () => Promise<T>): Promise<T> {
    const k = `${callerId}\n${key}`;
    const running = this.inflight.get(k);
    if (running) {
      if (running.hash !== hash) throw keyReused(key);
      try {
        return await running.promise;
      } catch {
        // The first attempt failed and wrote nothing: this one decides afresh.
      }
    }
    const done = this.recent.get(k);
    if (done) {
      if (done.hash !== hash) throw keyReused(key);
      this.recent.delete(k);
      this.recent.set(k, done);
      return done.value;
    }
    const again = this.inflight.get(k);
    if (again) return this.run(callerId, key, hash, fn);
    const promise = fn();
    this.inflight.set(k, { hash, promise });
    try {
      const value = await promise;
      this.remember(k, hash, value);
      return value;
    } finally {
      this.inflight.delete(k);
    }
  }

  private remember(k: string, hash: string, value: T): void {
    this.recent.set(k, { hash, value });
    if (this.recent.size > this.maxRecent) this.recent.delete(this.recent.keys().next().value as string);
  }
}
