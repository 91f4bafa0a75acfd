import { ConflictError, NotFoundError, RevisionConflictError } from '../../server/src/shared/errors';
import type { RuleSetVersion } from '../../server/src/modules/rule-sets/rule-set';
import { advance, allEvents, draft, rejection, versionEvent, versionIn, withStores, type OpenStores } from './fixtures';

/** The promises of RuleSetStore (server/src/modules/rule-sets/rule-set-store.ts), checked on one adapter. */
export function ruleSetStoreContract(name: string, open: OpenStores): void {
  const t = withStores(open);
  const byVersion = (a: RuleSetVersion, b: RuleSetVersion) => (a.key === b.key ? a.version - b.version : a.key < b.key ? -1 : 1);

  describe(`RuleSetStore contract: ${name}`, () => {
    describe('insertVersion', () => {
      it('numbers versions 1, 2, 3 per key and appends the audit events built for that number', t(async (s) => {
        const seen: number[] = [];
        const a1 = await s.ruleSets.insertVersion(draft('a'), (v) => (seen.push(v), [versionEvent({ key: 'a', version: v }, 'rule-set.created')]));
        const a2 = await s.ruleSets.insertVersion(draft('a'), () => []);
        const b1 = await s.ruleSets.insertVersion(draft('b'), () => []);
        const a3 = await s.ruleSets.insertVersion(draft('a'), () => []);
        expect([a1.version, a2.version, b1.version, a3.version]).toEqual([1, 2, 1, 3]);
        expect(seen).toEqual([1]);
        expect(await s.ruleSets.getVersion('a', 2)).toEqual(a2);
        expect((await allEvents(s)).map((e) => e.entityId)).toEqual(['a@1']);
      }));

      it('gives 10 concurrent inserts of one key the distinct numbers 1..10', t(async (s) => {
        const made = await Promise.all(Array.from({ length: 10 }, () => s.ruleSets.insertVersion(draft('busy'), (v) => [versionEvent({ key: 'busy', version: v }, 'rule-set.created')])));
        expect(made.map((v) => v.version).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect((await s.ruleSets.listVersions('busy')).map((v) => v.version)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
        expect((await allEvents(s)).map((e) => e.entityId).sort()).toEqual(made.map((v) => `busy@${v.version}`).sort());
      }));

      it('assigns the highest existing version + 1, also after the top version was deleted', t(async (s) => {
        await s.ruleSets.insertVersion(draft('k'), () => []);
        const v2 = await s.ruleSets.insertVersion(draft('k'), () => []);
        await s.ruleSets.deleteVersion('k', 2, { revision: v2.revision, statuses: ['draft'] }, []);
        expect((await s.ruleSets.insertVersion(draft('k'), () => [])).version).toBe(2);
      }));

      it('inserts nothing when building the audit events fails', t(async (s) => {
        const err = await rejection(s.ruleSets.insertVersion(draft('k'), () => { throw new Error('audit builder broke'); }));
        expect(err.message).toBe('audit builder broke');
        expect(await s.ruleSets.listVersions('k')).toEqual([]);
        expect(await allEvents(s)).toEqual([]);
      }));

      it('refuses to insert a second active version of a key', t(async (s) => {
        const a = await s.ruleSets.insertVersion(draft('k', { status: 'active' }), () => []);
        const err = await rejection(s.ruleSets.insertVersion(draft('k', { status: 'active' }), (v) => [versionEvent({ key: 'k', version: v }, 'x')]));
        expect(err).toBeInstanceOf(ConflictError);
        expect(err.code).toBe('invalid_state');
        expect(await s.ruleSets.listVersions('k')).toEqual([a]);
        expect(await allEvents(s)).toEqual([]);
      }));
    });

    describe('replaceVersion', () => {
      it('writes the new record when revision and status match, with its audit event', t(async (s) => {
        const v = await versionIn(s, 'k', 'draft');
        const next = advance(v, 'draft', { document: { ...v.document, name: { zh: '新', en: 'New' } } });
        const out = await s.ruleSets.replaceVersion(next, { revision: v.revision, statuses: ['draft'] }, [versionEvent(v, 'rule-set.edited')]);
        expect(out).toEqual(next);
        expect(await s.ruleSets.getVersion('k', 1)).toEqual(next);
        expect((await allEvents(s)).map((e) => e.action)).toEqual(['rule-set.edited']);
      }));

      it('on a stale revision throws RevisionConflictError and changes nothing, audit included', t(async (s) => {
        const v = await versionIn(s, 'k', 'draft');
        await s.ruleSets.replaceVersion(advance(v, 'draft'), { revision: v.revision, statuses: ['draft'] }, []);
        const stored = await s.ruleSets.getVersion('k', 1);
        const err = await rejection(s.ruleSets.replaceVersion(advance(v, 'in_review'), { revision: v.revision, statuses: ['draft'] }, [versionEvent(v, 'stale')]));
        expect(err).toBeInstanceOf(RevisionConflictError);
        expect(err.code).toBe('revision_conflict');
        expect(await s.ruleSets.getVersion('k', 1)).toEqual(stored);
        expect(await allEvents(s)).toEqual([]);
      }));

      it('on a status outside expect.statuses throws ConflictError invalid_state and changes nothing', t(async (s) => {
        const v = await versionIn(s, 'k', 'in_review');
        const err = await rejection(s.ruleSets.replaceVersion(advance(v, 'draft'), { revision: v.revision, statuses: ['draft'] }, [versionEvent(v, 'bad')]));
        expect(err).toBeInstanceOf(ConflictError);
        expect(err.code).toBe('invalid_state');
        expect(await s.ruleSets.getVersion('k', 1)).toEqual(v);
        expect(await allEvents(s)).toEqual([]);
      }));

      it('refuses to make a second active version of a key (invalid_state, nothing changed)', t(async (s) => {
        await s.ruleSets.insertVersion(draft('k', { status: 'active' }), () => []);
        const v = await versionIn(s, 'k', 'approved');
        const err = await rejection(s.ruleSets.replaceVersion(advance(v, 'active'), { revision: v.revision, statuses: ['approved'] }, [versionEvent(v, 'x')]));
        expect(err.code).toBe('invalid_state');
        expect(await s.ruleSets.getVersion('k', 2)).toEqual(v);
        expect(await allEvents(s)).toEqual([]);
      }));

      it('throws NotFoundError for a missing version', t(async (s) => {
        const v = await versionIn(s, 'k', 'draft');
        const ghost = { ...advance(v, 'draft'), version: 7 };
        expect(await rejection(s.ruleSets.replaceVersion(ghost, { revision: v.revision, statuses: ['draft'] }, [versionEvent(ghost, 'x')]))).toBeInstanceOf(NotFoundError);
        expect(await allEvents(s)).toEqual([]);
      }));
    });

    describe('deleteVersion', () => {
      it('deletes on matching revision and status and audits it; is compare-and-set like replace', t(async (s) => {
        const v = await versionIn(s, 'k', 'draft');
        expect(await rejection(s.ruleSets.deleteVersion('k', 1, { revision: v.revision + 1, statuses: ['draft'] }, [versionEvent(v, 'x')]))).toBeInstanceOf(RevisionConflictError);
        expect((await rejection(s.ruleSets.deleteVersion('k', 1, { revision: v.revision, statuses: ['in_review'] }, [versionEvent(v, 'x')]))).code).toBe('invalid_state');
        expect(await rejection(s.ruleSets.deleteVersion('k', 9, { revision: 1, statuses: ['draft'] }, []))).toBeInstanceOf(NotFoundError);
        expect(await s.ruleSets.getVersion('k', 1)).toEqual(v);
        expect(await allEvents(s)).toEqual([]);
        await s.ruleSets.deleteVersion('k', 1, { revision: v.revision, statuses: ['draft'] }, [versionEvent(v, 'rule-set.deleted')]);
        expect(await s.ruleSets.getVersion('k', 1)).toBeNull();
        expect((await allEvents(s)).map((e) => e.action)).toEqual(['rule-set.deleted']);
      }));
    });

    describe('activateVersion', () => {
      it('activates, retires the previous active version in the same step, and counts activations', t(async (s) => {
        expect(await s.ruleSets.activationSequence()).toBe(0);
        const v1 = await versionIn(s, 'k', 'approved');
        const v2 = await versionIn(s, 'k', 'approved');
        const a1 = await s.ruleSets.activateVersion(advance(v1, 'active'), { revision: v1.revision, statuses: ['approved'] }, null, [versionEvent(v1, 'rule-set.activated')]);
        expect(await s.ruleSets.getActive('k')).toEqual(a1);
        expect(await s.ruleSets.activationSequence()).toBe(1);
        const a2 = await s.ruleSets.activateVersion(
          advance(v2, 'active'),
          { revision: v2.revision, statuses: ['approved'] },
          { next: advance(a1, 'retired'), expect: { revision: a1.revision, statuses: ['active'] } },
          [versionEvent(v2, 'rule-set.activated'), versionEvent(v1, 'rule-set.retired')],
        );
        expect(await s.ruleSets.getActive('k')).toEqual(a2);
        expect((await s.ruleSets.getVersion('k', 1))?.status).toBe('retired');
        expect(await s.ruleSets.listActive()).toEqual([a2]);
        expect(await s.ruleSets.activationSequence()).toBe(2);
        expect((await allEvents(s)).map((e) => e.action).sort()).toEqual(['rule-set.activated', 'rule-set.activated', 'rule-set.retired']);
      }));

      it('counts retiring the active version without a successor as a change of what decides; other moves do not count', t(async (s) => {
        const v1 = await versionIn(s, 'k', 'approved');
        const a1 = await s.ruleSets.activateVersion(advance(v1, 'active'), { revision: v1.revision, statuses: ['approved'] }, null, []);
        const d = await versionIn(s, 'k', 'draft');
        await s.ruleSets.replaceVersion(advance(d, 'in_review'), { revision: d.revision, statuses: ['draft'] }, []);
        expect(await s.ruleSets.activationSequence()).toBe(1);
        await s.ruleSets.replaceVersion(advance(a1, 'retired'), { revision: a1.revision, statuses: ['active'] }, [versionEvent(a1, 'rule-set.retired')]);
        expect(await s.ruleSets.getActive('k')).toBeNull();
        expect(await s.ruleSets.activationSequence()).toBe(2);
      }));

      it('refuses (RevisionConflictError) when another version became active since the caller looked', t(async (s) => {
        const v1 = await versionIn(s, 'k', 'approved');
        const v2 = await versionIn(s, 'k', 'approved');
        await s.ruleSets.activateVersion(advance(v1, 'active'), { revision: v1.revision, statuses: ['approved'] }, null, []);
        const err = await rejection(s.ruleSets.activateVersion(advance(v2, 'active'), { revision: v2.revision, statuses: ['approved'] }, null, [versionEvent(v2, 'x')]));
        expect(err).toBeInstanceOf(RevisionConflictError);
        expect(await s.ruleSets.getVersion('k', 2)).toEqual(v2);
        expect((await s.ruleSets.getActive('k'))?.version).toBe(1);
        expect(await s.ruleSets.activationSequence()).toBe(1);
        expect(await allEvents(s)).toEqual([]);
      }));

      it('changes neither version when the retire expectation is stale', t(async (s) => {
        const v1 = await versionIn(s, 'k', 'approved');
        const v2 = await versionIn(s, 'k', 'approved');
        const a1 = await s.ruleSets.activateVersion(advance(v1, 'active'), { revision: v1.revision, statuses: ['approved'] }, null, []);
        const err = await rejection(
          s.ruleSets.activateVersion(advance(v2, 'active'), { revision: v2.revision, statuses: ['approved'] }, { next: advance(v1, 'retired'), expect: { revision: v1.revision, statuses: ['active'] } }, [versionEvent(v2, 'x')]),
        );
        expect(err).toBeInstanceOf(RevisionConflictError);
        expect(await s.ruleSets.getVersion('k', 1)).toEqual(a1);
        expect(await s.ruleSets.getVersion('k', 2)).toEqual(v2);
        expect(await s.ruleSets.activationSequence()).toBe(1);
        expect(await allEvents(s)).toEqual([]);
      }));

      it('refuses a version in the wrong status with invalid_state', t(async (s) => {
        const v = await versionIn(s, 'k', 'in_review');
        const err = await rejection(s.ruleSets.activateVersion(advance(v, 'active'), { revision: v.revision, statuses: ['approved'] }, null, [versionEvent(v, 'x')]));
        expect(err.code).toBe('invalid_state');
        expect(await s.ruleSets.getActive('k')).toBeNull();
        expect(await s.ruleSets.activationSequence()).toBe(0);
      }));

      it('lets exactly one of two racing activations of one key win', t(async (s) => {
        const v1 = await versionIn(s, 'k', 'approved');
        const v2 = await versionIn(s, 'k', 'approved');
        const results = await Promise.allSettled(
          [v1, v2].map((v) => s.ruleSets.activateVersion(advance(v, 'active'), { revision: v.revision, statuses: ['approved'] }, null, [versionEvent(v, 'rule-set.activated')])),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost[0].reason).toBeInstanceOf(RevisionConflictError);
        expect((await s.ruleSets.listVersions('k')).filter((v) => v.status === 'active')).toHaveLength(1);
        expect(await s.ruleSets.activationSequence()).toBe(1);
        expect(await allEvents(s)).toHaveLength(1);
      }));
    });

    describe('reads', () => {
      it('listVersions is highest first and [] for an unknown key; getVersion/getActive are null when absent', t(async (s) => {
        for (let i = 0; i < 3; i++) await s.ruleSets.insertVersion(draft('k'), () => []);
        expect((await s.ruleSets.listVersions('k')).map((v) => v.version)).toEqual([3, 2, 1]);
        expect(await s.ruleSets.listVersions('nope')).toEqual([]);
        expect(await s.ruleSets.getVersion('k', 4)).toBeNull();
        expect(await s.ruleSets.getActive('k')).toBeNull();
        expect(await s.ruleSets.listActive()).toEqual([]);
      }));

      it('listCurrent holds every non-retired version plus the latest version of each key', t(async (s) => {
        const retired = async (key: string) => {
          const v = await versionIn(s, key, 'approved');
          return s.ruleSets.replaceVersion(advance(v, 'retired'), { revision: v.revision, statuses: ['approved'] }, []);
        };
        const a1 = await retired('a');
        const a2 = await versionIn(s, 'a', 'draft');
        const b1 = await retired('b');
        const b2 = await retired('b');
        const current = await s.ruleSets.listCurrent();
        expect(current.sort(byVersion)).toEqual([a2, b2]);
        expect(current).not.toContainEqual(a1);
        expect(current).not.toContainEqual(b1);
      }));

      it('returns copies: changing a returned or a passed-in object never changes the store', t(async (s) => {
        const input = draft('k');
        const v = await s.ruleSets.insertVersion(input, () => []);
        const pristine = structuredClone(v);
        input.document.name.en = 'changed input';
        v.document.rules.push(v.document.rules[0]);
        (await s.ruleSets.getVersion('k', 1))!.authors.push('mallory');
        (await s.ruleSets.listVersions('k'))[0].status = 'active';
        (await s.ruleSets.listCurrent())[0].revision = 99;
        expect(await s.ruleSets.getVersion('k', 1)).toEqual(pristine);
      }));
    });
  });
}
