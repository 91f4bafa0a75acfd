import type { Logger } from '../../logger';
import type { Actor } from '../../shared/actor';
import { actorRef } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import type { ClientRecord } from '../clients/client';
import type { ClientStore } from '../clients/client-store';
import { monitoredClient, type ClientMonitor, type Trigger } from './client-monitor';
import type { ClientEvaluator } from './evaluator';
import type { CompiledMonitoringRuleSet, MonitoringRules } from './monitoring-rules';

/** What ClientService tells its change listeners. */
export interface ClientChange {
  by: Actor;
  action: string;
  importId?: string;
}

/** The register's own segment writes (ours included) are not data changes: evaluating them again would loop. */
const NOT_DATA = new Set(['client.segments-changed', 'client.deleted']);

/** Clients evaluated per round; a larger backlog (an import) is worked off round by round. */
const ROUND = 500;

export interface ChangeMonitorDeps {
  clients: Pick<ClientStore, 'get'>;
  monitor: ClientMonitor;
  rules: MonitoringRules;
  evaluator: (sets: CompiledMonitoringRuleSet[], clients: number) => ClientEvaluator;
  clock: Clock;
  log: Logger;
}

/**
 * Segmentation and warning on every change to a client's data (ClientService.onChange, after the change
 * committed). Changes are queued and coalesced per client — ten edits in a row are evaluated once, on the latest
 * profile — and worked off in the background, so the change's own request never waits for rule evaluation.
 */
export class ChangeMonitor {
  private readonly pending = new Map<string, ClientChange>();
  private draining: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly d: ChangeMonitorDeps) {}

  /** The listener to register with ClientService.onChange. */
  readonly listener = (clientId: string, info: ClientChange): void => {
    if (this.closed || NOT_DATA.has(info.action)) return;
    this.pending.set(clientId, info);
    this.draining ??= this.drain().finally(() => (this.draining = null));
  };

  get backlog(): number {
    return this.pending.size;
  }

  /** Resolves once every change queued so far has been evaluated (tests; shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pending.clear();
    await this.idle();
  }

  /**
   * Works the backlog off round by round. An import queues thousands of clients: the evaluator of one round (worker
   * threads that compile the rule sets on start) serves the next ones as long as the active versions stay the same.
   */
  private async drain(): Promise<void> {
    let held = null as { versions: string; evaluator: ClientEvaluator } | null;
    try {
      while (this.pending.size && !this.closed) {
        // The oldest ROUND changes, without copying the whole backlog (an import queues 100,000).
        const round: [string, ClientChange][] = [];
        for (const entry of this.pending) {
          round.push(entry);
          if (round.length === ROUND) break;
        }
        for (const [id] of round) this.pending.delete(id);
        const sets = this.d.rules.active();
        const versions = sets.map((s) => `${s.key}@${s.version}:${s.contentHash}`).join(' ');
        if (held && (held.versions !== versions || round.length < ROUND)) {
          await held.evaluator.close();
          held = null;
        }
        if (!sets.length) continue;
        // A full round (an import's backlog) keeps its evaluator for the next; a handful of edits gets a throwaway one.
        const evaluator: ClientEvaluator = held ? held.evaluator : this.d.evaluator(sets, round.length);
        if (!held && round.length === ROUND) held = { versions, evaluator };
        try {
          await this.evaluate(round, evaluator);
        } catch (e) {
          this.d.log.error({ err: e, clients: round.length }, 'monitoring: evaluating changed clients failed');
        } finally {
          if (held?.evaluator !== evaluator) await evaluator.close();
        }
      }
    } finally {
      await held?.evaluator.close();
    }
  }

  private async evaluate(round: [string, ClientChange][], evaluator: ClientEvaluator): Promise<void> {
    const asOf = this.d.clock.now().toISOString().slice(0, 10);
    if (evaluator.evaluateIds) {
      // The workers read the changed clients from the store file: the main thread only writes the results.
      const info = new Map(round);
      const { clients, findings } = await evaluator.evaluateIds([...info.keys()], asOf);
      await this.d.monitor.apply(clients.map((client, i) => ({ client, findings: findings[i], trigger: triggerOf(info.get(client.id) as ClientChange) })));
      return;
    }
    const items: { record: ClientRecord; trigger: Trigger }[] = [];
    for (const [id, info] of round) {
      const record = await this.d.clients.get(id);
      if (record) items.push({ record, trigger: triggerOf(info) });
    }
    if (!items.length) return;
    const findings = await evaluator.evaluate(items.map(({ record: r }) => ({ id: r.id, revision: r.revision, profile: r.profile })), asOf);
    await this.d.monitor.apply(items.map((it, i) => ({ client: monitoredClient(it.record), trigger: it.trigger, findings: findings[i] })));
  }
}

function triggerOf(info: ClientChange): Trigger {
  return { kind: 'change', action: info.action, by: actorRef(info.by), ...(info.importId ? { importId: info.importId } : {}) };
}
