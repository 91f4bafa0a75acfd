import type { ClientRecord, PreparedClient, SegmentChange, SegmentValues } from '../../server/src/modules/clients/client';
import { EMPTY_SEGMENTS, naturalKey, profileSummary } from '../../server/src/modules/clients/client';
import type { ImportJob } from '../../server/src/modules/clients/import-job';
import type { ClientProfile } from '../../server/src/modules/facts/client-profile';
import { ConflictError, NotFoundError, RevisionConflictError } from '../../server/src/shared/errors';
import { newId } from '../../server/src/shared/ids';
import type { Stores } from '../../server/src/storage/stores';
import { alice, allEvents, bob, event, iso, rejection, withStores, type OpenStores } from './fixtures';

let serial = 0;

/** A record as the client service would build it; the USCC only has to be unique here, the store does not check it. */
export function clientRecord(over: Partial<ClientProfile> = {}, rec: Partial<ClientRecord> = {}): ClientRecord {
  serial++;
  const profile: ClientProfile = {
    uscc: `91350100TEST${String(serial).padStart(6, '0')}`,
    name: `福州测试${serial}机械制造有限公司`,
    nameEn: `Fuzhou Test ${serial} Machinery Co., Ltd.`,
    country: 'CN',
    provinceCode: '35',
    cityCode: '350100',
    industry: { section: 'C', division: '34' },
    relationshipManager: 'rm_001',
    facilities: [{ id: 'F1', product: 'working_capital', limit: 100, drawn: 80, monthly: [{ snapshot: '2025-09-30', outstandingPrincipal: 75, class5cat: '正常' }] }],
    ...over,
  };
  return {
    id: newId('cli'),
    revision: 1,
    key: naturalKey(profile) as string,
    profile,
    segments: { ...EMPTY_SEGMENTS },
    createdAt: iso(0),
    createdBy: alice,
    updatedAt: iso(0),
    updatedBy: alice,
    ...rec,
  };
}

const clientEvent = (id: string, action: string) => event({ entityType: 'client', entityId: id, entityKey: id, action });
const values = (over: Partial<SegmentValues> = {}): SegmentValues => ({ tier: null, tags: null, class5: null, ifrs9Stage: null, riskLevel: null, ...over });

function change(clientId: string, after: SegmentValues, minute: number): SegmentChange {
  return { id: newId('cls'), clientId, at: iso(minute), by: bob, before: values(), after, reason: 'test run' };
}

async function setSegments(s: Stores, id: string, v: SegmentValues, opts: { change?: boolean; expectedRevision?: number } = {}) {
  return s.clients.setSegments(id, { values: v, at: iso(9), by: bob, change: opts.change ? change(id, v, 9) : null, expectedRevision: opts.expectedRevision }, []);
}

/** The promises of ClientStore (server/src/modules/clients/client-store.ts), checked on one adapter. */
export function clientStoreContract(name: string, open: OpenStores): void {
  const t = withStores(open);

  describe(`ClientStore contract: ${name}`, () => {
    it('creates clients and finds them by id and natural key, returning copies', t(async (s) => {
      const r = clientRecord();
      expect(await s.clients.create(r, [clientEvent(r.id, 'client.created')])).toEqual(r);
      const got = (await s.clients.get(r.id)) as ClientRecord;
      expect(got).toEqual(r);
      expect(await s.clients.getByKey(r.key)).toEqual(r);
      got.profile.name = 'mutated';
      expect((await s.clients.get(r.id))?.profile.name).toBe(r.profile.name);
      expect(await s.clients.get('cli_nobody')).toBeNull();
      expect(await s.clients.getByKey('uscc:NOBODY')).toBeNull();
      expect((await allEvents(s)).map((e) => e.action)).toEqual(['client.created']);
    }));

    it('refuses a second client with the same natural key (or id) with client_exists, writing nothing', t(async (s) => {
      const a = await s.clients.create(clientRecord(), []);
      const twin = clientRecord({ uscc: a.profile.uscc });
      const err = await rejection(s.clients.create(twin, [clientEvent(twin.id, 'client.created')]));
      expect(err).toBeInstanceOf(ConflictError);
      expect(err.code).toBe('client_exists');
      expect((err as ConflictError).details.id).toBe(a.id);
      expect(await rejection(s.clients.create(clientRecord({}, { id: a.id }), []))).toBeInstanceOf(ConflictError);
      expect(await s.clients.count({})).toBe(1);
      expect(await allEvents(s)).toEqual([]);
    }));

    it('lets exactly one of concurrent creates of the same key succeed', t(async (s) => {
      const uscc = clientRecord().profile.uscc;
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => s.clients.create(clientRecord({ uscc }), [])));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as ConflictError).code).toBe('client_exists');
      expect(await s.clients.count({})).toBe(1);
    }));

    it('replaces with compare-and-set on revision, keeping segments and the creation stamp', t(async (s) => {
      const a = await s.clients.create(clientRecord(), []);
      await setSegments(s, a.id, values({ tier: 'T2' }));
      const next: ClientRecord = { ...a, revision: 2, profile: { ...a.profile, name: '新名称有限公司' }, createdAt: iso(99), createdBy: bob, updatedAt: iso(5), updatedBy: bob, segments: { ...EMPTY_SEGMENTS } };
      const saved = await s.clients.replace(next, 1, [clientEvent(a.id, 'client.updated')]);
      expect(saved.profile.name).toBe('新名称有限公司');
      expect(saved.segments.tier).toBe('T2');
      expect(saved.createdAt).toBe(a.createdAt);
      expect(saved.createdBy).toEqual(alice);
      expect(await s.clients.get(a.id)).toEqual(saved);

      const stale = await rejection(s.clients.replace({ ...next, revision: 2, profile: { ...a.profile, name: 'stale' } }, 1, [clientEvent(a.id, 'stale')]));
      expect(stale).toBeInstanceOf(RevisionConflictError);
      expect(await s.clients.get(a.id)).toEqual(saved);
      expect(await rejection(s.clients.replace(clientRecord(), 1, []))).toBeInstanceOf(NotFoundError);
      expect((await allEvents(s)).map((e) => e.action)).toEqual(['client.updated']);
    }));

    it('refuses a replace that takes another client\'s key, and frees the old key when the key changes', t(async (s) => {
      const a = await s.clients.create(clientRecord(), []);
      const b = await s.clients.create(clientRecord(), []);
      const err = await rejection(s.clients.replace({ ...a, key: b.key, profile: { ...a.profile, uscc: b.profile.uscc }, revision: 2 }, 1, []));
      expect(err.code).toBe('client_exists');
      expect(await s.clients.get(a.id)).toEqual(a);
      const moved = { ...a, key: 'uscc:NEWKEY', profile: { ...a.profile, uscc: 'NEWKEY' }, revision: 2 };
      await s.clients.replace(moved, 1, []);
      expect((await s.clients.getByKey('uscc:NEWKEY'))?.id).toBe(a.id);
      expect(await s.clients.getByKey(a.key)).toBeNull();
      await s.clients.create(clientRecord({ uscc: a.profile.uscc }), []);
    }));

    it('sets many clients\' segments at once, skipping (not failing) a stale revision or a missing client', t(async (s) => {
      const a = await s.clients.create(clientRecord(), []);
      const b = await s.clients.create(clientRecord(), []);
      const write = (id: string, v: SegmentValues, expectedRevision: number) => ({
        id, update: { values: v, at: iso(9), by: bob, change: change(id, v, 9), expectedRevision }, audit: [clientEvent(id, 'client.segments-changed')],
      });
      const written = await s.clients.setSegmentsMany([write(a.id, values({ tier: 'T1' }), 1), write(b.id, values({ tier: 'T3' }), 7), write('cli_nobody', values({ tier: 'T2' }), 1)]);
      expect(written).toEqual([true, false, false]);
      expect((await s.clients.get(a.id))?.segments).toMatchObject({ tier: 'T1', updatedAt: iso(9), updatedBy: bob });
      expect((await s.clients.get(b.id))?.segments).toEqual(b.segments);
      expect((await s.clients.segmentHistory(a.id, {})).items).toHaveLength(1);
      expect((await s.clients.segmentHistory(b.id, {})).items).toHaveLength(0);
      expect((await s.clients.get(a.id))?.profile).toEqual(a.profile);
      expect((await allEvents(s)).map((e) => e.entityId)).toEqual([a.id]);
    }));

    it('deletes with compare-and-set, taking the segment history along', t(async (s) => {
      const a = await s.clients.create(clientRecord(), []);
      await setSegments(s, a.id, values({ class5: '关注' }), { change: true });
      expect(await rejection(s.clients.delete(a.id, 7, [clientEvent(a.id, 'x')]))).toBeInstanceOf(RevisionConflictError);
      expect(await s.clients.get(a.id)).not.toBeNull();
      await s.clients.delete(a.id, 1, [clientEvent(a.id, 'client.deleted')]);
      expect(await s.clients.get(a.id)).toBeNull();
      expect(await s.clients.getByKey(a.key)).toBeNull();
      expect((await s.clients.segmentHistory(a.id, {})).items).toEqual([]);
      expect(await rejection(s.clients.delete(a.id, 1, []))).toBeInstanceOf(NotFoundError);
      expect((await allEvents(s)).map((e) => e.action)).toEqual(['client.deleted']);
    }));

    it('upserts by natural key in one batch: new keys are created, known keys replaced under their id', t(async (s) => {
      const a = await s.clients.create(clientRecord(), []);
      await setSegments(s, a.id, values({ tier: 'T1' }));
      const update = clientRecord({ uscc: a.profile.uscc, name: '更新后有限公司' }, { updatedBy: bob, updatedAt: iso(3) });
      const fresh = clientRecord();
      const seen: string[] = [];
      const results = await s.clients.upsertMany([update, fresh], (rec, res) => {
        seen.push(`${rec.id}:${res.created}`);
        return [clientEvent(res.id, res.created ? 'client.created' : 'client.updated')];
      });
      expect(results).toEqual([
        { id: a.id, created: false, revision: 2, previousRevision: 1 },
        { id: fresh.id, created: true, revision: 1, previousRevision: null },
      ]);
      expect(seen).toEqual([`${a.id}:false`, `${fresh.id}:true`]);
      const stored = (await s.clients.get(a.id)) as ClientRecord;
      expect(stored).toMatchObject({ id: a.id, revision: 2, createdAt: a.createdAt, createdBy: alice, updatedBy: bob });
      expect(stored.profile.name).toBe('更新后有限公司');
      expect(stored.segments.tier).toBe('T1');
      expect(await s.clients.get(update.id)).toBeNull();
      expect(await s.clients.get(fresh.id)).toEqual(fresh);
      expect((await allEvents(s)).map((e) => e.action).sort()).toEqual(['client.created', 'client.updated']);
    }));

    it('writes nothing from a batch with a repeated key, or whose audit callback throws', t(async (s) => {
      const a = clientRecord();
      const err = await rejection(s.clients.upsertMany([a, clientRecord(), clientRecord({ uscc: a.profile.uscc })], () => []));
      expect(err.code).toBe('duplicate_key');
      expect(await s.clients.count({})).toBe(0);
      let calls = 0;
      const boom = await rejection(
        s.clients.upsertMany([clientRecord(), clientRecord(), clientRecord()], (r) => {
          if (++calls === 3) throw new Error('audit failed');
          return [clientEvent(r.id, 'client.created')];
        }),
      );
      expect(boom.message).toBe('audit failed');
      expect(await s.clients.count({})).toBe(0);
      expect(await allEvents(s)).toEqual([]);
    }));

    it('upserts prepared rows (profile as JSON text) exactly as it upserts records', t(async (s) => {
      const known = await s.clients.create(clientRecord(), []);
      await setSegments(s, known.id, values({ tier: 'T3' }));
      const fresh = clientRecord();
      const again = clientRecord({ uscc: known.profile.uscc, name: '预备更新有限公司' }, { updatedBy: bob, updatedAt: iso(4) });
      const prepare = (r: ClientRecord): PreparedClient => ({
        id: r.id, key: r.key, summary: profileSummary(r.profile), profileJson: JSON.stringify(r.profile), createdAt: r.createdAt, createdBy: r.createdBy, updatedAt: r.updatedAt, updatedBy: r.updatedBy,
      });
      const seen: string[] = [];
      const results = await s.clients.upsertPrepared([prepare(fresh), prepare(again)], (row, res) => {
        seen.push(`${row.key}:${res.id}`);
        return [clientEvent(res.id, res.created ? 'client.imported' : 'client.reimported')];
      });
      expect(results).toEqual([
        { id: fresh.id, created: true, revision: 1, previousRevision: null },
        { id: known.id, created: false, revision: 2, previousRevision: 1 },
      ]);
      expect(seen).toEqual([`${fresh.key}:${fresh.id}`, `${known.key}:${known.id}`]);
      expect(await s.clients.get(fresh.id)).toEqual(fresh);
      expect(await s.clients.get(known.id)).toEqual({ ...again, id: known.id, revision: 2, createdAt: known.createdAt, createdBy: known.createdBy, segments: (await s.clients.get(known.id))!.segments });
      expect((await s.clients.get(known.id))!.segments.tier).toBe('T3');
      expect((await s.clients.list({ q: '预备更新' }, {})).items.map((x) => x.id)).toEqual([known.id]);
      expect((await allEvents(s)).map((e) => e.action).sort()).toEqual(['client.imported', 'client.reimported']);
      const twin = clientRecord();
      expect((await rejection(s.clients.upsertPrepared([prepare(twin), prepare(clientRecord({ uscc: twin.profile.uscc }))], () => []))).code).toBe('duplicate_key');
      expect(await s.clients.get(twin.id)).toBeNull();
    }));

    it('upserts prepared rows whose profile arrives as UTF-8 bytes exactly as from text (Chinese names included)', t(async (s) => {
      const known = await s.clients.create(clientRecord(), []);
      const fresh = clientRecord({ name: '福州字节导入机械有限公司' });
      const again = clientRecord({ uscc: known.profile.uscc, name: '字节更新有限公司' }, { updatedBy: bob, updatedAt: iso(4) });
      const asBytes = (r: ClientRecord): PreparedClient => ({
        id: r.id, key: r.key, summary: profileSummary(r.profile), profileJson: Buffer.from(JSON.stringify(r.profile), 'utf8'), createdAt: r.createdAt, createdBy: r.createdBy, updatedAt: r.updatedAt, updatedBy: r.updatedBy,
      });
      const results = await s.clients.upsertPrepared([asBytes(fresh), asBytes(again)], () => []);
      expect(results.map((r) => r.created)).toEqual([true, false]);
      expect(await s.clients.get(fresh.id)).toEqual(fresh);
      expect((await s.clients.get(known.id))?.profile).toEqual(again.profile);
      expect((await s.clients.scan(null, 10)).find((c) => c.id === fresh.id)?.profile.name).toBe('福州字节导入机械有限公司');
    }));

    it('sets segments without touching the profile or its revision, with history and compare-and-set', t(async (s) => {
      const a = await s.clients.create(clientRecord(), []);
      const v1 = values({ tier: 'T3', tags: ['优质客户'], class5: '正常', ifrs9Stage: 1, riskLevel: 'blue' });
      const r1 = await s.clients.setSegments(a.id, { values: v1, at: iso(10), by: bob, change: change(a.id, v1, 10) }, [clientEvent(a.id, 'client.segments-set')]);
      expect(r1.revision).toBe(1);
      expect(r1.profile).toEqual(a.profile);
      expect(r1.segments).toEqual({ ...v1, updatedAt: iso(10), updatedBy: bob });
      expect(await s.clients.get(a.id)).toEqual(r1);
      const v2 = values({ tier: 'T3', class5: '关注', ifrs9Stage: 2, riskLevel: 'orange' });
      await s.clients.setSegments(a.id, { values: v2, at: iso(11), by: bob, change: change(a.id, v2, 11), expectedRevision: 1 }, []);
      const stale = await rejection(s.clients.setSegments(a.id, { values: v1, at: iso(12), by: bob, change: change(a.id, v1, 12), expectedRevision: 4 }, [clientEvent(a.id, 'x')]));
      expect(stale).toBeInstanceOf(RevisionConflictError);
      expect((await s.clients.get(a.id))?.segments.class5).toBe('关注');
      expect(await rejection(setSegments(s, 'cli_nobody', v1))).toBeInstanceOf(NotFoundError);

      const h = await s.clients.segmentHistory(a.id, { limit: 1 });
      expect(h.items.map((c) => c.after.class5)).toEqual(['关注']);
      const h2 = await s.clients.segmentHistory(a.id, { cursor: h.nextCursor as string, limit: 1 });
      expect(h2.items.map((c) => c.after.class5)).toEqual(['正常']);
      expect(h2.nextCursor).toBeNull();
      expect((await allEvents(s)).map((e) => e.action)).toEqual(['client.segments-set']);
    }));

    it('lists summaries in id order with a stable cursor', t(async (s) => {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await s.clients.create(clientRecord(), [])).id);
      const seen: string[] = [];
      let cursor: string | undefined;
      let first = true;
      do {
        const page = await s.clients.list({}, { cursor, limit: 3 });
        seen.push(...page.items.map((x) => x.id));
        if (first) {
          // A client created mid-walk sorts after everything seen so far, so no page repeats or skips one.
          ids.push((await s.clients.create(clientRecord(), [])).id);
          first = false;
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(ids);
      const one = (await s.clients.list({}, { limit: 1 })).items[0];
      expect(one).toMatchObject({ id: ids[0], revision: 1, country: 'CN', provinceCode: '35', industrySection: 'C', exposure: 75, bookedClass5: '正常' });
      expect(one).not.toHaveProperty('profile');
    }));

    it('filters by industry, region, segments, relationship manager, tag and name or identifier search', t(async (s) => {
      const a = await s.clients.create(clientRecord({ industry: { section: 'K' }, provinceCode: '44', name: '深圳前海置业有限公司', nameEn: 'Shenzhen Qianhai Property Co., Ltd.', relationshipManager: 'rm_007' }), []);
      const b = await s.clients.create(clientRecord({ uscc: undefined, lei: '5493001KJTIIGC8Y1R12', country: 'SG', provinceCode: undefined, name: 'Harbour Logistics Pte Ltd', industry: { section: 'G' } }), []);
      const c = await s.clients.create(clientRecord({ facilities: [{ id: 'F9', product: 'fixed_asset', drawn: 40, monthly: [{ snapshot: '2025-09-30', outstandingPrincipal: 40, class5cat: '次级' }] }] }), []);
      await setSegments(s, a.id, values({ tier: 'T1', tags: ['优质客户', '战略客户'], class5: '正常', ifrs9Stage: 1, riskLevel: 'yellow' }));
      await setSegments(s, c.id, values({ tier: 'T4', tags: ['风险较高客户'], class5: '次级', ifrs9Stage: 3, riskLevel: 'red' }));
      const ids = async (f: Parameters<Stores['clients']['list']>[0]) => (await s.clients.list(f, {})).items.map((x) => x.id);
      expect(await ids({ industrySection: 'K' })).toEqual([a.id]);
      expect(await ids({ provinceCode: '44' })).toEqual([a.id]);
      expect(await ids({ country: 'SG' })).toEqual([b.id]);
      expect(await ids({ tier: 'T4' })).toEqual([c.id]);
      expect(await ids({ class5: '次级' })).toEqual([c.id]);
      expect(await ids({ bookedClass5: '次级' })).toEqual([c.id]);
      expect(await ids({ bookedClass5: '正常' })).toEqual([a.id, b.id]);
      expect(await ids({ ifrs9Stage: 1 })).toEqual([a.id]);
      expect(await ids({ riskLevel: 'red' })).toEqual([c.id]);
      expect(await ids({ relationshipManager: 'rm_007' })).toEqual([a.id]);
      expect(await ids({ tag: '战略客户' })).toEqual([a.id]);
      expect(await ids({ tag: '战略' })).toEqual([]);
      expect(await ids({ q: '前海' })).toEqual([a.id]);
      expect(await ids({ q: 'harbour' })).toEqual([b.id]);
      expect(await ids({ q: 'QIANHAI' })).toEqual([a.id]);
      expect(await ids({ q: '549300' })).toEqual([b.id]);
      expect(await ids({ q: (c.profile.uscc as string).toLowerCase() })).toEqual([c.id]);
      expect(await ids({ q: '%' })).toEqual([]);
      expect(await ids({ industrySection: 'C', tier: 'T4', riskLevel: 'red' })).toEqual([c.id]);
      expect(await s.clients.count({ industrySection: 'C' })).toBe(1);
      expect(await s.clients.count({})).toBe(3);
    }));

    it('scans the whole book in id order, in batches', t(async (s) => {
      const ids: string[] = [];
      for (let i = 0; i < 11; i++) ids.push((await s.clients.create(clientRecord(), [])).id);
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const batch = await s.clients.scan(after, 4);
        if (!batch.length) break;
        expect(batch.length).toBeLessThanOrEqual(4);
        seen.push(...batch.map((r) => r.id));
        after = batch[batch.length - 1].id;
      }
      expect(seen).toEqual(ids);
      expect((await s.clients.scan(null, 1))[0]).toEqual(await s.clients.get(ids[0]));
    }));

    it('aggregates counts and exposure by class, tier, stage, risk level and industry', t(async (s) => {
      const a = await s.clients.create(clientRecord({ industry: { section: 'K' } }), []);
      const b = await s.clients.create(clientRecord(), []);
      await s.clients.create(clientRecord({ facilities: [] }), []);
      await setSegments(s, a.id, values({ tier: 'T1', class5: '关注', ifrs9Stage: 2, riskLevel: 'orange' }));
      await setSegments(s, b.id, values({ tier: 'T1', class5: '正常', ifrs9Stage: 1 }));
      const agg = await s.clients.aggregates({});
      expect(agg.count).toBe(3);
      expect(agg.exposure).toBe(150);
      expect(agg.byClass5).toEqual([
        { key: '正常', count: 1, exposure: 75 },
        { key: '关注', count: 1, exposure: 75 },
        { key: null, count: 1, exposure: 0 },
      ]);
      expect(agg.byBookedClass5).toEqual([
        { key: '正常', count: 2, exposure: 150 },
        { key: null, count: 1, exposure: 0 },
      ]);
      expect(agg.byIfrs9Stage).toEqual([
        { key: 1, count: 1, exposure: 75 },
        { key: 2, count: 1, exposure: 75 },
        { key: null, count: 1, exposure: 0 },
      ]);
      expect(agg.byTier).toEqual([
        { key: 'T1', count: 2, exposure: 150 },
        { key: null, count: 1, exposure: 0 },
      ]);
      expect(agg.byRiskLevel).toEqual([
        { key: 'orange', count: 1, exposure: 75 },
        { key: null, count: 2, exposure: 75 },
      ]);
      expect(agg.byIndustry).toEqual([
        { key: 'C', count: 2, exposure: 75 },
        { key: 'K', count: 1, exposure: 75 },
      ]);
      expect(agg.byRegion).toEqual([{ key: '35', count: 3, exposure: 150 }]);
      const k = await s.clients.aggregates({ industrySection: 'K' });
      expect(k.count).toBe(1);
      expect(k.byClass5).toEqual([{ key: '关注', count: 1, exposure: 75 }]);
      const none = await s.clients.aggregates({ industrySection: 'A' });
      expect(none).toMatchObject({ count: 0, exposure: 0, byClass5: [], byIndustry: [], byRegion: [] });
    }));

    it('aggregates by region: the province of a Chinese client, else the country', t(async (s) => {
      await s.clients.create(clientRecord({ provinceCode: '51' }), []);
      await s.clients.create(clientRecord({ provinceCode: '51', facilities: [] }), []);
      await s.clients.create(clientRecord({ provinceCode: '44' }), []);
      // A Chinese client without a province code counts under CN; a foreign one under its country, even if a
      // province code slipped into its profile.
      await s.clients.create(clientRecord({ provinceCode: undefined }), []);
      await s.clients.create(clientRecord({ country: 'SG', provinceCode: undefined }), []);
      await s.clients.create(clientRecord({ country: 'HK', provinceCode: '81' }), []);
      const agg = await s.clients.aggregates({});
      expect(agg.byRegion).toEqual([
        { key: '44', count: 1, exposure: 75 },
        { key: '51', count: 2, exposure: 75 },
        { key: 'CN', count: 1, exposure: 75 },
        { key: 'HK', count: 1, exposure: 75 },
        { key: 'SG', count: 1, exposure: 75 },
      ]);
      expect(agg.byRegion.reduce((n, b) => n + b.count, 0)).toBe(agg.count);
      expect((await s.clients.aggregates({ provinceCode: '51' })).byRegion).toEqual([{ key: '51', count: 2, exposure: 75 }]);
      expect((await s.clients.aggregates({ country: 'SG' })).byRegion).toEqual([{ key: 'SG', count: 1, exposure: 75 }]);
    }));

    it('saves import jobs, the latest state winning', t(async (s) => {
      const job: ImportJob = {
        id: newId('imp'), mode: 'skip-bad-rows', format: 'jsonl', status: 'receiving', createdAt: iso(0), createdBy: alice, finishedAt: null,
        processed: 10, total: null, valid: 9, committed: 0, created: 0, updated: 0, badRows: 1, errorCount: 1,
        errors: [{ row: 3, pointer: '/uscc', message: 'the check character is wrong', code: 'check_character' }], errorsTruncated: false, message: null,
      };
      await s.clients.saveImport(job);
      expect(await s.clients.getImport(job.id)).toEqual(job);
      const done = { ...job, status: 'completed' as const, total: 10, committed: 9, created: 9, finishedAt: iso(1) };
      await s.clients.saveImport(done);
      expect(await s.clients.getImport(job.id)).toEqual(done);
      expect(await s.clients.getImport('imp_nobody')).toBeNull();
    }));

    it('lists the imports still receiving or committing, oldest first', t(async (s) => {
      const job = (status: ImportJob['status'], at: number): ImportJob => ({
        id: newId('imp'), mode: 'all-or-nothing', format: 'jsonl', status, createdAt: iso(at), createdBy: alice, finishedAt: null,
        processed: 0, total: null, valid: 0, committed: 0, created: 0, updated: 0, badRows: 0, errorCount: 0, errors: [], errorsTruncated: false, message: null, updatedAt: iso(at),
      });
      const [committing, done, receiving, failed] = [job('committing', 5), job('completed', 1), job('receiving', 2), job('failed', 3)];
      for (const j of [committing, done, receiving, failed]) await s.clients.saveImport(j);
      expect(await s.clients.unfinishedImports()).toEqual([receiving, committing]);
      await s.clients.saveImport({ ...receiving, status: 'failed', finishedAt: iso(6) });
      expect(await s.clients.unfinishedImports()).toEqual([committing]);
    }));
  });
}
