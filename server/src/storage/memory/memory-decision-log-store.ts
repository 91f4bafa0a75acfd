import type { Page } from '../../modules/audit/audit';
import type { DecisionQuery, DecisionRecord } from '../../modules/decisions/decision';
import type { AppendOutcome, DayOutcomeCount, DecisionCountQuery, DecisionLogStore } from '../../modules/decisions/decision-log-store';
import { clone, pageLimit } from './memory-util';

/** The decision log as a fake for service tests: a map by id plus the (caller, idempotency key) index. */
export class MemoryDecisionLogStore implements DecisionLogStore {
  private readonly byId = new Map<string, DecisionRecord>();
  private readonly byIdem = new Map<string, string>();

  async append(records: DecisionRecord[]): Promise<AppendOutcome[]> {
    // Check everything before writing anything, so a throw (a record that cannot be cloned) writes nothing.
    const copies = records.map(clone);
    const out: AppendOutcome[] = [];
    const pendingIds = new Set<string>();
    const pendingIdem = new Map<string, string>();
    for (const r of copies) {
      const idem = r.idempotencyKey === null ? null : idemKey(r.caller.id, r.idempotencyKey);
      const taken = idem === null ? undefined : (this.byIdem.get(idem) ?? pendingIdem.get(idem));
      if (this.byId.has(r.id) || pendingIds.has(r.id)) out.push({ status: 'duplicate_id' });
      else if (taken) out.push({ status: 'duplicate_idempotency_key', existingId: taken });
      else {
        pendingIds.add(r.id);
        if (idem !== null) pendingIdem.set(idem, r.id);
        out.push({ status: 'inserted' });
      }
    }
    copies.forEach((r, i) => {
      if (out[i].status !== 'inserted') return;
      this.byId.set(r.id, r);
      if (r.idempotencyKey !== null) this.byIdem.set(idemKey(r.caller.id, r.idempotencyKey), r.id);
    });
    return out;
  }

  async get(id: string): Promise<DecisionRecord | null> {
    const r = this.byId.get(id);
    return r ? clone(r) : null;
  }

  async findByIdempotencyKeys(callerId: string, keys: string[]): Promise<DecisionRecord[]> {
    const out: DecisionRecord[] = [];
    for (const k of new Set(keys)) {
      const id = this.byIdem.get(idemKey(callerId, k));
      if (id) out.push(clone(this.byId.get(id)!));
    }
    return out;
  }

  async list(q: DecisionQuery): Promise<Page<DecisionRecord>> {
    const limit = pageLimit(q.limit);
    const matches = [...this.byId.values()]
      .filter(
        (r) =>
          (!q.ruleSet || r.ruleSet.key === q.ruleSet) &&
          (!q.outcome || r.outcome === q.outcome) &&
          (!q.clientId || r.clientId === q.clientId) &&
          (!q.caller || r.caller.id === q.caller || r.caller.name === q.caller) &&
          (!q.from || r.evaluatedAt >= q.from) &&
          (!q.to || r.evaluatedAt <= q.to) &&
          (!q.cursor || r.id < q.cursor),
      )
      .sort((a, b) => (a.id < b.id ? 1 : -1));
    const items = matches.slice(0, limit).map(clone);
    return { items, nextCursor: matches.length > limit ? items[items.length - 1].id : null };
  }

  async countByDay(q: DecisionCountQuery): Promise<DayOutcomeCount[]> {
    const groups = new Map<string, DayOutcomeCount>();
    for (const r of this.byId.values()) {
      if (r.evaluatedAt < q.from || r.evaluatedAt >= q.to || (q.ruleSetKey !== undefined && r.ruleSet.key !== q.ruleSetKey)) continue;
      const day = r.evaluatedAt.slice(0, 10);
      const k = `${day}\n${r.outcome === null ? '\u0000null' : r.outcome}`;
      const g = groups.get(k) ?? { day, outcome: r.outcome, count: 0 };
      g.count++;
      groups.set(k, g);
    }
    return [...groups.values()];
  }
}

const idemKey = (callerId: string, key: string) => `${callerId}\n${key}`;
