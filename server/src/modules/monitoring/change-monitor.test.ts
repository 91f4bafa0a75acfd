import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../../logger';
import { SYSTEM_ACTOR } from '../../shared/actor';
import { repoRoot } from '../../shared/paths';
import { SchemaValidator } from '../../shared/validation';
import { openMemoryStores } from '../../storage/memory/memory-stores';
import { DEFAULT_SLA_DAYS } from '../alerts/alert';
import { AlertService } from '../alerts/alert-service';
import { ClientService } from '../clients/client-service';
import { compileRuleSet } from '../engine';
import { makeUscc } from '../portfolio/identifiers';
import { ChangeMonitor } from './change-monitor';
import type { ClientInput } from './client-findings';
import { ClientMonitor } from './client-monitor';
import { InlineEvaluator } from './evaluator';
import type { CompiledMonitoringRuleSet, MonitoringRules } from './monitoring-rules';

/** The change path on the in-memory stores: coalescing, and the register's own segment writes not fed back. */
const clock = { now: () => new Date('2026-11-27T10:00:00.000Z') };
const rules: CompiledMonitoringRuleSet[] = ['segmentation/five-category', 'segmentation/client-tier', 'warning/early-warning'].map((f) => {
  const document = JSON.parse(readFileSync(join(repoRoot(), 'rules', `${f}.json`), 'utf8'));
  const evaluator = compileRuleSet(document);
  return { key: document.key, version: 1, contentHash: evaluator.contentHash, family: document.family, document, evaluator };
});
let activeRules = rules;
const source: MonitoringRules = { active: () => activeRules, version: async () => null };

function setup() {
  const stores = openMemoryStores();
  const clients = new ClientService(stores.clients, new SchemaValidator(), clock);
  const alerts = new AlertService(stores.alerts, clock);
  const monitor = new ClientMonitor({ clients: stores.clients, alerts, clock, sla: DEFAULT_SLA_DAYS });
  const evaluated: string[][] = [];
  const lifecycle = { created: 0, closed: 0, afterEvaluate: (_n: number) => {}, versionsUsed: [] as string[] };
  const changes = new ChangeMonitor({
    clients: stores.clients,
    monitor,
    rules: source,
    evaluator: (sets) => {
      const inline = new InlineEvaluator(sets);
      lifecycle.created++;
      const versions = sets.map((x) => `${x.key}@${x.version}`).join(' ');
      return {
        evaluate: async (c: ClientInput[], asOf: string) => {
          evaluated.push(c.map((x) => `${x.id}@${x.revision}`));
          // Which versions evaluated, against which were active at that moment.
          lifecycle.versionsUsed.push(versions === activeRules.map((x) => `${x.key}@${x.version}`).join(' ') ? 'current' : 'stale');
          const out = await inline.evaluate(c, asOf);
          lifecycle.afterEvaluate(c.length);
          return out;
        },
        close: async () => void lifecycle.closed++,
      };
    },
    clock,
    log: createLogger('silent'),
  });
  clients.onChange(changes.listener);
  return { stores, clients, changes, evaluated, lifecycle };
}

const profile = (n: number) => ({ uscc: makeUscc('91', '350100', 70_000 + n, 3), name: `测试${n}`, country: 'CN', provinceCode: '35', industry: { section: 'C' as const }, establishedDate: '2010-01-01', relationshipManager: 'rm_1' });

describe('ChangeMonitor', () => {
  it('evaluates a burst of changes to one client once, on its latest profile', async () => {
    const { clients, changes, evaluated } = setup();
    const c = await clients.create(profile(1), SYSTEM_ACTOR);
    for (let i = 0; i < 5; i++) await clients.addEvent(c.id, { type: 'award', date: '2026-11-27' }, undefined, SYSTEM_ACTOR);
    await changes.idle();
    // Six changes (a create, five events): the ones arriving while a round runs are evaluated together, once, on
    // the latest revision.
    const seen = evaluated.flat();
    expect(seen.length).toBeLessThan(6);
    expect(seen[seen.length - 1]).toBe(`${c.id}@6`);
  });

  it('does not evaluate the segment writes it causes, and forgets changes once closed', async () => {
    const { clients, changes, evaluated, stores } = setup();
    const c = await clients.create(profile(2), SYSTEM_ACTOR);
    await changes.idle();
    expect((await stores.clients.get(c.id))?.segments.class5).toBe('正常');
    await clients.setSegments(c.id, { tier: 'T1', tags: [], class5: '正常', ifrs9Stage: 1, riskLevel: null }, SYSTEM_ACTOR);
    await changes.idle();
    expect(evaluated).toHaveLength(1);
    await changes.close();
    await clients.addEvent(c.id, { type: 'key_person_missing', date: '2026-11-27' }, undefined, SYSTEM_ACTOR);
    await changes.idle();
    expect(evaluated).toHaveLength(1);
    expect(changes.backlog).toBe(0);
  });

  it('keeps one evaluator for an import\'s backlog, round after round, and a new one when the active versions change', async () => {
    const { clients, changes, evaluated, lifecycle } = setup();
    // 1,200 clients changed at once (an import): rounds of at most 500.
    await clients.upsertMany(Array.from({ length: 1200 }, (_, i) => profile(100 + i)), SYSTEM_ACTOR);
    await changes.idle();
    const rounds = evaluated.map((r) => r.length);
    expect(rounds.reduce((a, b) => a + b, 0)).toBe(1200);
    expect(rounds.filter((n) => n === 500)).toHaveLength(2);
    // The full rounds share one evaluator; each short round (the first change that started the drain, the rest at
    // the end) gets its own; every one is closed.
    expect(lifecycle.created).toBe(rounds.filter((n) => n < 500).length + 1);
    expect(lifecycle.closed).toBe(lifecycle.created);

    // A new active version while a backlog is being worked off: the held evaluator must not serve it.
    evaluated.length = 0;
    lifecycle.versionsUsed.length = 0;
    lifecycle.afterEvaluate = (n) => {
      if (n === 500) activeRules = rules.map((r) => (r.key === 'early-warning' ? { ...r, version: 2, contentHash: `${r.contentHash}-2` } : r));
    };
    try {
      await clients.upsertMany(Array.from({ length: 1200 }, (_, i) => profile(2000 + i)), SYSTEM_ACTOR);
      await changes.idle();
    } finally {
      activeRules = rules;
    }
    expect(evaluated.flat()).toHaveLength(1200);
    expect(lifecycle.versionsUsed).not.toContain('stale');
    expect(lifecycle.closed).toBe(lifecycle.created);
  });
});
