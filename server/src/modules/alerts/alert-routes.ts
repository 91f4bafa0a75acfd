import { defineRoute, type RouteDef } from '../../http/route';
import type { Clock } from '../../shared/clock';
import { ifMatchRevision, withRevisionEtag } from '../../http/revision-headers';
import type { Alert, AlertStatus, Severity } from './alert';
import type { AlertService } from './alert-service';
import type { AlertFilter } from './alert-store';

const A = '/api/v1/alerts/:id';

/**
 * The ETag is the revision (a client may send it back in If-Match), followed by the number of notes when the alert
 * has any: a note does not change the revision, and a re-read must not be answered 304 with the old notes.
 */
const withEtag = (a: Alert) => {
  const notes = a.notes?.length ?? a.noteCount ?? 0;
  return withRevisionEtag(a, 200, notes ? `"${a.revision}.${notes}"` : `"${a.revision}"`);
};

/** Query values arrive validated by alert-list-query. */
export function alertFilterOf(q: Record<string, string | undefined>, today: string): AlertFilter {
  const f: AlertFilter = {};
  if (q.owner) f.owner = q.owner;
  if (q.severity) f.severity = q.severity as Severity;
  if (q.status) f.status = q.status as AlertStatus | 'active';
  if (q.clientId) f.clientId = q.clientId;
  if (q.rule) f.ruleId = q.rule;
  if (q.overdue === 'true') f.overdueOn = today;
  return f;
}

export function alertRoutes(s: AlertService, clock: Clock): RouteDef[] {
  const step = (path: string, summary: string, run: (id: string, comment: string | undefined, ctx: Parameters<RouteDef['handler']>[0]) => Promise<Alert>): RouteDef =>
    defineRoute({
      method: 'post', path: `${A}/${path}`, access: 'alerts:write', allowApiKey: false, body: 'alert-action', response: 'alert-record', tags: ['alerts'], summary,
      handler: async (ctx) => withEtag(await run(ctx.params.id, (ctx.body as { comment?: string }).comment, ctx)),
    });
  return [
    defineRoute({
      method: 'get', path: '/api/v1/alerts', access: 'alerts:read', query: 'alert-list-query', response: 'alert-page', tags: ['alerts'],
      summary: 'Alerts, newest first: filter by owner, severity, status (or active), overdue=true, client and rule (signal id); page with nextCursor',
      handler: async ({ query }) => ({ body: await s.list(alertFilterOf(query, clock.now().toISOString().slice(0, 10)), { cursor: query.cursor, limit: query.limit ? Number(query.limit) : undefined }) }),
    }),
    // Before /alerts/:id, which would otherwise take "summary" for an id.
    defineRoute({
      method: 'get', path: '/api/v1/alerts/summary', access: 'alerts:read', query: 'alert-summary-query', response: 'alert-summary', tags: ['alerts'],
      summary: 'Active alerts (open, acknowledged, in progress) by severity, each with how many are overdue at the server\'s clock, and the totals; owner narrows to one relationship manager',
      handler: async ({ query }) => ({ body: await s.summary(query.owner) }),
    }),
    defineRoute({
      method: 'post', path: '/api/v1/alerts/acknowledge', access: 'alerts:write', allowApiKey: false, body: 'alert-bulk-acknowledge', response: 'alert-bulk-result', tags: ['alerts'],
      summary: 'Acknowledge several open alerts at once; the ones that cannot be (not open, unknown) are listed with the reason',
      handler: async ({ body, actor }) => ({ body: await s.acknowledgeMany((body as { ids: string[] }).ids, actor) }),
    }),
    defineRoute({
      method: 'get', path: A, access: 'alerts:read', response: 'alert-record', tags: ['alerts'],
      summary: 'One alert with its notes and revision (ETag)',
      handler: async ({ params }) => withEtag(await s.get(params.id)),
    }),
    step('acknowledge', 'Acknowledge an open alert (If-Match optional)', (id, _c, { actor, req }) => s.acknowledge(id, actor, ifMatchRevision(req))),
    step('start', 'Start working on an open or acknowledged alert (If-Match optional)', (id, _c, { actor, req }) => s.start(id, actor, ifMatchRevision(req))),
    step('resolve', 'Resolve an alert; the comment (what was done, the evidence) is required', (id, c, { actor, req }) => s.resolve(id, c ?? '', actor, ifMatchRevision(req))),
    step('dismiss', 'Dismiss an alert with a reason (required). Blue and yellow: dismissed at once. Red and orange: a request that a second person confirms', (id, c, { actor, req }) =>
      s.dismiss(id, c ?? '', actor, ifMatchRevision(req)),
    ),
    step('confirm-dismissal', 'Confirm another person\'s request to dismiss a red or orange alert (four eyes: 403 four_eyes for the requester)', (id, c, { actor, req }) =>
      s.confirmDismissal(id, c, actor, ifMatchRevision(req)),
    ),
    step('refuse-dismissal', 'Refuse a pending dismissal request with a comment; the alert stays active', (id, c, { actor, req }) => s.refuseDismissal(id, c ?? '', actor, ifMatchRevision(req))),
    defineRoute({
      method: 'post', path: `${A}/notes`, access: 'alerts:write', allowApiKey: false, body: 'alert-note', tags: ['alerts'],
      summary: 'Add a note to an alert (append-only: notes are never edited or removed)',
      handler: async ({ params, body, actor }) => ({ status: 201, body: await s.addNote(params.id, (body as { text: string }).text, actor) }),
    }),
  ];
}
