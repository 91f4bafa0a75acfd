import { defineRoute, type RouteDef } from '../../http/route';
import { ifMatchRevision, withRevisionEtag } from '../../http/revision-headers';
import type { ClientRecord } from './client';
import type { ClientImportService } from './client-import-service';
import { importRoutes } from './client-import-routes';
import type { ClientService } from './client-service';
import type { ClientFilter } from './client-store';

const C = '/api/v1/clients/:id';

/** The revision travels as an ETag so clients can send it back in If-Match. */
const withEtag = (r: ClientRecord, status = 200) => withRevisionEtag(r, status);

/** Query values arrive validated (client-list-query / client-aggregates-query); only the stage needs a number. */
export function filterOf(q: Record<string, string | undefined>): ClientFilter {
  const f: ClientFilter = {};
  for (const k of ['industrySection', 'provinceCode', 'country', 'tier', 'class5', 'bookedClass5', 'riskLevel', 'relationshipManager', 'tag', 'q'] as const)
    if (q[k] !== undefined) (f as Record<string, string>)[k] = q[k] as string;
  if (q.ifrs9Stage !== undefined) f.ifrs9Stage = Number(q.ifrs9Stage) as 1 | 2 | 3;
  return f;
}

export function clientRoutes(s: ClientService, imports: ClientImportService): RouteDef[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/clients', access: 'clients:read', query: 'client-list-query', response: 'client-page', tags: ['clients'],
      summary: 'List clients (filters: industry, province, country, segments, RM, tag, name/USCC search), in id order with a cursor',
      handler: async ({ query }) => ({ body: await s.list(filterOf(query), { cursor: query.cursor, limit: query.limit ? Number(query.limit) : undefined }) }),
    }),
    defineRoute({
      method: 'post', path: '/api/v1/clients', access: 'clients:write', body: 'client-profile', response: 'client-record', tags: ['clients'],
      summary: 'Create a client from a profile (an invalid USCC is refused with the reason, naming /uscc)',
      handler: async ({ body, actor }) => withEtag(await s.create(body, actor), 201),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/clients/aggregates', access: 'clients:read', query: 'client-aggregates-query', response: 'client-aggregates', tags: ['clients'],
      summary: 'Counts and exposure by class, stage, tier, risk level and industry, for the dashboard',
      handler: async ({ query }) => ({ body: await s.aggregates(filterOf(query)) }),
    }),
    ...importRoutes(imports),
    defineRoute({
      method: 'get', path: C, access: 'clients:read', response: 'client-record', tags: ['clients'],
      summary: 'One client: profile, segments and revision (ETag)',
      handler: async ({ params }) => withEtag(await s.get(params.id)),
    }),
    defineRoute({
      method: 'put', path: C, access: 'clients:write', body: 'client-profile', response: 'client-record', tags: ['clients'],
      summary: 'Replace a client\'s profile; needs If-Match with the revision you edited (a stale one is 409, nothing changes)',
      handler: async ({ params, body, actor, req }) => withEtag(await s.update(params.id, body, ifMatchRevision(req), actor)),
    }),
    defineRoute({
      method: 'delete', path: C, access: 'clients:write', tags: ['clients'],
      summary: 'Delete a client (If-Match optional: when sent, a stale revision is 409)',
      handler: async ({ params, actor, req }) => {
        await s.delete(params.id, ifMatchRevision(req), actor);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'get', path: `${C}/statements`, access: 'clients:read', tags: ['clients'],
      summary: 'The client\'s financial statements, oldest period first',
      handler: async ({ params }) => ({ body: { items: await s.statements(params.id) } }),
    }),
    defineRoute({
      method: 'post', path: `${C}/statements`, access: 'clients:write', body: 'client-statement', tags: ['clients'],
      summary: 'Add a statement, or replace the one for the same period end and scope (If-Match optional)',
      handler: async ({ params, body, actor, req }) => {
        const { client, replaced } = await s.addStatement(params.id, body, ifMatchRevision(req), actor);
        return { status: replaced ? 200 : 201, body: { clientId: client.id, revision: client.revision, statement: body, replaced }, headers: { ETag: `"${client.revision}"` } };
      },
    }),
    defineRoute({
      method: 'get', path: `${C}/events`, access: 'clients:read', tags: ['clients'],
      summary: 'The client\'s events (raw early-warning inputs)',
      handler: async ({ params }) => ({ body: { items: await s.events(params.id) } }),
    }),
    defineRoute({
      method: 'post', path: `${C}/events`, access: 'clients:write', body: 'client-event', tags: ['clients'],
      summary: 'Record an event for the client; it gets an evt_ id unless it carries one (If-Match optional)',
      handler: async ({ params, body, actor, req }) => {
        const { client, event } = await s.addEvent(params.id, body, ifMatchRevision(req), actor);
        return { status: 201, body: { clientId: client.id, revision: client.revision, event }, headers: { ETag: `"${client.revision}"` } };
      },
    }),
    defineRoute({
      method: 'get', path: `${C}/facts`, access: 'clients:read', query: 'client-facts-query', tags: ['clients'],
      summary: 'The derived facts rule sets see for this client on asOf (today when absent), with reasons for the null ones',
      handler: async ({ params, query }) => ({ body: await s.facts(params.id, query.asOf) }),
    }),
    defineRoute({
      method: 'get', path: `${C}/segment-history`, access: 'clients:read', query: 'paging-query', tags: ['clients'],
      summary: 'History of the client\'s classification and segment changes, newest first',
      handler: async ({ params, query }) => ({ body: await s.history(params.id, { cursor: query.cursor, limit: query.limit ? Number(query.limit) : undefined }) }),
    }),
  ];
}
