import { UsageError } from './args';
import type { CliIo } from './io';

/**
 * The two commands that talk to a running Covenant: import (POST /api/v1/rule-sets/import, stored as a draft)
 * and export (a version's document, by default the active one). Authentication is an API key in `x-api-key`.
 */
export class RemoteError extends Error {}

export interface Remote {
  server: string;
  apiKey: string;
}

export function remoteFrom(options: { server?: string; apiKey?: string }, env: CliIo['env']): Remote {
  const server = options.server ?? env.COVENANT_SERVER;
  const apiKey = options.apiKey ?? env.COVENANT_API_KEY;
  if (!server) throw new UsageError('--server URL is required (or set COVENANT_SERVER)');
  if (!apiKey) throw new UsageError('--api-key KEY is required (or set COVENANT_API_KEY)');
  let url: URL | undefined;
  try {
    url = new URL(server);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new UsageError(`--server must be an http(s) URL such as http://localhost:8080; it was ${JSON.stringify(server)}`);
  return { server: url.toString().replace(/\/+$/, ''), apiKey };
}

async function call(io: CliIo, remote: Remote, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const f = io.fetch ?? fetch;
  let res: Response;
  try {
    res = await f(`${remote.server}${path}`, {
      method,
      headers: { 'x-api-key': remote.apiKey, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
    throw new RemoteError(`cannot reach ${remote.server}${cause || (e instanceof Error ? `: ${e.message}` : '')}`);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) throw new RemoteError(problemText(res.status, method, path, json, text));
  return json;
}

/** An RFC 9457 problem document as lines a person can act on: the title, the detail, then each bad field. */
export function problemText(status: number, method: string, path: string, json: unknown, text: string): string {
  const p = (json && typeof json === 'object' ? json : {}) as { title?: string; detail?: string; errors?: { pointer?: string; message?: string }[] };
  const head = `${method} ${path} answered ${status}${p.title ? ` ${p.title}` : ''}${p.detail ? `: ${p.detail}` : !p.title && text ? `: ${text.slice(0, 200)}` : ''}`;
  const fields = (p.errors ?? []).map((e) => `  ${e.pointer || '(document)'} ${e.message ?? ''}`.trimEnd());
  return [head, ...fields].join('\n');
}

export async function importRuleSet(io: CliIo, remote: Remote, doc: unknown): Promise<{ key: string; version: number; status: string }> {
  const v = (await call(io, remote, 'POST', '/api/v1/rule-sets/import', doc)) as { key: string; version: number; status: string };
  return v;
}

export async function exportRuleSet(io: CliIo, remote: Remote, key: string, version?: number): Promise<{ version: number; document: unknown }> {
  const k = encodeURIComponent(key);
  let v = version;
  if (v === undefined) {
    const summary = (await call(io, remote, 'GET', `/api/v1/rule-sets/${k}`)) as { active?: { version: number } | null };
    if (!summary?.active) throw new RemoteError(`rule set '${key}' has no active version; name one with --version N`);
    v = summary.active.version;
  }
  const document = await call(io, remote, 'GET', `/api/v1/rule-sets/${k}/versions/${v}/export`);
  return { version: v, document };
}
