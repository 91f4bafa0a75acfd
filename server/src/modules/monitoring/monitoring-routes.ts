import { defineRoute, type RouteDef } from '../../http/route';
import type { ScanStatus } from './scan';
import type { ScanService } from './scan-service';

const S = '/api/v1/monitoring/scans';

export function monitoringRoutes(scans: ScanService, status: () => Record<string, unknown>): RouteDef[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/monitoring', access: 'alerts:read', response: 'scan-status', tags: ['monitoring'],
      summary: 'Monitoring status: the scan schedule and its next slot, the running scan, changed clients waiting, the rule sets and SLAs in force',
      handler: () => ({ body: status() }),
    }),
    defineRoute({
      method: 'post', path: S, access: 'monitoring:run', body: 'scan-start', response: 'scan-record', tags: ['monitoring'],
      summary: 'Start a full scan ({"scope": "portfolio"}): segmentation and warning rule sets over every client, in the background; 202 with the scan (409 while one runs)',
      handler: async ({ actor }) => {
        const scan = await scans.start({ trigger: 'manual', actor });
        return { status: 202, body: scan, headers: { Location: `${S}/${scan.id}` } };
      },
    }),
    defineRoute({
      method: 'get', path: S, access: 'alerts:read', query: 'scan-list-query', response: 'scan-page', tags: ['monitoring'],
      summary: 'Scans, newest first (filter by status); page with nextCursor',
      handler: async ({ query }) => ({ body: await scans.list({ status: query.status as ScanStatus | undefined, cursor: query.cursor, limit: query.limit ? Number(query.limit) : undefined }) }),
    }),
    defineRoute({
      method: 'get', path: `${S}/:id`, access: 'alerts:read', response: 'scan-record', tags: ['monitoring'],
      summary: 'One scan: progress (processed, total, rate, ETA) while it runs; counts of signals by severity, alerts and segment changes, and its duration',
      handler: async ({ params }) => ({ body: await scans.get(params.id) }),
    }),
    defineRoute({
      method: 'post', path: `${S}/:id/resume`, access: 'monitoring:run', response: 'scan-record', tags: ['monitoring'],
      summary: 'Resume an interrupted scan from its checkpoint, with the rule-set versions it started with; 202',
      handler: async ({ params, actor }) => ({ status: 202, body: await scans.resume(params.id, actor) }),
    }),
  ];
}
