import type { ActorRef } from '../../api/actor';

/** One audit event as GET /api/v1/audit returns it (server/src/modules/audit/audit.ts). */
export interface AuditEvent {
  id: string;
  at: string;
  actor: ActorRef;
  /** Dotted verb, e.g. `rule-set.approved`, `user.created`, `api-key.revoked`. */
  action: string;
  entityType: string;
  entityId: string;
  entityKey: string;
  before?: unknown;
  after?: unknown;
  comment?: string;
}
