import { ConflictError, NotFoundError, RevisionConflictError } from '../../server/src/shared/errors';
import { allEvents, event, iso, rejection, user, withStores, type OpenStores } from './fixtures';

/** The promises of UserStore (server/src/modules/auth/user-store.ts), checked on one adapter. */
export function userStoreContract(name: string, open: OpenStores): void {
  const t = withStores(open);
  const userEvent = (id: string, action: string) => event({ entityType: 'user', entityId: id, entityKey: id, action });

  describe(`UserStore contract: ${name}`, () => {
    it('creates users and finds them by id and by username in any case', t(async (s) => {
      const u = user('Alice');
      expect(await s.users.create(u, [userEvent(u.id, 'user.created')])).toEqual(u);
      expect(await s.users.getById(u.id)).toEqual(u);
      expect(await s.users.getByUsername('alice')).toEqual(u);
      expect(await s.users.getByUsername('ALICE')).toEqual(u);
      expect(await s.users.getById('usr_nobody')).toBeNull();
      expect(await s.users.getByUsername('nobody')).toBeNull();
      expect((await allEvents(s)).map((e) => e.action)).toEqual(['user.created']);
    }));

    it('refuses a username taken in another case with username_taken, appending no audit', t(async (s) => {
      await s.users.create(user('alice'), []);
      const err = await rejection(s.users.create(user('ALICE'), [userEvent('usr_x', 'user.created')]));
      expect(err).toBeInstanceOf(ConflictError);
      expect(err.code).toBe('username_taken');
      expect(await s.users.count()).toBe(1);
      expect(await allEvents(s)).toEqual([]);
    }));

    it('lets exactly one of concurrent creates of the same name (in different cases) succeed', t(async (s) => {
      const results = await Promise.allSettled(['bob', 'Bob', 'BOB', 'bOb'].map((n) => s.users.create(user(n), [])));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as ConflictError).code).toBe('username_taken');
      expect(await s.users.count()).toBe(1);
    }));

    it('lists users by username and counts them', t(async (s) => {
      for (const n of ['carol', 'alice', 'bob']) await s.users.create(user(n), []);
      expect((await s.users.list()).map((u) => u.username)).toEqual(['alice', 'bob', 'carol']);
      expect(await s.users.count()).toBe(3);
    }));

    it('updates with compare-and-set on revision', t(async (s) => {
      const u = await s.users.create(user('alice'), []);
      const next = { ...u, displayName: 'Alice A.', roles: ['approver' as const], revision: 2, updatedAt: iso(5) };
      expect(await s.users.update(next, 1, [userEvent(u.id, 'user.updated')])).toEqual(next);
      expect(await s.users.getById(u.id)).toEqual(next);
      const err = await rejection(s.users.update({ ...u, displayName: 'stale', revision: 2 }, 1, [userEvent(u.id, 'stale')]));
      expect(err).toBeInstanceOf(RevisionConflictError);
      expect(await s.users.getById(u.id)).toEqual(next);
      expect((await allEvents(s)).map((e) => e.action)).toEqual(['user.updated']);
    }));

    it('throws NotFoundError when updating a missing user', t(async (s) => {
      expect(await rejection(s.users.update(user('ghost'), 1, [userEvent('usr_ghost', 'x')]))).toBeInstanceOf(NotFoundError);
      expect(await allEvents(s)).toEqual([]);
    }));

    it('keeps usernames unique on rename, and the new name (not the old) finds the user', t(async (s) => {
      const a = await s.users.create(user('alice'), []);
      await s.users.create(user('bob'), []);
      const err = await rejection(s.users.update({ ...a, username: 'BOB', revision: 2 }, 1, [userEvent(a.id, 'x')]));
      expect(err.code).toBe('username_taken');
      expect(await s.users.getById(a.id)).toEqual(a);
      await s.users.update({ ...a, username: 'Alicia', revision: 2 }, 1, []);
      expect((await s.users.getByUsername('alicia'))?.id).toBe(a.id);
      expect(await s.users.getByUsername('alice')).toBeNull();
      await s.users.update({ ...a, username: 'ALICIA', revision: 3 }, 2, []);
      expect((await s.users.getByUsername('alicia'))?.username).toBe('ALICIA');
    }));

    it('recordLogin changes only the login counters: no revision bump, no audit', t(async (s) => {
      const u = await s.users.create(user('alice'), []);
      const state = { failedLogins: 3, lockedUntil: iso(15), lastLoginAt: iso(1) };
      // A whole user object handed over by mistake must not carry other changes past the revision check.
      await s.users.recordLogin(u.id, { ...u, displayName: 'sneaky', revision: 42, roles: ['admin'], ...state } as typeof state);
      expect(await s.users.getById(u.id)).toEqual({ ...u, ...state });
      await s.users.recordLogin(u.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: iso(20) });
      expect(await s.users.getById(u.id)).toEqual({ ...u, failedLogins: 0, lockedUntil: null, lastLoginAt: iso(20) });
      await s.users.recordLogin('usr_nobody', state);
      expect(await s.users.count()).toBe(1);
      expect(await allEvents(s)).toEqual([]);
    }));

    it('stores the relationship-manager code as given, shared codes included, and reads an older record without one as null', t(async (s) => {
      const a = await s.users.create(user('alice', { rmCode: 'rm_wang' }), []);
      const b = await s.users.create(user('bob', { rmCode: 'rm_wang' }), []);
      expect((await s.users.getById(a.id))?.rmCode).toBe('rm_wang');
      expect((await s.users.getByUsername('BOB'))?.rmCode).toBe('rm_wang');
      await s.users.update({ ...b, rmCode: null, revision: 2 }, 1, []);
      expect((await s.users.getById(b.id))?.rmCode).toBeNull();
      // Written before the field existed: no `rmCode` key at all.
      const { rmCode: _none, ...legacy } = user('carol');
      const c = await s.users.create(legacy as typeof a, []);
      expect(c.rmCode).toBeNull();
      expect((await s.users.getById(c.id))?.rmCode).toBeNull();
      expect((await s.users.list()).map((u) => [u.username, u.rmCode])).toEqual([['alice', 'rm_wang'], ['bob', null], ['carol', null]]);
    }));

    it('returns copies', t(async (s) => {
      const input = user('alice');
      const u = await s.users.create(input, []);
      const pristine = structuredClone(u);
      input.roles.push('admin');
      u.displayName = 'changed';
      (await s.users.getById(u.id))!.roles.push('admin');
      (await s.users.getByUsername('alice'))!.disabled = true;
      (await s.users.list())[0].revision = 9;
      expect(await s.users.getById(u.id)).toEqual(pristine);
    }));
  });
}
