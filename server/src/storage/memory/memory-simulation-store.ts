import type { AuditEvent, Page } from '../../modules/audit/audit';
import type { ChangedRecord, Simulation, SimulationStatus, SimulationSummary, Upload } from '../../modules/simulations/simulation';
import { UNFINISHED } from '../../modules/simulations/simulation';
import type { SimulationPatch, SimulationQuery, SimulationStore } from '../../modules/simulations/simulation-store';
import { ConflictError } from '../../shared/errors';
import type { MemoryAuditStore } from './memory-audit-store';
import { clone, pageLimit } from './memory-util';

export class MemorySimulationStore implements SimulationStore {
  private readonly sims = new Map<string, Simulation>();
  private readonly changes = new Map<string, Map<number, ChangedRecord>>();
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly audit: MemoryAuditStore) {}

  async insert(sim: Simulation, audit: AuditEvent[]) {
    if (this.sims.has(sim.id)) throw new ConflictError('duplicate_id', `Simulation ${sim.id} already exists.`);
    this.sims.set(sim.id, clone(sim));
    this.audit.appendSync(audit);
    return clone(sim);
  }

  async update(id: string, patch: SimulationPatch, expect: SimulationStatus[], audit: AuditEvent[] = []) {
    const cur = this.sims.get(id);
    if (!cur || !expect.includes(cur.status)) return null;
    const next = { ...cur, ...clone(patch) };
    this.sims.set(id, next);
    this.audit.appendSync(audit);
    return clone(next);
  }

  async get(id: string) {
    const s = this.sims.get(id);
    return s ? clone(s) : null;
  }

  async list(q: SimulationQuery): Promise<Page<SimulationSummary>> {
    const limit = pageLimit(q.limit);
    const matches = [...this.sims.values()]
      .filter((s) => (!q.ruleSetKey || s.ruleSetKey === q.ruleSetKey) && (!q.status || s.status === q.status) && (!q.cursor || s.id < q.cursor))
      .sort((a, b) => (a.id < b.id ? 1 : -1));
    const items = matches.slice(0, limit).map(({ documents: _d, results: _r, ...rest }) => clone(rest));
    return { items, nextCursor: matches.length > limit ? items[items.length - 1].id : null };
  }

  async latestCompleted(ruleSetKey: string, candidateHash: string, baselineHash: string) {
    const found = [...this.sims.values()]
      .filter((s) => s.ruleSetKey === ruleSetKey && s.status === 'completed' && s.candidate.contentHash === candidateHash && s.baseline.contentHash === baselineHash)
      .sort((a, b) => (a.id < b.id ? 1 : -1))[0];
    return found ? clone(found) : null;
  }

  async failUnfinished(staleBefore: string, error: { code: string; message: string }, at: string) {
    let n = 0;
    for (const s of this.sims.values()) {
      if (UNFINISHED.includes(s.status) && s.heartbeatAt < staleBefore) {
        Object.assign(s, { status: 'failed', error: { ...error }, finishedAt: at, heartbeatAt: at });
        n++;
      }
    }
    return n;
  }

  async appendChanges(simulationId: string, changes: ChangedRecord[]) {
    let m = this.changes.get(simulationId);
    if (!m) this.changes.set(simulationId, (m = new Map()));
    for (const c of changes) if (!m.has(c.seq)) m.set(c.seq, clone(c));
  }

  async listChanges(simulationId: string, q: { cursor?: string; limit?: number }): Promise<Page<ChangedRecord>> {
    const limit = pageLimit(q.limit);
    const after = q.cursor === undefined ? -Infinity : Number(q.cursor);
    const matches = [...(this.changes.get(simulationId)?.values() ?? [])].filter((c) => c.seq > after).sort((a, b) => a.seq - b.seq);
    const items = matches.slice(0, limit).map(clone);
    return { items, nextCursor: matches.length > limit ? String(items[items.length - 1].seq) : null };
  }

  async getChange(simulationId: string, recordId: string) {
    const found = [...(this.changes.get(simulationId)?.values() ?? [])].find((c) => c.recordId === recordId);
    return found ? clone(found) : null;
  }

  async deleteChanges(simulationId: string) {
    this.changes.delete(simulationId);
  }

  async insertUpload(upload: Upload, audit: AuditEvent[]) {
    if (this.uploads.has(upload.id)) throw new ConflictError('duplicate_id', `Upload ${upload.id} already exists.`);
    this.uploads.set(upload.id, clone(upload));
    this.audit.appendSync(audit);
    return clone(upload);
  }

  async getUpload(id: string) {
    const u = this.uploads.get(id);
    return u ? clone(u) : null;
  }
}
