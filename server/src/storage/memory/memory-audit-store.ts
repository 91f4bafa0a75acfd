import type { AuditEvent, AuditQuery, Page } from '../../modules/audit/audit';
import type { AuditStore } from '../../modules/audit/audit-store';
import { clone, pageLimit } from './memory-util';

export class MemoryAuditStore implements AuditStore {
  readonly events: AuditEvent[] = [];

  async append(events: AuditEvent[]): Promise<void> {
    this.appendSync(events);
  }

  appendSync(events: AuditEvent[]): void {
    for (const e of events) this.events.push(clone(e));
  }

  async list(q: AuditQuery): Promise<Page<AuditEvent>> {
    const limit = pageLimit(q.limit);
    const matches = this.events
      .filter(
        (e) =>
          (!q.entity || e.entityId === q.entity || e.entityKey === q.entity) &&
          (!q.entityType || e.entityType === q.entityType) &&
          (!q.actor || e.actor.id === q.actor || e.actor.name === q.actor) &&
          (!q.action || e.action === q.action) &&
          (!q.from || e.at >= q.from) &&
          (!q.to || e.at <= q.to) &&
          (!q.cursor || e.id < q.cursor),
      )
      .sort((a, b) => (a.id < b.id ? 1 : -1));
    const items = matches.slice(0, limit).map(clone);
    return { items, nextCursor: matches.length > limit ? items[items.length - 1].id : null };
  }
}
