import type { Actor } from '../../shared/actor';
import { actorRef } from '../../shared/actor';
import { newId } from '../../shared/ids';

export interface ActorRef {
  kind: Actor['kind'];
  id: string;
  name: string;
}

/** One recorded change: who, when, what, before → after. Secrets are never put in `before` or `after`. */
export interface AuditEvent {
  id: string;
  at: string;
  actor: ActorRef;
  /** Dotted verb, e.g. `rule-set.approved`, `user.created`, `api-key.revoked`. */
  action: string;
  entityType: string;
  /** The changed thing, e.g. `corporate-credit-policy@3`, `usr_…`, `key_…`. */
  entityId: string;
  /** A grouping key for filters: the rule-set key for its versions; otherwise the entity id. */
  entityKey: string;
  before?: unknown;
  after?: unknown;
  comment?: string;
}

export interface AuditQuery {
  /** Matches entityId or entityKey exactly. */
  entity?: string;
  entityType?: string;
  /** Matches actor id or actor name. */
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function auditEvent(
  actor: Actor,
  action: string,
  entity: { type: string; id: string; key?: string },
  change: { before?: unknown; after?: unknown; comment?: string },
  at = new Date().toISOString(),
): AuditEvent {
  return {
    id: newId('aud'),
    at,
    actor: actorRef(actor),
    action,
    entityType: entity.type,
    entityId: entity.id,
    entityKey: entity.key ?? entity.id,
    ...change,
  };
}
