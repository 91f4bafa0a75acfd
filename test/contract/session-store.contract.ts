import { iso, session, withStores, type OpenStores } from './fixtures';

/** The promises of SessionStore (server/src/modules/auth/session-store.ts), checked on one adapter. */
export function sessionStoreContract(name: string, open: OpenStores): void {
  const t = withStores(open);

  describe(`SessionStore contract: ${name}`, () => {
    it('creates and gets sessions by token hash; null for unknown', t(async (s) => {
      const a = session('usr_a');
      await s.sessions.create(a);
      expect(await s.sessions.get(a.tokenHash)).toEqual(a);
      expect(await s.sessions.get('f'.repeat(64))).toBeNull();
    }));

    it('touch moves lastSeenAt and nothing else; touching an unknown session creates nothing', t(async (s) => {
      const a = session('usr_a');
      await s.sessions.create(a);
      await s.sessions.touch(a.tokenHash, iso(10));
      expect(await s.sessions.get(a.tokenHash)).toEqual({ ...a, lastSeenAt: iso(10) });
      await s.sessions.touch('0'.repeat(64), iso(10));
      expect(await s.sessions.get('0'.repeat(64))).toBeNull();
    }));

    it('delete removes one session; deleteForUser removes every session of that user only', t(async (s) => {
      const [a1, a2, b1] = [session('usr_a'), session('usr_a'), session('usr_b')];
      for (const x of [a1, a2, b1]) await s.sessions.create(x);
      await s.sessions.delete(a1.tokenHash);
      expect(await s.sessions.get(a1.tokenHash)).toBeNull();
      expect(await s.sessions.get(a2.tokenHash)).toEqual(a2);
      await s.sessions.delete(a1.tokenHash);
      await s.sessions.deleteForUser('usr_a');
      expect(await s.sessions.get(a2.tokenHash)).toBeNull();
      expect(await s.sessions.get(b1.tokenHash)).toEqual(b1);
      await s.sessions.deleteForUser('usr_nobody');
    }));

    it('deleteExpired removes sessions expiring at or before now and says how many', t(async (s) => {
      const past = session('usr_a', { expiresAt: iso(5) });
      const now = session('usr_a', { expiresAt: iso(10) });
      const later = session('usr_b', { expiresAt: iso(11) });
      for (const x of [past, now, later]) await s.sessions.create(x);
      expect(await s.sessions.deleteExpired(iso(10))).toBe(2);
      expect(await s.sessions.get(past.tokenHash)).toBeNull();
      expect(await s.sessions.get(now.tokenHash)).toBeNull();
      expect(await s.sessions.get(later.tokenHash)).toEqual(later);
      expect(await s.sessions.deleteExpired(iso(10))).toBe(0);
    }));

    it('returns copies', t(async (s) => {
      const input = session('usr_a');
      await s.sessions.create(input);
      const pristine = structuredClone(input);
      input.userId = 'usr_mallory';
      (await s.sessions.get(pristine.tokenHash))!.expiresAt = iso(9999);
      expect(await s.sessions.get(pristine.tokenHash)).toEqual(pristine);
    }));
  });
}
