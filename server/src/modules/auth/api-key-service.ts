import { createHash, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../shared/actor';
import { actorRef } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { ValidationError } from '../../shared/errors';
import { newId, randomToken } from '../../shared/ids';
import { auditEvent } from '../audit/audit';
import type { ApiKeyStore } from './api-key-store';
import { API_KEY_SCOPES } from './permissions';
import { publicApiKey, type ApiKey, type PublicApiKey } from './user';

const hash = (secret: string) => createHash('sha256').update(secret).digest();
/** lastUsedAt is written at most this often per key, so a busy integration does not turn every decision into a write. */
const TOUCH_EVERY_MS = 60_000;
const CACHE_MS = 5_000;
const SECRET_FORM = /^cov_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

/**
 * API keys for integrating systems. The secret (`cov_<prefix>_<random>`) is shown once; we keep its SHA-256
 * (the secret has 256 random bits, so a slow hash adds nothing) and compare in constant time.
 */
export class ApiKeyService {
  private readonly lastTouch = new Map<string, number>();
  private readonly verified = new Map<string, { actor: Actor; at: number }>();

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly clock: Clock,
  ) {}

  async create(name: string, scopes: string[], actor: Actor): Promise<PublicApiKey & { secret: string }> {
    const bad = scopes.map((s, i) => ({ s, i })).filter(({ s }) => !API_KEY_SCOPES.includes(s as never));
    if (bad.length)
      throw new ValidationError(
        'Some scopes cannot be given to an API key.',
        bad.map(({ s, i }) => ({ pointer: `/scopes/${i}`, code: 'scope_not_grantable', message: `'${s}' is not a scope an API key may carry` })),
      );
    const prefix = randomToken(8).replace(/[^a-z0-9]/gi, '').toLowerCase().padEnd(10, '0').slice(0, 10);
    const secret = `cov_${prefix}_${randomToken(32)}`;
    const now = this.clock.now().toISOString();
    const key: ApiKey = {
      id: newId('key'),
      name,
      prefix,
      secretHash: hash(secret).toString('hex'),
      scopes: [...new Set(scopes)],
      createdBy: actorRef(actor),
      createdAt: now,
      revokedAt: null,
      lastUsedAt: null,
    };
    await this.keys.create(key, [auditEvent(actor, 'api-key.created', { type: 'api-key', id: key.id, key: key.name }, { after: publicApiKey(key) }, now)]);
    return { ...publicApiKey(key), secret };
  }

  /**
   * The actor for a presented secret, or null when it is malformed, unknown or revoked. A verified key is
   * remembered for CACHE_MS (a store read and a hash per request cost ~8 % of a decision), so a revocation on
   * another instance takes effect within that time. When the store is unreachable, a key verified earlier keeps
   * working (fail-static, ADR 005) rather than stopping every upstream system.
   */
  async authenticate(secret: string): Promise<Actor | null> {
    const m = SECRET_FORM.exec(secret);
    if (!m) return null;
    const now = this.clock.now().getTime();
    // Keyed by the secret's hash: the map outlives requests and should not hold secrets in the clear.
    const given = hash(secret);
    const cacheKey = given.toString('hex');
    const cached = this.verified.get(cacheKey);
    if (cached && now - cached.at < CACHE_MS) return cached.actor;
    let key;
    try {
      key = await this.keys.getByPrefix(m[1]);
    } catch (e) {
      if (cached) return cached.actor;
      throw e;
    }
    if (!key || key.revokedAt) return null;
    const expected = Buffer.from(key.secretHash, 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    if (now - (this.lastTouch.get(key.id) ?? 0) > TOUCH_EVERY_MS) {
      this.lastTouch.set(key.id, now);
      // Bookkeeping only: a store that cannot take this write (locked, unreachable, full) must not refuse a key
      // that was just verified, or every decision would fail with it (fail-static, ADR 005).
      await this.keys.touch(key.id, new Date(now).toISOString()).catch(() => undefined);
    }
    const actor: Actor = { kind: 'api-key', id: key.id, name: key.name, roles: [], permissions: new Set(key.scopes) };
    if (this.verified.size > 10_000) this.verified.clear();
    this.verified.set(cacheKey, { actor, at: now });
    return actor;
  }

  async list(): Promise<PublicApiKey[]> {
    return (await this.keys.list()).map(publicApiKey);
  }

  async revoke(id: string, actor: Actor): Promise<PublicApiKey> {
    for (const [k, v] of this.verified) if (v.actor.id === id) this.verified.delete(k);
    const now = this.clock.now().toISOString();
    const before = await this.keys.getById(id);
    const key = await this.keys.revoke(id, now, [
      auditEvent(actor, 'api-key.revoked', { type: 'api-key', id, key: before?.name ?? id }, { before: before && publicApiKey(before), after: { revokedAt: now } }, now),
    ]);
    return publicApiKey(key);
  }
}
