import type { DecisionRecord } from '../../server/src/modules/decisions/decision';
import { newId } from '../../server/src/shared/ids';
import { alice, bob, iso, rejection, withStores, type OpenStores } from './fixtures';

/** A record as the decision service writes it; `minute` sets evaluatedAt (and the id's time, as the service does). */
export function decisionRecord(over: Partial<DecisionRecord> = {}, minute = 0): DecisionRecord {
  const evaluatedAt = iso(minute);
  return {
    id: newId('dec', Date.parse(evaluatedAt)),
    ruleSet: { key: 'corporate', version: 1, contentHash: 'sha256:' + 'b'.repeat(64) },
    facts: { debtToAsset: 0.55, sector: '制造业', covenants: [{ name: 'dscr', min: 1.2 }] },
    derivedFacts: {},
    asOf: evaluatedAt.slice(0, 10),
    outputs: { decision: 'approve', limit: 5_000_000, reasons: [] },
    firedRules: [{ name: 'base', priority: 1, event: { type: 'approve', params: { decision: 'approve' } } }],
    reasons: [],
    outcome: 'approve',
    caller: { kind: 'api-key', id: 'key_loan_origination', name: 'loan origination' },
    clientId: null,
    idempotencyKey: null,
    requestHash: null,
    requestId: 'req_test',
    ref: null,
    batchIndex: null,
    evaluatedAt,
    latencyMs: 0.42,
    ...over,
  };
}

/** The promises of DecisionLogStore (server/src/modules/decisions/decision-log-store.ts), checked on one adapter. */
export function decisionLogStoreContract(name: string, open: OpenStores): void {
  const t = withStores(open);
  const ids = (rs: { id: string }[]) => rs.map((r) => r.id);

  describe(`DecisionLogStore contract: ${name}`, () => {
    it('reads back exactly what was appended; an unknown id is null', t(async (s) => {
      const r = decisionRecord({ trace: [{ name: 'base', priority: 1, fired: true, conditions: { type: 'all', result: true, conditions: [] } }], warnings: [] });
      expect(await s.decisions.append([r])).toEqual([{ status: 'inserted' }]);
      expect(await s.decisions.get(r.id)).toEqual(r);
      expect(await s.decisions.get('dec_nothing')).toBeNull();
      expect(await s.decisions.append([])).toEqual([]);
    }));

    it('skips a record whose id is already stored and still writes the others of the same call', t(async (s) => {
      const a = decisionRecord({}, 1);
      await s.decisions.append([a]);
      const b = decisionRecord({}, 2);
      const replayedA = { ...a, outcome: 'changed' };
      expect(await s.decisions.append([replayedA, b])).toEqual([{ status: 'duplicate_id' }, { status: 'inserted' }]);
      expect((await s.decisions.get(a.id))!.outcome).toBe('approve');
      expect(ids((await s.decisions.list({})).items)).toEqual([b.id, a.id]);
    }));

    it('keeps idempotency keys unique per caller, within one call and across calls', t(async (s) => {
      const first = decisionRecord({ idempotencyKey: 'k-1', requestHash: 'h1' }, 1);
      const otherCaller = decisionRecord({ idempotencyKey: 'k-1', caller: { kind: 'user', id: 'usr_x', name: 'x' } }, 1);
      const sameCall = decisionRecord({ idempotencyKey: 'k-1' }, 1);
      expect(await s.decisions.append([first, otherCaller, sameCall])).toEqual([
        { status: 'inserted' },
        { status: 'inserted' },
        { status: 'duplicate_idempotency_key', existingId: first.id },
      ]);
      const later = decisionRecord({ idempotencyKey: 'k-1' }, 2);
      expect(await s.decisions.append([later])).toEqual([{ status: 'duplicate_idempotency_key', existingId: first.id }]);
      expect(await s.decisions.get(later.id)).toBeNull();
      const found = await s.decisions.findByIdempotencyKeys(first.caller.id, ['k-1', 'k-2']);
      expect(found).toEqual([first]);
      expect(await s.decisions.findByIdempotencyKeys('key_nobody', ['k-1'])).toEqual([]);
      expect(await s.decisions.findByIdempotencyKeys(first.caller.id, [])).toEqual([]);
    }));

    it('lets only one of two concurrent appends take an idempotency key', t(async (s) => {
      const a = decisionRecord({ idempotencyKey: 'race' }, 1);
      const b = decisionRecord({ idempotencyKey: 'race' }, 1);
      const [ra, rb] = await Promise.all([s.decisions.append([a]), s.decisions.append([b])]);
      const outcomes = [ra[0].status, rb[0].status].sort();
      expect(outcomes).toEqual(['duplicate_idempotency_key', 'inserted']);
      const winner = ra[0].status === 'inserted' ? a : b;
      expect(ra[0].status === 'inserted' ? rb[0] : ra[0]).toEqual({ status: 'duplicate_idempotency_key', existingId: winner.id });
      expect((await s.decisions.list({})).items).toHaveLength(1);
    }));

    it('writes nothing at all when one record of a call cannot be written', t(async (s) => {
      const good = decisionRecord({}, 1);
      const bad = { ...decisionRecord({ idempotencyKey: 'k' }, 2), caller: null } as unknown as DecisionRecord;
      await rejection(s.decisions.append([good, bad]));
      expect(await s.decisions.get(good.id)).toBeNull();
      expect((await s.decisions.list({})).items).toEqual([]);
    }));

    it('appends a thousand records in one call', t(async (s) => {
      const many = Array.from({ length: 1000 }, (_, i) => decisionRecord({ batchIndex: i, ref: `r${i}` }, i % 60));
      const out = await s.decisions.append(many);
      expect(out.every((o) => o.status === 'inserted')).toBe(true);
      const page = await s.decisions.list({ limit: 500 });
      expect(page.items).toHaveLength(500);
      expect(page.nextCursor).not.toBeNull();
    }));

    it('lists newest first and pages with the last id, stable while records are appended', t(async (s) => {
      const original = Array.from({ length: 12 }, (_, i) => decisionRecord({}, i));
      await s.decisions.append(original);
      const p1 = await s.decisions.list({ limit: 5 });
      expect(ids(p1.items)).toEqual(ids(original).reverse().slice(0, 5));
      await s.decisions.append(Array.from({ length: 4 }, () => decisionRecord({}, 100)));
      const rest: DecisionRecord[] = [];
      let cursor = p1.nextCursor;
      while (cursor) {
        const page = await s.decisions.list({ limit: 5, cursor });
        rest.push(...page.items);
        cursor = page.nextCursor;
      }
      expect([...ids(p1.items), ...ids(rest)]).toEqual(ids(original).reverse());
      expect((await s.decisions.list({ limit: 1000 })).items).toHaveLength(16);
    }));

    it('filters by rule set, outcome, client, caller (id or name) and an inclusive time range', t(async (s) => {
      const apiKey = { kind: 'api-key' as const, id: 'key_los', name: 'loan origination' };
      const r = [
        decisionRecord({ outcome: 'approve', caller: apiKey }, 1),
        decisionRecord({ outcome: 'decline', clientId: 'cli_1', caller: apiKey }, 2),
        decisionRecord({ outcome: 'refer', clientId: 'cli_1', caller: alice, ruleSet: { key: 'tiers', version: 3, contentHash: 'sha256:c' } }, 3),
        decisionRecord({ outcome: null, caller: bob, ruleSet: { key: 'tiers', version: 3, contentHash: 'sha256:c' } }, 4),
      ];
      await s.decisions.append(r);
      const q = async (query: Parameters<typeof s.decisions.list>[0]) => ids((await s.decisions.list(query)).items);
      expect(await q({ ruleSet: 'tiers' })).toEqual([r[3].id, r[2].id]);
      expect(await q({ outcome: 'decline' })).toEqual([r[1].id]);
      expect(await q({ clientId: 'cli_1' })).toEqual([r[2].id, r[1].id]);
      expect(await q({ caller: 'key_los' })).toEqual([r[1].id, r[0].id]);
      expect(await q({ caller: 'alice' })).toEqual([r[2].id]);
      expect(await q({ caller: bob.id })).toEqual([r[3].id]);
      expect(await q({ from: iso(2), to: iso(3) })).toEqual([r[2].id, r[1].id]);
      expect(await q({ from: iso(4) })).toEqual([r[3].id]);
      expect(await q({ to: iso(1) })).toEqual([r[0].id]);
      expect(await q({ ruleSet: 'corporate', caller: 'loan origination', from: iso(2) })).toEqual([r[1].id]);
      expect(await q({ outcome: 'nothing' })).toEqual([]);
      const p1 = await s.decisions.list({ ruleSet: 'corporate', limit: 1 });
      const p2 = await s.decisions.list({ ruleSet: 'corporate', limit: 1, cursor: p1.nextCursor! });
      expect([...ids(p1.items), ...ids(p2.items)]).toEqual([r[1].id, r[0].id]);
      expect(p2.nextCursor).toBeNull();
    }));

    it('counts by UTC day and outcome within [from, to), for one rule set or all; null outcomes are a group', t(async (s) => {
      const DAY = 24 * 60;
      const tiers = { key: 'tiers', version: 3, contentHash: 'sha256:c' };
      await s.decisions.append([
        decisionRecord({ outcome: 'approve' }, 0), // 2025-01-01T00:00 — exactly `from`: counted
        decisionRecord({ outcome: 'approve' }, 10),
        decisionRecord({ outcome: 'decline' }, DAY - 1), // 2025-01-01T23:59
        decisionRecord({ outcome: 'refer' }, DAY), // 2025-01-02T00:00
        decisionRecord({ outcome: null, ruleSet: tiers }, DAY + 5),
        decisionRecord({ outcome: 'gold', ruleSet: tiers }, DAY + 6),
        decisionRecord({ outcome: 'gold', ruleSet: tiers }, 2 * DAY + 1),
        decisionRecord({ outcome: 'approve' }, 3 * DAY), // 2025-01-04T00:00 — exactly `to`: not counted
      ]);
      const sorted = (gs: { day: string; outcome: string | null; count: number }[]) => [...gs].sort((a, b) => `${a.day} ${a.outcome}`.localeCompare(`${b.day} ${b.outcome}`));
      const range = { from: iso(0), to: iso(3 * DAY) };
      expect(sorted(await s.decisions.countByDay(range))).toEqual(
        sorted([
          { day: '2025-01-01', outcome: 'approve', count: 2 },
          { day: '2025-01-01', outcome: 'decline', count: 1 },
          { day: '2025-01-02', outcome: 'refer', count: 1 },
          { day: '2025-01-02', outcome: null, count: 1 },
          { day: '2025-01-02', outcome: 'gold', count: 1 },
          { day: '2025-01-03', outcome: 'gold', count: 1 },
        ]),
      );
      expect(sorted(await s.decisions.countByDay({ ...range, ruleSetKey: 'tiers' }))).toEqual(
        sorted([
          { day: '2025-01-02', outcome: null, count: 1 },
          { day: '2025-01-02', outcome: 'gold', count: 1 },
          { day: '2025-01-03', outcome: 'gold', count: 1 },
        ]),
      );
      expect(sorted(await s.decisions.countByDay({ from: iso(1), to: iso(DAY) }))).toEqual([
        { day: '2025-01-01', outcome: 'approve', count: 1 },
        { day: '2025-01-01', outcome: 'decline', count: 1 },
      ]);
      expect(await s.decisions.countByDay({ ...range, ruleSetKey: 'nothing' })).toEqual([]);
      expect(await s.decisions.countByDay({ from: iso(10 * DAY), to: iso(11 * DAY) })).toEqual([]);
    }));

    it('returns copies: changing what was read changes nothing stored', t(async (s) => {
      const r = decisionRecord({}, 1);
      await s.decisions.append([r]);
      const read = (await s.decisions.get(r.id))!;
      read.outputs.decision = 'decline';
      (read.facts as Record<string, unknown>).debtToAsset = 9;
      expect(await s.decisions.get(r.id)).toEqual(r);
      r.outcome = 'mutated after append';
      expect((await s.decisions.get(r.id))!.outcome).toBe('approve');
    }));

    it('limits pages to 50 by default and 500 at most', t(async (s) => {
      await s.decisions.append(Array.from({ length: 60 }, (_, i) => decisionRecord({}, i)));
      expect((await s.decisions.list({})).items).toHaveLength(50);
      expect((await s.decisions.list({ limit: 10_000 })).items).toHaveLength(60);
    }));
  });
}
