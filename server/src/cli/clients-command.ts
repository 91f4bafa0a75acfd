import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import { resolve } from 'node:path';
import { parseArgs, stringOption, UsageError } from './args';
import { EXIT, type CliIo } from './io';
import { problemText, RemoteError, remoteFrom, type Remote } from './remote';
import type { ImportJob } from '../modules/clients/import-job';

export const CLIENTS_USAGE = `covenant clients import <file> --server URL --api-key KEY [options]
  Uploads a JSONL (one client profile per line) or CSV file (docs/clients.md), streamed, up to 100,000 clients;
  clients are upserted by USCC (LEI or local registration number for international clients).
    --mode all-or-nothing|skip-bad-rows   default all-or-nothing: any bad row and nothing is written
    --format jsonl|csv                    default: from the file name (.csv), else jsonl
    --errors FILE                         write the row problems as CSV (row, field, code, message)
  Exit code 0 when every row was imported, 1 when rows were refused or the import failed, 3 when the server
  could not be used.`;

/** `covenant clients …`: argv without the leading 'clients'. */
export async function clientsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'import') throw new UsageError(command ? `unknown command 'clients ${command}'` : `usage:\n${CLIENTS_USAGE}`);
  const args = parseArgs(rest, ['server', 'api-key', 'mode', 'format', 'errors']);
  if (args.positionals.length !== 1) throw new UsageError(`usage:\n${CLIENTS_USAGE}`);
  const file = resolve(io.cwd, args.positionals[0]);
  const mode = stringOption(args, 'mode') ?? 'all-or-nothing';
  if (mode !== 'all-or-nothing' && mode !== 'skip-bad-rows') throw new UsageError('--mode must be all-or-nothing or skip-bad-rows');
  const format = stringOption(args, 'format') ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
  if (format !== 'jsonl' && format !== 'csv') throw new UsageError('--format must be jsonl or csv');
  const remote = remoteFrom({ server: stringOption(args, 'server'), apiKey: stringOption(args, 'api-key') }, io.env);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`cannot read ${args.positionals[0]}`);
  }
  io.err(`uploading ${args.positionals[0]} (${(size / 1e6).toFixed(1)} MB, ${format}, ${mode}) to ${remote.server} …`);
  const job = await importClients(io, remote, file, mode, format, (j) => io.err(`  ${j.status}: ${j.processed} rows read, ${j.committed} written, ${j.badRows} bad`));
  io.out(`import ${job.id}: ${job.status}. ${job.message ?? ''}`.trim());
  for (const e of job.errors.slice(0, 20)) io.out(`  row ${e.row} ${e.pointer || '(row)'} ${e.message}`);
  if (job.errorCount > 20) io.out(`  … ${job.errorCount - 20} more problems (--errors FILE writes them all)`);
  const errorsFile = stringOption(args, 'errors');
  if (errorsFile) writeFileSync(resolve(io.cwd, errorsFile), await text(io, remote, `/api/v1/clients/imports/${job.id}/errors.csv`));
  return job.status === 'completed' && job.badRows === 0 ? EXIT.ok : EXIT.failed;
}

/**
 * Streams the file to POST /api/v1/clients/import and follows the import until it has finished. Usable on its
 * own (the portfolio bench calls it).
 */
export async function importClients(io: Pick<CliIo, 'fetch'>, remote: Remote, file: string, mode: string, format: string, progress: (j: ImportJob) => void = () => {}): Promise<ImportJob> {
  const path = `/api/v1/clients/import?mode=${mode}&format=${format}`;
  const { status, body } = await upload(`${remote.server}${path}`, file, { 'x-api-key': remote.apiKey, 'content-type': format === 'csv' ? 'text/csv' : 'application/x-ndjson', accept: 'application/json' });
  const json = safeJson(body);
  if (status !== 202) throw new RemoteError(problemText(status, 'POST', path, json, body));
  let job = json as ImportJob;
  while (job.status === 'receiving' || job.status === 'committing') {
    progress(job);
    await new Promise((r) => setTimeout(r, 1000));
    job = JSON.parse(await text(io, remote, `/api/v1/clients/imports/${job.id}`)) as ImportJob;
  }
  return job;
}

/**
 * POSTs the file with node:http(s), piped so that the upload reads the file only as fast as the connection takes it
 * (fetch with a stream body on Node 20 reads ahead without bound: a 1.5 GB file would end up in memory).
 */
function upload(url: string, file: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, { method: 'POST', headers: { ...headers, 'content-length': String(statSync(file).size) } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (e) => reject(new RemoteError(`cannot reach ${target.origin}: ${e.message}`)));
    pipeline(createReadStream(file), req).catch((e: Error) => reject(new RemoteError(`the upload stopped: ${e.message}`)));
  });
}

async function text(io: Pick<CliIo, 'fetch'>, remote: Remote, path: string): Promise<string> {
  const res = await (io.fetch ?? fetch)(`${remote.server}${path}`, { headers: { 'x-api-key': remote.apiKey } });
  const body = await res.text();
  if (!res.ok) throw new RemoteError(problemText(res.status, 'GET', path, safeJson(body), body));
  return body;
}

function safeJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
