import { defineRoute, type RouteDef } from '../../http/route';
import type { AuditStore } from './audit-store';

export function auditRoutes(store: AuditStore): RouteDef[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/audit', access: 'audit:read', allowApiKey: false, query: 'audit-query', tags: ['audit'],
      summary: 'The audit trail, newest first: who, when, what, before → after. Filter by entity (id or key), actor, action and time',
      handler: async ({ query }) => ({
        body: await store.list({ ...query, limit: query.limit ? Number(query.limit) : undefined }),
      }),
    }),
  ];
}
