import type { Request } from 'express';
import { defineRoute, type RouteDef } from '../../http/route';
import { AppError } from '../../shared/errors';
import type { SimulationStatus, UploadFormat } from './simulation';
import type { SimulationService } from './simulation-service';
import type { SimulationRunner } from './simulation-runner';
import { streamEvents } from './simulation-events';

const S = '/api/v1/simulations';
const num = (s: string) => (/^\d{1,9}$/.test(s) ? Number(s) : -1);
const limit = (s: string | undefined) => (s ? Number(s) : undefined);

/** text/csv → csv; application/x-ndjson, application/jsonl, application/x-jsonlines → jsonl; ?format= overrides. */
function uploadFormat(req: Request, format: string | undefined): UploadFormat {
  if (format === 'csv' || format === 'jsonl') return format;
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv' || type === 'application/csv') return 'csv';
  if (['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/jsonlines'].includes(type)) return 'jsonl';
  throw new AppError(415, 'unsupported_media_type', `Send the file as text/csv or application/x-ndjson (JSON Lines); it was ${type || 'not labelled'}.`);
}

export function simulationRoutes(s: SimulationService, runner: SimulationRunner): RouteDef[] {
  return [
    defineRoute({
      method: 'post', path: `${S}/uploads`, access: 'simulations:run', rawBody: true, query: 'simulation-upload-query', tags: ['simulations'],
      summary: 'Upload a population (CSV or JSON Lines of facts, or JSON Lines of client profiles), streamed to disk and checked row by row; create an upload id',
      handler: async ({ req, query, actor }) => {
        const format = uploadFormat(req, query.format);
        const upload = await s.upload(req, { kind: query.kind === 'clients' ? 'clients' : 'facts', format, fileName: query.fileName ?? null, ruleSetKey: query.ruleSetKey ?? null, exposureField: query.exposureField ?? null }, actor);
        const { path: _p, batches: _b, ...body } = upload;
        return { status: 201, body };
      },
    }),
    defineRoute({
      method: 'get', path: `${S}/uploads/:uploadId`, access: 'simulations:read', tags: ['simulations'],
      summary: 'An upload: rows, bad rows with sample errors, columns',
      handler: async ({ params }) => ({ body: await s.getUpload(params.uploadId) }),
    }),
    defineRoute({
      method: 'post', path: S, access: 'simulations:run', body: 'simulation-create', tags: ['simulations'],
      summary: 'Start a simulation of a candidate rule set against a baseline over a population (202; runs in worker threads)',
      handler: async ({ body, actor }) => {
        const sim = await s.start(body, actor);
        return { status: 202, body: sim, headers: { Location: `${S}/${sim.id}` } };
      },
    }),
    defineRoute({
      method: 'get', path: S, access: 'simulations:read', query: 'simulation-list-query', tags: ['simulations'],
      summary: 'Simulation runs, newest first',
      handler: async ({ query }) => ({ body: await s.list({ ruleSetKey: query.ruleSetKey, status: query.status as SimulationStatus | undefined, cursor: query.cursor, limit: limit(query.limit) }) }),
    }),
    defineRoute({
      method: 'get', path: `${S}/:id`, access: 'simulations:read', tags: ['simulations'],
      summary: 'One simulation: status, progress (processed, total, rate, ETA, skipped) and, once completed, its results',
      handler: async ({ params }) => ({ body: await s.get(params.id) }),
    }),
    defineRoute({
      method: 'delete', path: `${S}/:id`, access: 'simulations:run', tags: ['simulations'],
      summary: 'Cancel a queued or running simulation',
      handler: async ({ params, actor }) => ({ body: await s.cancel(params.id, actor) }),
    }),
    defineRoute({
      method: 'get', path: `${S}/:id/events`, access: 'simulations:read', raw: true, tags: ['simulations'],
      summary: 'Progress as server-sent events (event: progress …, then one event: end with the final status)',
      handler: ({ params, req, res }) => streamEvents(req, res, () => s.get(params.id), runner),
    }),
    defineRoute({
      method: 'get', path: `${S}/:id/changes`, access: 'simulations:read', query: 'simulation-changes-query', tags: ['simulations'],
      summary: 'The records whose outputs changed, in population order, with both outputs and the rules that made the difference',
      handler: async ({ params, query }) => ({ body: await s.changes(params.id, { cursor: query.cursor, limit: limit(query.limit) }) }),
    }),
    defineRoute({
      method: 'get', path: `${S}/:id/changes/:recordId`, access: 'simulations:read', tags: ['simulations'],
      summary: 'One changed record re-evaluated on both versions, with the full trace',
      handler: async ({ params }) => ({ body: await s.drillDown(params.id, params.recordId) }),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/rule-sets/:key/versions/:version/simulation', access: 'simulations:read', tags: ['simulations'],
      summary: "Evidence for approval: this version's latest completed simulation against the active version",
      handler: async ({ params }) => ({ body: await s.evidenceFor(params.key, num(params.version)) }),
    }),
  ];
}
