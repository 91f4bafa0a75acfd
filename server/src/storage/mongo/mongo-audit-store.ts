import type { ClientSession } from 'mongodb';
import type { Connection, QueryFilter } from 'mongoose';
import type { AuditEvent, AuditQuery, Page } from '../../modules/audit/audit';
import type { AuditStore } from '../../modules/audit/audit-store';
import { pageLimit } from '../memory/memory-util';
import type { AuditEventModel } from './audit-event-model';
import { plain, str, strip, TRANSACTION_OPTIONS } from './mongo-util';

/**
 * The audit trail in `audit_events`. This class has no update or delete call: other stores append through
 * `appendIn` with their own transaction's session, so an event commits or aborts with the change it describes.
 */
export class MongoAuditStore implements AuditStore {
  constructor(
    private readonly conn: Connection,
    private readonly events: AuditEventModel,
  ) {}

  async append(events: AuditEvent[]): Promise<void> {
    if (!events.length) return;
    await this.conn.transaction((session) => this.appendIn(session, events), TRANSACTION_OPTIONS);
  }

  /** Appends inside the caller's transaction. */
  async appendIn(session: ClientSession, events: AuditEvent[]): Promise<void> {
    if (!events.length) return;
    await this.events.insertMany(events.map(plain), { session, ordered: true });
  }

  async list(q: AuditQuery): Promise<Page<AuditEvent>> {
    const limit = pageLimit(q.limit);
    const and: QueryFilter<AuditEvent>[] = [];
    if (q.entity) {
      const entity = str(q.entity, 'entity');
      and.push({ $or: [{ entityId: entity }, { entityKey: entity }] });
    }
    if (q.entityType) and.push({ entityType: str(q.entityType, 'entityType') });
    if (q.actor) {
      const actor = str(q.actor, 'actor');
      and.push({ $or: [{ 'actor.id': actor }, { 'actor.name': actor }] });
    }
    if (q.action) and.push({ action: str(q.action, 'action') });
    if (q.from) and.push({ at: { $gte: str(q.from, 'from') } });
    if (q.to) and.push({ at: { $lte: str(q.to, 'to') } });
    // Ids are time-ordered, so "older than the last id seen" is a cursor that events appended meanwhile cannot shift.
    if (q.cursor) and.push({ id: { $lt: str(q.cursor, 'cursor') } });
    const docs = await this.events
      .find(and.length ? { $and: and } : {})
      .sort({ id: -1 })
      .limit(limit + 1)
      .lean();
    const items = docs.slice(0, limit).map((d) => strip<AuditEvent>(d));
    return { items, nextCursor: docs.length > limit ? items[items.length - 1].id : null };
  }
}
