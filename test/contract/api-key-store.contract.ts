import { ConflictError, NotFoundError } from '../../server/src/shared/errors';
import { allEvents, apiKey, event, iso, rejection, withStores, type OpenStores } from './fixtures';

/** The promises of ApiKeyStore (server/src/modules/auth/api-key-store.ts), checked on one adapter. */
export function apiKeyStoreContract(name: string, open: OpenStores): void {
  const t = withStores(open);
  const keyEvent = (id: string, action: string) => event({ entityType: 'api-key', entityId: id, entityKey: id, action });

  describe(`ApiKeyStore contract: ${name}`, () => {
    it('creates keys and finds them by id and prefix; null when absent', t(async (s) => {
      const k = apiKey('cov_aaaa');
      expect(await s.apiKeys.create(k, [keyEvent(k.id, 'api-key.created')])).toEqual(k);
      expect(await s.apiKeys.getById(k.id)).toEqual(k);
      expect(await s.apiKeys.getByPrefix('cov_aaaa')).toEqual(k);
      expect(await s.apiKeys.getByPrefix('cov_zzzz')).toBeNull();
      expect(await s.apiKeys.getById('key_nothing')).toBeNull();
      expect((await allEvents(s)).map((e) => e.action)).toEqual(['api-key.created']);
    }));

    it('refuses a taken prefix with prefix_taken and appends no audit', t(async (s) => {
      await s.apiKeys.create(apiKey('cov_aaaa'), []);
      const dup = apiKey('cov_aaaa');
      const err = await rejection(s.apiKeys.create(dup, [keyEvent(dup.id, 'api-key.created')]));
      expect(err).toBeInstanceOf(ConflictError);
      expect(err.code).toBe('prefix_taken');
      expect(await s.apiKeys.getById(dup.id)).toBeNull();
      expect(await s.apiKeys.list()).toHaveLength(1);
      expect(await allEvents(s)).toEqual([]);
    }));

    it('lists keys newest first', t(async (s) => {
      for (const [p, m] of [['cov_b', 2], ['cov_a', 1], ['cov_c', 3]] as const) await s.apiKeys.create(apiKey(p, { createdAt: iso(m) }), []);
      expect((await s.apiKeys.list()).map((k) => k.prefix)).toEqual(['cov_c', 'cov_b', 'cov_a']);
    }));

    it('revokes once: a second revoke is a no-op returning the key, and only the first is audited', t(async (s) => {
      const k = await s.apiKeys.create(apiKey('cov_aaaa'), []);
      const first = await s.apiKeys.revoke(k.id, iso(5), [keyEvent(k.id, 'api-key.revoked')]);
      expect(first).toEqual({ ...k, revokedAt: iso(5) });
      const second = await s.apiKeys.revoke(k.id, iso(9), [keyEvent(k.id, 'api-key.revoked')]);
      expect(second).toEqual(first);
      expect(await s.apiKeys.getById(k.id)).toEqual(first);
      expect((await allEvents(s)).map((e) => e.action)).toEqual(['api-key.revoked']);
    }));

    it('throws NotFoundError when revoking a missing key', t(async (s) => {
      expect(await rejection(s.apiKeys.revoke('key_nothing', iso(1), [keyEvent('key_nothing', 'x')]))).toBeInstanceOf(NotFoundError);
      expect(await allEvents(s)).toEqual([]);
    }));

    it('touch only moves lastUsedAt forward; touching an unknown key is harmless', t(async (s) => {
      const k = await s.apiKeys.create(apiKey('cov_aaaa'), []);
      await s.apiKeys.touch(k.id, iso(10));
      expect((await s.apiKeys.getById(k.id))?.lastUsedAt).toBe(iso(10));
      await s.apiKeys.touch(k.id, iso(3));
      expect((await s.apiKeys.getById(k.id))?.lastUsedAt).toBe(iso(10));
      await s.apiKeys.touch(k.id, iso(11));
      expect(await s.apiKeys.getById(k.id)).toEqual({ ...k, lastUsedAt: iso(11) });
      await s.apiKeys.touch('key_nothing', iso(12));
      expect(await s.apiKeys.list()).toHaveLength(1);
    }));

    it('returns copies', t(async (s) => {
      const input = apiKey('cov_aaaa');
      const k = await s.apiKeys.create(input, []);
      const pristine = structuredClone(k);
      input.scopes.push('rules:write');
      k.name = 'changed';
      (await s.apiKeys.getById(k.id))!.scopes.push('rules:write');
      (await s.apiKeys.getByPrefix('cov_aaaa'))!.revokedAt = iso(1);
      (await s.apiKeys.list())[0].name = 'changed';
      (await s.apiKeys.revoke(k.id, iso(2), [])).scopes.length = 0;
      expect(await s.apiKeys.getById(k.id)).toEqual({ ...pristine, revokedAt: iso(2) });
    }));
  });
}
