import { DEFAULT_SLA_DAYS, type Alert, type Severity } from '../../server/src/modules/alerts/alert';
import type { AlertChange, SignalRun } from '../../server/src/modules/alerts/alert-store';
import { alertFromSignal } from '../../server/src/modules/alerts/signal';
import type { AuditEvent } from '../../server/src/modules/audit/audit';
import { emptyCounts, type Scan } from '../../server/src/modules/monitoring/scan';
import { ConflictError, NotFoundError, RevisionConflictError } from '../../server/src/shared/errors';
import { newId } from '../../server/src/shared/ids';
import type { Stores } from '../../server/src/storage/stores';
import { alice, allEvents, bob, event, iso, rejection, withStores, type OpenStores } from './fixtures';

const monitoring = { kind: 'system' as const, id: 'monitoring', name: 'monitoring' };

function alert(clientId: string, ruleId: string, severity: Severity, minute = 0, over: Partial<Alert> = {}): Alert {
  const a = alertFromSignal(
    { id: ruleId, severity, title: { zh: ruleId, en: ruleId }, rule: `${ruleId}-${severity}`, ruleSet: { key: 'early-warning', version: 1 }, actions: [] },
    { clientId, clientName: `client ${clientId}`, owner: 'rm_001', at: iso(minute), by: monitoring, source: { scanId: 'scn_test' }, sla: DEFAULT_SLA_DAYS },
  );
  return { ...a, ...over };
}

const run = (clientId: string, firing: Alert[], ruleSetKeys = ['early-warning']): SignalRun => ({ clientId, ruleSetKeys, firing });
const audited = (c: AlertChange): AuditEvent[] => [event({ action: `alert.${c.kind}`, entityType: 'alert', entityId: c.alert.id, entityKey: c.alert.clientId })];

async function active(s: Stores, clientId: string) {
  return (await s.alerts.list({ clientId, status: 'active' }, {})).items;
}

/** The promises of AlertStore (server/src/modules/alerts/alert-store.ts), checked on one adapter. */
export function alertStoreContract(name: string, open: OpenStores): void {
  const t = withStores(open);

  describe(`AlertStore contract: ${name}`, () => {
    it('opens one alert per fired signal, then only marks it seen; reports the worst active severity', t(async (s) => {
      const c = 'cli_a';
      const first = await s.alerts.recordSignals([run(c, [alert(c, 'F01', 'orange'), alert(c, 'B01', 'yellow')])], iso(0), audited);
      expect(first).toEqual([{ clientId: c, opened: 2, escalated: 0, stillOpen: 0, stoppedFiring: 0, reassigned: 0, worstActive: 'orange' }]);
      const [f01] = (await active(s, c)).filter((a) => a.ruleId === 'F01');
      const again = await s.alerts.recordSignals([run(c, [alert(c, 'F01', 'orange', 60), alert(c, 'B01', 'yellow', 60)])], iso(60), audited);
      expect(again[0]).toMatchObject({ opened: 0, stillOpen: 2, worstActive: 'orange' });
      const after = (await s.alerts.get(f01.id)) as Alert;
      expect(after).toMatchObject({ id: f01.id, revision: 1, lastSeenAt: iso(60), openedAt: iso(0), stillFiring: true, status: 'open', notes: [] });
      expect(await active(s, c)).toHaveLength(2);
      expect(await s.alerts.worstActive(c)).toBe('orange');
      expect(await s.alerts.worstActive('cli_none')).toBeNull();
      expect((await allEvents(s)).filter((e) => e.action === 'alert.opened')).toHaveLength(2);
    }));

    it('hands the active alerts of a client to its new relationship manager, leaving closed ones and other clients alone', t(async (s) => {
      const c = 'cli_rm';
      await s.alerts.recordSignals([run(c, [alert(c, 'F01', 'orange'), alert(c, 'B01', 'yellow')]), run('cli_keep', [alert('cli_keep', 'F01', 'red')])], iso(0), audited);
      const [closed] = (await active(s, c)).filter((a) => a.ruleId === 'B01');
      await s.alerts.update({ ...closed, status: 'resolved', closedAt: iso(1), closedBy: alice, closingComment: 'done', revision: 2 }, 1, []);
      // Same owner: nothing to do.
      expect((await s.alerts.recordSignals([{ ...run(c, [alert(c, 'F01', 'orange', 2)]), owner: { id: 'rm_001', by: monitoring } }], iso(2), audited))[0].reassigned).toBe(0);
      const out = await s.alerts.recordSignals([{ ...run(c, []), owner: { id: 'rm_002', by: bob } }], iso(3), audited);
      expect(out[0]).toMatchObject({ reassigned: 1, stoppedFiring: 1, worstActive: 'orange' });
      const [f01] = await active(s, c);
      expect(f01).toMatchObject({ ruleId: 'F01', owner: 'rm_002', revision: 2, updatedAt: iso(3), updatedBy: bob, stillFiring: false });
      expect(await s.alerts.get(closed.id)).toMatchObject({ owner: 'rm_001', status: 'resolved' });
      expect((await active(s, 'cli_keep'))[0].owner).toBe('rm_001');
      expect((await allEvents(s)).filter((e) => e.action === 'alert.reassigned').map((e) => e.entityId)).toEqual([f01.id]);
      expect((await s.alerts.list({ owner: 'rm_002' }, {})).items.map((a) => a.id)).toEqual([f01.id]);
    }));

    it('keeps one active alert per (client, rule id) when two runs record the same signal concurrently', t(async (s) => {
      const c = 'cli_race';
      await Promise.all([
        s.alerts.recordSignals([run(c, [alert(c, 'N01', 'red')])], iso(1), audited),
        s.alerts.recordSignals([run(c, [alert(c, 'N01', 'red')])], iso(1), audited),
        s.alerts.recordSignals([run(c, [alert(c, 'N01', 'red')]), run('cli_other', [alert('cli_other', 'N01', 'red')])], iso(1), audited),
      ]);
      expect(await active(s, c)).toHaveLength(1);
      expect(await active(s, 'cli_other')).toHaveLength(1);
    }));

    it('escalates an active alert to a worse severity (earlier due day, revision + 1) and never de-escalates it', t(async (s) => {
      const c = 'cli_esc';
      await s.alerts.recordSignals([run(c, [alert(c, 'F01', 'yellow')])], iso(0), audited);
      const out = await s.alerts.recordSignals([run(c, [alert(c, 'F01', 'red', 10)])], iso(10), audited);
      expect(out[0]).toMatchObject({ opened: 0, escalated: 1, stillOpen: 1, worstActive: 'red' });
      const [a] = await active(s, c);
      expect(a).toMatchObject({ severity: 'red', rule: 'F01-red', revision: 2, dueAt: alert(c, 'F01', 'red', 10).dueAt, openedAt: iso(0) });
      await s.alerts.recordSignals([run(c, [alert(c, 'F01', 'blue', 20)])], iso(20), audited);
      expect((await active(s, c))[0]).toMatchObject({ severity: 'red', revision: 2, lastSeenAt: iso(20) });
      expect((await allEvents(s)).map((e) => e.action)).toContain('alert.escalated');
    }));

    it('marks alerts of the evaluated rule sets that stopped firing, leaves them active, and notices when they fire again', t(async (s) => {
      const c = 'cli_stop';
      const other = alert(c, 'X01', 'yellow', 0, { ruleSet: { key: 'other-warning', version: 1 } });
      await s.alerts.recordSignals([run(c, [alert(c, 'F01', 'orange'), other], ['early-warning', 'other-warning'])], iso(0), audited);
      const out = await s.alerts.recordSignals([run(c, [], ['early-warning'])], iso(5), audited);
      expect(out[0]).toMatchObject({ stoppedFiring: 1, worstActive: 'orange' });
      const list = await active(s, c);
      expect(list.find((a) => a.ruleId === 'F01')).toMatchObject({ status: 'open', stillFiring: false, lastSeenAt: iso(0), revision: 1 });
      expect(list.find((a) => a.ruleId === 'X01')).toMatchObject({ stillFiring: true });
      await s.alerts.recordSignals([run(c, [alert(c, 'F01', 'orange', 9)])], iso(9), audited);
      expect((await active(s, c)).find((a) => a.ruleId === 'F01')).toMatchObject({ stillFiring: true, lastSeenAt: iso(9) });
      expect((await allEvents(s)).map((e) => e.action)).toEqual(expect.arrayContaining(['alert.stopped-firing', 'alert.firing-again']));
    }));

    it('updates with compare-and-set on revision, keeps the run-owned fields, and audits in the same transaction', t(async (s) => {
      const c = 'cli_cas';
      await s.alerts.recordSignals([run(c, [alert(c, 'F02', 'yellow')])], iso(0), audited);
      const [a] = await active(s, c);
      await s.alerts.recordSignals([run(c, [alert(c, 'F02', 'yellow', 7)])], iso(7), audited);
      const before = (await allEvents(s)).length;
      const next: Alert = { ...a, status: 'acknowledged', acknowledgedAt: iso(8), acknowledgedBy: alice, revision: 2, updatedAt: iso(8), updatedBy: alice, lastSeenAt: iso(0) };
      const saved = await s.alerts.update(next, 1, [event({ action: 'alert.acknowledged' })]);
      expect(saved).toMatchObject({ status: 'acknowledged', revision: 2, lastSeenAt: iso(7), stillFiring: true });
      expect((await allEvents(s)).length).toBe(before + 1);
      expect(await rejection(s.alerts.update({ ...next, revision: 3 }, 1, [event()]))).toBeInstanceOf(RevisionConflictError);
      expect(await rejection(s.alerts.update({ ...next, id: 'alr_missing' }, 1, [event()]))).toBeInstanceOf(NotFoundError);
      expect((await allEvents(s)).length).toBe(before + 1);
      expect((await s.alerts.get(a.id))?.revision).toBe(2);
    }));

    it('opens a new alert when a signal fires after its alert was closed; refuses to reactivate a second one', t(async (s) => {
      const c = 'cli_again';
      await s.alerts.recordSignals([run(c, [alert(c, 'B01', 'orange')])], iso(0), audited);
      const [a] = await active(s, c);
      const resolved = await s.alerts.update({ ...a, status: 'resolved', closedAt: iso(1), closedBy: bob, closingComment: 'paid', revision: 2 }, 1, []);
      expect(await active(s, c)).toHaveLength(0);
      expect(await s.alerts.worstActive(c)).toBeNull();
      const out = await s.alerts.recordSignals([run(c, [alert(c, 'B01', 'orange', 2)])], iso(2), audited);
      expect(out[0]).toMatchObject({ opened: 1, worstActive: 'orange' });
      const [b] = await active(s, c);
      expect(b.id).not.toBe(a.id);
      const e = await rejection(s.alerts.update({ ...resolved, status: 'open', revision: 3 }, 2, [event()]));
      expect(e).toBeInstanceOf(ConflictError);
      expect(e.code).toBe('alert_active_exists');
      expect((await s.alerts.get(a.id))?.status).toBe('resolved');
    }));

    it('records a batch all or nothing', t(async (s) => {
      let n = 0;
      const failing = (c: AlertChange) => {
        if (++n === 3) throw new Error('audit broke');
        return audited(c);
      };
      await rejection(s.alerts.recordSignals([run('cli_1', [alert('cli_1', 'F01', 'red')]), run('cli_2', [alert('cli_2', 'F01', 'red'), alert('cli_2', 'F02', 'red')])], iso(0), failing));
      expect((await s.alerts.list({}, {})).items).toHaveLength(0);
      expect(await allEvents(s)).toHaveLength(0);
    }));

    it('appends numbered notes, never changing them; get has the notes, list their count', t(async (s) => {
      const c = 'cli_notes';
      await s.alerts.recordSignals([run(c, [alert(c, 'N03', 'orange')])], iso(0), audited);
      const [a] = await active(s, c);
      const n1 = await s.alerts.addNote(a.id, { at: iso(1), by: alice, text: 'called the CFO' }, () => [event({ action: 'alert.note-added' })]);
      const n2 = await s.alerts.addNote(a.id, { at: iso(2), by: bob, text: 'site visit booked' }, () => []);
      expect([n1.seq, n2.seq]).toEqual([1, 2]);
      expect((await s.alerts.get(a.id))?.notes).toEqual([n1, n2]);
      expect((await s.alerts.list({ clientId: c }, {})).items[0].noteCount).toBe(2);
      expect(await rejection(s.alerts.addNote('alr_missing', { at: iso(3), by: bob, text: 'x' }, () => []))).toBeInstanceOf(NotFoundError);
      expect(await s.alerts.get('alr_missing')).toBeNull();
    }));

    it('counts active alerts by severity with the overdue ones, for all owners or one, every severity listed', t(async (s) => {
      const zero = [
        { severity: 'red', count: 0, overdue: 0 },
        { severity: 'orange', count: 0, overdue: 0 },
        { severity: 'yellow', count: 0, overdue: 0 },
        { severity: 'blue', count: 0, overdue: 0 },
      ];
      expect(await s.alerts.countActive('2025-02-01')).toEqual(zero);
      const due = (dueAt: string, owner: string | null) => ({ dueAt, owner });
      await s.alerts.recordSignals(
        [
          run('cli_p', [alert('cli_p', 'F01', 'red', 0, due('2025-01-10', 'rm_a')), alert('cli_p', 'F02', 'red', 0, due('2025-02-01', 'rm_a')), alert('cli_p', 'B01', 'yellow', 0, due('2025-01-31', 'rm_b'))]),
          run('cli_q', [alert('cli_q', 'F01', 'red', 0, due('2025-01-02', 'rm_b')), alert('cli_q', 'B02', 'blue', 0, due('2025-03-01', null))]),
          run('cli_r', [alert('cli_r', 'F01', 'orange', 0, due('2025-01-05', 'rm_a'))]),
        ],
        iso(0),
        audited,
      );
      // Closed alerts are not counted, acknowledged and in-progress ones are.
      const [closed] = (await s.alerts.list({ clientId: 'cli_r' }, {})).items;
      await s.alerts.update({ ...closed, status: 'resolved', closedAt: iso(1), closedBy: bob, closingComment: 'done', revision: 2 }, 1, []);
      const [ack] = (await s.alerts.list({ clientId: 'cli_q', severity: 'red' }, {})).items;
      await s.alerts.update({ ...ack, status: 'in_progress', startedAt: iso(1), startedBy: bob, revision: 2 }, 1, []);
      // Overdue: due strictly before the day, as list's overdueOn.
      expect(await s.alerts.countActive('2025-02-01')).toEqual([
        { severity: 'red', count: 3, overdue: 2 },
        { severity: 'orange', count: 0, overdue: 0 },
        { severity: 'yellow', count: 1, overdue: 1 },
        { severity: 'blue', count: 1, overdue: 0 },
      ]);
      const listed = (await s.alerts.list({ overdueOn: '2025-02-01' }, {})).items;
      expect(listed).toHaveLength(3);
      expect(await s.alerts.countActive('2025-02-01', 'rm_a')).toEqual([
        { severity: 'red', count: 2, overdue: 1 },
        { severity: 'orange', count: 0, overdue: 0 },
        { severity: 'yellow', count: 0, overdue: 0 },
        { severity: 'blue', count: 0, overdue: 0 },
      ]);
      expect((await s.alerts.countActive('2025-02-01', 'rm_b')).map((c) => [c.count, c.overdue])).toEqual([[1, 1], [0, 0], [1, 1], [0, 0]]);
      expect(await s.alerts.countActive('2025-02-01', 'rm_nobody')).toEqual(zero);
    }));

    it('lists newest first with every filter and a stable cursor, returning copies', t(async (s) => {
      const runs = [
        run('cli_x', [alert('cli_x', 'F01', 'red', 0, { owner: 'rm_a' }), alert('cli_x', 'F02', 'yellow', 0, { owner: 'rm_a' })]),
        run('cli_y', [alert('cli_y', 'F01', 'orange', 0, { owner: 'rm_b' })]),
      ];
      await s.alerts.recordSignals(runs, iso(0), audited);
      const all = (await s.alerts.list({}, {})).items;
      expect(all.map((a) => a.id)).toEqual([...all.map((a) => a.id)].sort().reverse());
      expect((await s.alerts.list({ owner: 'rm_a' }, {})).items).toHaveLength(2);
      expect((await s.alerts.list({ severity: 'red' }, {})).items.map((a) => a.clientId)).toEqual(['cli_x']);
      expect((await s.alerts.list({ ruleId: 'F01' }, {})).items).toHaveLength(2);
      expect((await s.alerts.list({ clientId: 'cli_y', status: 'open' }, {})).items).toHaveLength(1);
      expect((await s.alerts.list({ status: 'resolved' }, {})).items).toHaveLength(0);
      const red = all.find((a) => a.severity === 'red') as Alert;
      expect((await s.alerts.list({ overdueOn: red.dueAt }, {})).items).toHaveLength(0);
      const later = (await s.alerts.list({ overdueOn: '2099-01-01' }, {})).items;
      expect(later).toHaveLength(3);
      const p1 = await s.alerts.list({}, { limit: 2 });
      const p2 = await s.alerts.list({}, { limit: 2, cursor: p1.nextCursor as string });
      expect([...p1.items, ...p2.items].map((a) => a.id)).toEqual(all.map((a) => a.id));
      expect(p2.nextCursor).toBeNull();
      p1.items[0].severity = 'blue';
      expect((await s.alerts.get(p1.items[0].id))?.severity).not.toBe('blue');
    }));
  });
}

function scan(over: Partial<Scan> = {}): Scan {
  return {
    id: newId('scn'),
    status: 'queued',
    trigger: 'manual',
    slot: null,
    requestedBy: alice,
    asOf: '2025-01-01',
    ruleSets: [{ key: 'early-warning', version: 1, contentHash: 'sha256:x', family: 'warning' }],
    batchSize: 2000,
    createdAt: iso(0),
    startedAt: null,
    finishedAt: null,
    heartbeatAt: iso(0),
    checkpoint: null,
    progress: { processed: 0, total: 0, ratePerSecond: 0, etaSeconds: null },
    counts: emptyCounts(),
    durationMs: 0,
    attempts: 1,
    error: null,
    ...over,
  };
}

/** The promises of ScanStore (server/src/modules/monitoring/scan-store.ts), checked on one adapter. */
export function scanStoreContract(name: string, open: OpenStores): void {
  const t = withStores(open);

  describe(`ScanStore contract: ${name}`, () => {
    it('inserts with audit, refuses a taken id or schedule slot, and reads copies', t(async (s) => {
      const a = await s.scans.insert(scan({ slot: '2025-01-01T02:00:00.000Z' }), [event({ action: 'monitoring.scan-started' })]);
      expect(await s.scans.get(a.id)).toEqual(a);
      expect((await rejection(s.scans.insert(a, [event()]))).code).toBe('duplicate_id');
      expect((await rejection(s.scans.insert(scan({ slot: a.slot }), [event()]))).code).toBe('scan_slot_taken');
      await s.scans.insert(scan(), []);
      await s.scans.insert(scan(), []);
      expect(await allEvents(s)).toHaveLength(1);
      expect(await s.scans.get('scn_missing')).toBeNull();
    }));

    it('updates compare-and-set on status and keeps the rest', t(async (s) => {
      const a = await s.scans.insert(scan(), []);
      const running = await s.scans.update(a.id, { status: 'running', checkpoint: 'cli_5' }, ['queued'], [event()]);
      expect(running).toMatchObject({ status: 'running', checkpoint: 'cli_5', trigger: 'manual' });
      expect(await s.scans.update(a.id, { status: 'completed' }, ['queued'])).toBeNull();
      expect(await s.scans.update('scn_missing', { status: 'completed' }, ['running'])).toBeNull();
      expect((await s.scans.get(a.id))?.status).toBe('running');
      expect(await allEvents(s)).toHaveLength(1);
    }));

    it('marks stale unfinished scans interrupted, keeping checkpoint and counts', t(async (s) => {
      const stale = await s.scans.insert(scan({ status: 'running', heartbeatAt: iso(0), checkpoint: 'cli_9', counts: { ...emptyCounts(), clients: 9 } }), []);
      const fresh = await s.scans.insert(scan({ status: 'running', heartbeatAt: iso(30) }), []);
      const done = await s.scans.insert(scan({ status: 'completed', heartbeatAt: iso(0) }), []);
      expect(await s.scans.markInterrupted(iso(10), iso(40))).toBe(1);
      expect(await s.scans.get(stale.id)).toMatchObject({ status: 'interrupted', checkpoint: 'cli_9', counts: { clients: 9 }, error: { code: 'interrupted' } });
      expect((await s.scans.get(fresh.id))?.status).toBe('running');
      expect((await s.scans.get(done.id))?.status).toBe('completed');
      const page = await s.scans.list({ status: 'interrupted' });
      expect(page.items.map((x) => x.id)).toEqual([stale.id]);
    }));

    it('lists newest first, paged by the last id', t(async (s) => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await s.scans.insert(scan(), [])).id);
      const p1 = await s.scans.list({ limit: 3 });
      const p2 = await s.scans.list({ limit: 3, cursor: p1.nextCursor as string });
      expect([...p1.items, ...p2.items].map((x) => x.id)).toEqual(ids.reverse());
      expect(p2.nextCursor).toBeNull();
    }));
  });
}
