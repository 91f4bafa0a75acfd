import type { ChangedRecord, Simulation, Upload } from '../../server/src/modules/simulations/simulation';
import { newId } from '../../server/src/shared/ids';
import { alice, draft, event, iso, withStores, type OpenStores } from './fixtures';

/** A run as the service inserts it (queued, with both documents). */
export function simulation(over: Partial<Simulation> = {}, minute = 0): Simulation {
  const at = iso(minute);
  const doc = draft('sim-contract').document;
  return {
    id: newId('sim', Date.parse(at)),
    ruleSetKey: 'sim-contract',
    status: 'queued',
    candidate: { version: null, contentHash: 'sha256:' + 'c'.repeat(64), rules: 1 },
    baseline: { version: 1, contentHash: 'sha256:' + 'b'.repeat(64), rules: 1 },
    population: { upload: 'upl_contract' },
    asOf: null,
    exposureField: 'exposure',
    budget: { records: 10, rulesPerRecord: 2, evaluations: 20, budget: 1000 },
    progress: { processed: 0, total: 10, skipped: 0, changed: 0, rate: 0, etaSeconds: null, updatedAt: at },
    createdBy: alice,
    createdAt: at,
    startedAt: null,
    finishedAt: null,
    heartbeatAt: at,
    error: null,
    results: null,
    documents: { baseline: doc, candidate: { ...doc, name: { zh: '候选', en: 'Candidate' } } },
    ...over,
  };
}

export function change(seq: number, over: Partial<ChangedRecord> = {}): ChangedRecord {
  return {
    recordId: `row-${seq}`,
    seq,
    ref: `c${seq}`,
    exposure: 1000 * seq,
    dims: { industry: 'C' },
    asOf: '2025-06-30',
    facts: { debtRatio: 0.85, exposure: 1000 * seq },
    changedOutputs: ['decision'],
    baseline: { outputs: { decision: 'approve', tags: [] } },
    candidate: { outputs: { decision: '次级', tags: ['风险较高客户'] } },
    firedOnlyInBaseline: [],
    firedOnlyInCandidate: ['high-leverage'],
    ...over,
  };
}

function upload(over: Partial<Upload> = {}): Upload {
  return {
    id: newId('upl'),
    kind: 'facts',
    format: 'csv',
    fileName: 'book.csv',
    path: '/data/uploads/x.csv',
    bytes: 1234,
    sha256: 'f'.repeat(64),
    rows: 3,
    badRows: 1,
    sampleErrors: [{ row: 2, line: 3, reason: 'debtRatio must be a number; it was "x"' }],
    columns: ['id', 'debtRatio'],
    ruleSetKey: null,
    exposureField: null,
    batchRows: 2000,
    batches: [{ offset: 13, row: 1, line: 2 }],
    createdBy: alice,
    createdAt: iso(0),
    ...over,
  };
}

/** The promises of SimulationStore (server/src/modules/simulations/simulation-store.ts), checked on one adapter. */
export function simulationStoreContract(name: string, open: OpenStores): void {
  const t = withStores(open);

  describe(`SimulationStore contract: ${name}`, () => {
    it('stores a run with its audit events and reads it back whole; an unknown id is null; a duplicate id is refused', t(async (s) => {
      const sim = simulation();
      const audited = event({ action: 'simulation.started', entityType: 'simulation', entityId: sim.id, entityKey: sim.ruleSetKey });
      expect(await s.simulations.insert(sim, [audited])).toEqual(sim);
      expect(await s.simulations.get(sim.id)).toEqual(sim);
      expect(await s.simulations.get('sim_nothing')).toBeNull();
      expect((await s.audit.list({ entity: sim.id })).items.map((e) => e.id)).toEqual([audited.id]);
      await expect(s.simulations.insert(sim, [event()])).rejects.toMatchObject({ code: 'duplicate_id' });
      expect((await s.audit.list({})).items).toHaveLength(1);
    }));

    it('updates only from an expected status (compare-and-set), so a cancel and a completion cannot both win', t(async (s) => {
      const sim = await s.simulations.insert(simulation(), []);
      const running = await s.simulations.update(sim.id, { status: 'running', startedAt: iso(1), heartbeatAt: iso(1) }, ['queued']);
      expect(running).toMatchObject({ status: 'running', startedAt: iso(1), documents: sim.documents });
      const results = { summary: { records: 10 } } as unknown as Simulation['results'];
      const cancelled = await s.simulations.update(sim.id, { status: 'cancelled', error: { code: 'cancelled', message: 'by alice' } }, ['queued', 'running'], [event({ action: 'simulation.cancelled', entityId: sim.id })]);
      expect(cancelled?.status).toBe('cancelled');
      expect(await s.simulations.update(sim.id, { status: 'completed', results }, ['running'])).toBeNull();
      expect(await s.simulations.get(sim.id)).toMatchObject({ status: 'cancelled', results: null, error: { code: 'cancelled' } });
      expect(await s.simulations.update('sim_nothing', { status: 'failed' }, ['running'])).toBeNull();
      expect((await s.audit.list({ entity: sim.id })).items.map((e) => e.action)).toEqual(['simulation.cancelled']);
    }));

    it('stores results and returns them with the run', t(async (s) => {
      const sim = await s.simulations.insert(simulation({ status: 'running' }), []);
      const results = { summary: { records: 10, changed: 2 }, outputs: [{ output: 'decision', kind: 'categorical', values: ['正常', '关注'], cells: [] }] } as unknown as Simulation['results'];
      await s.simulations.update(sim.id, { status: 'completed', results, finishedAt: iso(5) }, ['running']);
      expect(await s.simulations.get(sim.id)).toEqual({ ...sim, status: 'completed', results, finishedAt: iso(5) });
    }));

    it('lists summaries newest first with filters and a stable cursor', t(async (s) => {
      const a = await s.simulations.insert(simulation({}, 1), []);
      const b = await s.simulations.insert(simulation({ ruleSetKey: 'other', status: 'completed' }, 2), []);
      const c = await s.simulations.insert(simulation({}, 3), []);
      const all = await s.simulations.list({});
      expect(all.items.map((x) => x.id)).toEqual([c.id, b.id, a.id]);
      expect(all.items[0]).not.toHaveProperty('documents');
      expect(all.items[0]).not.toHaveProperty('results');
      expect((await s.simulations.list({ ruleSetKey: 'sim-contract' })).items.map((x) => x.id)).toEqual([c.id, a.id]);
      expect((await s.simulations.list({ status: 'completed' })).items.map((x) => x.id)).toEqual([b.id]);
      const first = await s.simulations.list({ limit: 2 });
      expect(first.items.map((x) => x.id)).toEqual([c.id, b.id]);
      await s.simulations.insert(simulation({}, 4), []);
      const second = await s.simulations.list({ limit: 2, cursor: first.nextCursor! });
      expect(second).toEqual({ items: [expect.objectContaining({ id: a.id })], nextCursor: null });
    }));

    it('finds the latest completed run of exactly a candidate and baseline hash', t(async (s) => {
      const match = { candidate: { version: 2, contentHash: 'sha256:' + '2'.repeat(64), rules: 1 }, baseline: { version: 1, contentHash: 'sha256:' + '1'.repeat(64), rules: 1 } };
      const older = await s.simulations.insert(simulation({ ...match, status: 'completed' }, 1), []);
      const newer = await s.simulations.insert(simulation({ ...match, status: 'completed' }, 2), []);
      await s.simulations.insert(simulation({ ...match, status: 'failed' }, 3), []);
      await s.simulations.insert(simulation({ status: 'completed' }, 4), []);
      expect((await s.simulations.latestCompleted('sim-contract', match.candidate.contentHash, match.baseline.contentHash))?.id).toBe(newer.id);
      expect(older.id < newer.id).toBe(true);
      expect(await s.simulations.latestCompleted('sim-contract', match.candidate.contentHash, 'sha256:other')).toBeNull();
      expect(await s.simulations.latestCompleted('other', match.candidate.contentHash, match.baseline.contentHash)).toBeNull();
    }));

    it('marks unfinished runs with a stale heartbeat as failed, and no others', t(async (s) => {
      const stale = await s.simulations.insert(simulation({ status: 'running', heartbeatAt: iso(1) }), []);
      const queued = await s.simulations.insert(simulation({ status: 'queued', heartbeatAt: iso(2) }), []);
      const fresh = await s.simulations.insert(simulation({ status: 'running', heartbeatAt: iso(10) }), []);
      const done = await s.simulations.insert(simulation({ status: 'completed', heartbeatAt: iso(1) }), []);
      const error = { code: 'interrupted', message: 'interrupted by restart' };
      expect(await s.simulations.failUnfinished(iso(5), error, iso(20))).toBe(2);
      for (const id of [stale.id, queued.id]) expect(await s.simulations.get(id)).toMatchObject({ status: 'failed', error, finishedAt: iso(20) });
      expect((await s.simulations.get(fresh.id))?.status).toBe('running');
      expect((await s.simulations.get(done.id))?.status).toBe('completed');
      expect((await s.simulations.get(stale.id))?.documents).toEqual(stale.documents);
    }));

    it('keeps changed records per run in seq order, ignores a repeated seq, pages by seq and finds one by record id', t(async (s) => {
      const sim = await s.simulations.insert(simulation(), []);
      const other = await s.simulations.insert(simulation(), []);
      await s.simulations.appendChanges(sim.id, [change(5), change(2), change(9)]);
      await s.simulations.appendChanges(sim.id, [change(2, { ref: 'replayed' }), change(7)]);
      await s.simulations.appendChanges(other.id, [change(1)]);
      await s.simulations.appendChanges(sim.id, []);
      const p1 = await s.simulations.listChanges(sim.id, { limit: 3 });
      expect(p1.items.map((c) => c.seq)).toEqual([2, 5, 7]);
      expect(p1.items[0]).toEqual(change(2));
      const p2 = await s.simulations.listChanges(sim.id, { limit: 3, cursor: p1.nextCursor! });
      expect(p2).toEqual({ items: [change(9)], nextCursor: null });
      expect(await s.simulations.getChange(sim.id, 'row-7')).toEqual(change(7));
      expect(await s.simulations.getChange(sim.id, 'row-1')).toBeNull();
      await s.simulations.deleteChanges(sim.id);
      expect((await s.simulations.listChanges(sim.id, {})).items).toEqual([]);
      expect((await s.simulations.listChanges(other.id, {})).items).toEqual([change(1)]);
    }));

    it('stores uploads with their audit events; an unknown upload is null', t(async (s) => {
      const u = upload();
      expect(await s.simulations.insertUpload(u, [event({ action: 'simulation.upload-created', entityId: u.id })])).toEqual(u);
      expect(await s.simulations.getUpload(u.id)).toEqual(u);
      expect(await s.simulations.getUpload('upl_nothing')).toBeNull();
      expect((await s.audit.list({ entity: u.id })).items).toHaveLength(1);
      await expect(s.simulations.insertUpload(u, [])).rejects.toMatchObject({ code: 'duplicate_id' });
    }));

    it('returns copies', t(async (s) => {
      const sim = await s.simulations.insert(simulation(), []);
      const read = (await s.simulations.get(sim.id))!;
      read.documents.baseline.key = 'mutated';
      read.progress.processed = 99;
      expect(await s.simulations.get(sim.id)).toEqual(sim);
    }));
  });
}
