import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { MemoryDecisionLogStore } from '../../storage/memory/memory-decision-log-store';
import { newId } from '../../shared/ids';
import type { DecisionRecord } from './decision';
import type { AppendOutcome } from './decision-log-store';
import { DecisionLogWriter, type LogWriterSettings } from './decision-log-writer';
import { DecisionMetrics } from './decision-metrics';
import { DecisionSpool, readSegment } from './decision-spool';

const log = pino({ level: 'silent' });

function rec(over: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    id: newId('dec'), ruleSet: { key: 'k', version: 1, contentHash: 'sha256:x' }, facts: { a: 1 }, derivedFacts: {}, asOf: '2025-01-01',
    outputs: { decision: 'approve' }, firedRules: [], reasons: [], outcome: 'approve', caller: { kind: 'api-key', id: 'key_1', name: 'k' },
    clientId: null, idempotencyKey: null, requestHash: null, requestId: 'req', ref: null, batchIndex: null, evaluatedAt: new Date().toISOString(), latencyMs: 0.1,
    ...over,
  };
}

/** The memory store, counting appends, able to fail on demand. */
class CountingStore extends MemoryDecisionLogStore {
  calls: number[] = [];
  failing = false;
  override async append(records: DecisionRecord[]): Promise<AppendOutcome[]> {
    if (this.failing) throw new Error('store down');
    this.calls.push(records.length);
    return super.append(records);
  }
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'covenant-writer-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writer(store: CountingStore, over: Partial<LogWriterSettings> = {}, limits = { maxRecords: 1000, maxBytes: 10_000_000 }) {
  const spool = new DecisionSpool(join(dir, 'spool'), limits, log);
  const w: DecisionLogWriter = new DecisionLogWriter(store, spool, { flushIntervalMs: 2, maxBatchRecords: 256, storeTimeoutMs: 1000, retryIntervalMs: 20, ...over }, new DecisionMetrics(() => ({ depth: spool.depth, bytes: spool.bytes, degraded: w.degraded }), { defaultMetrics: false }), log);
  w.start();
  return { w, spool };
}

describe('DecisionLogWriter: group commit', () => {
  it('commits concurrent writes together, one transaction per group, each caller waiting for its own group', async () => {
    const store = new CountingStore();
    const { w } = writer(store);
    const all = Array.from({ length: 600 }, () => rec());
    const outcomes = await Promise.all(all.map((r) => w.write([r])));
    expect(outcomes.every((o) => o.length === 1 && o[0].status === 'inserted')).toBe(true);
    expect(store.calls.reduce((a, b) => a + b, 0)).toBe(600);
    expect(store.calls.length).toBeLessThanOrEqual(5);
    expect(Math.max(...store.calls)).toBeLessThanOrEqual(256);
    for (const r of all.slice(0, 20)) expect(await store.get(r.id)).not.toBeNull();
    await w.close();
  });

  it('never splits one write across transactions, even past maxBatchRecords', async () => {
    const store = new CountingStore();
    const { w } = writer(store, { maxBatchRecords: 10 });
    await Promise.all([w.write(Array.from({ length: 25 }, () => rec())), w.write([rec()])]);
    expect(store.calls).toContain(25);
    await w.close();
  });

  it('reports duplicates per record, in order', async () => {
    const store = new CountingStore();
    const { w } = writer(store);
    const a = rec({ idempotencyKey: 'k1' });
    await w.write([a]);
    const [dupId, dupKey, fresh] = await Promise.all([w.write([a]), w.write([rec({ idempotencyKey: 'k1' })]), w.write([rec()])]);
    expect([dupId[0].status, dupKey[0], fresh[0].status]).toEqual(['duplicate_id', { status: 'duplicate_idempotency_key', existingId: a.id }, 'inserted']);
    await w.close();
  });
});

describe('DecisionLogWriter: fail-static spool', () => {
  it('spools while the store fails, refuses past the limit, and replays once the store is back', async () => {
    const store = new CountingStore();
    const { w, spool } = writer(store, {}, { maxRecords: 5, maxBytes: 10_000_000 });
    store.failing = true;
    const first = rec();
    await w.write([first]);
    expect(w.degraded).toBe(true);
    await Promise.all(Array.from({ length: 4 }, () => w.write([rec()])));
    expect(spool.depth).toBe(5);
    await expect(w.write([rec()])).rejects.toMatchObject({ status: 503, code: 'spool_full' });
    await expect(w.write([rec(), rec()])).rejects.toMatchObject({ code: 'spool_full' });
    store.failing = false;
    for (let i = 0; i < 100 && (w.degraded || spool.depth); i++) await new Promise((r) => setTimeout(r, 10));
    expect(w.degraded).toBe(false);
    expect(spool.depth).toBe(0);
    expect(await store.get(first.id)).not.toBeNull();
    expect((await store.list({ limit: 100 })).items).toHaveLength(5);
    await w.close();
  });

  it('keeps a spooled record whose idempotency key was taken meanwhile, without the key, saying so', async () => {
    const store = new CountingStore();
    const { w } = writer(store);
    store.failing = true;
    const spooled = rec({ idempotencyKey: 'clash', requestHash: 'h' });
    await w.write([spooled]);
    store.failing = false;
    const winner = rec({ idempotencyKey: 'clash' });
    await MemoryDecisionLogStore.prototype.append.call(store, [winner]);
    for (let i = 0; i < 100 && w.degraded; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await store.get(spooled.id)).toMatchObject({ idempotencyKey: null, idempotencyClash: { key: 'clash', existingId: winner.id } });
    await w.close();
  });
});

describe('DecisionSpool files', () => {
  it('checksums each line and skips a torn or corrupted one', () => {
    const a = rec();
    const b = rec();
    const text = DecisionSpool.encode([a, b]).toString('utf8');
    const lines = text.trim().split('\n');
    const file = join(dir, 'spool-x.jsonl');
    writeFileSync(file, `${lines[0]}\n${lines[1].replace('"approve"', '"decline"')}\n${lines[1]}\n${lines[0].slice(0, 40)}`);
    const read = readSegment(file);
    expect(read.records.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(read.skipped).toBe(2);
  });

  it('finds a previous run\'s segments on open and deletes empty ones', async () => {
    mkdirSync(join(dir, 'spool'), { recursive: true });
    writeFileSync(join(dir, 'spool', 'spool-000000000000001-000000-1.jsonl'), DecisionSpool.encode([rec(), rec()]));
    writeFileSync(join(dir, 'spool', 'spool-000000000000002-000000-1.jsonl'), '{"sum":"torn');
    const spool = new DecisionSpool(join(dir, 'spool'), { maxRecords: 10, maxBytes: 1e9 }, log);
    spool.open();
    expect(spool.depth).toBe(2);
    await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(join(dir, 'spool'))).toEqual(['spool-000000000000001-000000-1.jsonl']);
  });
});
