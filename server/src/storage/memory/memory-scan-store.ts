import type { AuditEvent, Page } from '../../modules/audit/audit';
import { UNFINISHED_SCAN, type Scan, type ScanStatus } from '../../modules/monitoring/scan';
import { slotTaken, type ScanPatch, type ScanQuery, type ScanStore } from '../../modules/monitoring/scan-store';
import { ConflictError } from '../../shared/errors';
import type { MemoryAuditStore } from './memory-audit-store';
import { clone, pageLimit } from './memory-util';

export class MemoryScanStore implements ScanStore {
  private readonly scans = new Map<string, Scan>();

  constructor(private readonly audit: MemoryAuditStore) {}

  async insert(scan: Scan, audit: AuditEvent[]): Promise<Scan> {
    if (this.scans.has(scan.id)) throw new ConflictError('duplicate_id', `Scan ${scan.id} already exists.`);
    if (scan.slot !== null && [...this.scans.values()].some((s) => s.slot === scan.slot)) throw slotTaken(scan.slot);
    this.scans.set(scan.id, clone(scan));
    this.audit.appendSync(audit);
    return clone(scan);
  }

  async update(id: string, patch: ScanPatch, expect: ScanStatus[], audit: AuditEvent[] = []): Promise<Scan | null> {
    const cur = this.scans.get(id);
    if (!cur || !expect.includes(cur.status)) return null;
    const next = { ...cur, ...clone(patch) };
    this.scans.set(id, next);
    this.audit.appendSync(audit);
    return clone(next);
  }

  async get(id: string): Promise<Scan | null> {
    const s = this.scans.get(id);
    return s ? clone(s) : null;
  }

  async list(q: ScanQuery): Promise<Page<Scan>> {
    const limit = pageLimit(q.limit);
    const matches = [...this.scans.values()].filter((s) => (!q.status || s.status === q.status) && (!q.cursor || s.id < q.cursor)).sort((a, b) => (a.id < b.id ? 1 : -1));
    const items = matches.slice(0, limit).map(clone);
    return { items, nextCursor: matches.length > limit ? items[items.length - 1].id : null };
  }

  async markInterrupted(staleBefore: string, at: string): Promise<number> {
    let n = 0;
    for (const s of this.scans.values()) {
      if (UNFINISHED_SCAN.includes(s.status) && s.heartbeatAt < staleBefore) {
        Object.assign(s, { status: 'interrupted', heartbeatAt: at, error: { code: 'interrupted', message: 'interrupted by a restart; resume it to continue from its checkpoint' } });
        n++;
      }
    }
    return n;
  }
}
