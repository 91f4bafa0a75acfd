import type { Request } from 'express';
import { once } from 'node:events';
import { defineRoute, type RouteDef } from '../../http/route';
import { AppError } from '../../shared/errors';
import type { ClientImportService } from './client-import-service';
import type { ImportFormat, ImportMode } from './import-job';

const JSONL_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/json-seq'];
const NEUTRAL_TYPES = ['text/plain', 'application/octet-stream'];

/** The format asked for, or the one the content type names; a JSON body is refused (it would have been buffered). */
function formatOf(req: Request, asked: string | undefined): ImportFormat {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const format = (asked as ImportFormat | undefined) ?? (type === 'text/csv' ? 'csv' : 'jsonl');
  const ok = type === '' || NEUTRAL_TYPES.includes(type) || (format === 'csv' ? type === 'text/csv' : JSONL_TYPES.includes(type));
  if (!ok)
    throw new AppError(415, 'unsupported_media_type', `Send the file as the raw body: ${format === 'csv' ? 'text/csv' : 'application/x-ndjson'} (or application/octet-stream); it was ${type}.`, {
      expected: format === 'csv' ? 'text/csv' : 'application/x-ndjson',
    });
  return format;
}

/** Lets the service stop reading early (a broken header) without destroying the request: we drain it afterwards. */
async function drain(req: Request): Promise<void> {
  if (req.readableEnded || req.destroyed) return;
  req.resume();
  await once(req, 'end').catch(() => {});
}

export function importRoutes(imports: ClientImportService): RouteDef[] {
  return [
    defineRoute({
      method: 'post', path: '/api/v1/clients/import', access: 'clients:write', query: 'client-import-query', rawBody: true, response: 'client-import-job', tags: ['clients'],
      summary: 'Import clients from a JSONL or CSV file sent as the raw body (streamed, up to 100,000 rows, upsert by USCC/LEI); 202 with the import id and report',
      handler: async ({ req, query, actor }) => {
        const format = formatOf(req, query.format);
        const mode = (query.mode as ImportMode | undefined) ?? 'all-or-nothing';
        try {
          const job = await imports.run(req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>, mode, format, actor);
          return { status: 202, body: job, headers: { Location: `/api/v1/clients/imports/${job.id}` } };
        } finally {
          await drain(req);
        }
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/clients/imports/:importId', access: 'clients:read', response: 'client-import-job', tags: ['clients'],
      summary: 'Progress of an import (processed, total once known, errors so far, status) and, when finished, its report',
      handler: async ({ params }) => ({ body: await imports.get(params.importId) }),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/clients/imports/:importId/errors.csv', access: 'clients:read', raw: true, tags: ['clients'],
      summary: 'The import\'s row problems as CSV: row, field (JSON pointer), code, message',
      handler: async ({ params, res }) => {
        const job = await imports.get(params.importId);
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="${job.id}-errors.csv"`);
        // A BOM so spreadsheet programs read the Chinese messages as UTF-8.
        res.status(200).send('\ufeff' + imports.errorsCsv(job));
      },
    }),
  ];
}
