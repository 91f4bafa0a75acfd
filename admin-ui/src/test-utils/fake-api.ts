import { vi } from 'vitest';

export interface RecordedCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The JSON body, parsed; undefined for a raw upload (see `rawBody`). */
  body: unknown;
  /** The body exactly as sent, e.g. the File of an upload. */
  rawBody?: BodyInit | null;
  credentials?: RequestCredentials;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  contentType?: string;
}

type Answer = FakeResponse | ((call: RecordedCall) => FakeResponse);

/**
 * A tiny in-memory stand-in for the Covenant API, installed as `fetch`. Tests say what each route answers and read
 * back the calls that were made; anything unrouted answers 404 so a missing setup shows up as a visible failure.
 */
export class FakeApi {
  readonly calls: RecordedCall[] = [];
  private readonly routes = new Map<string, Answer>();

  on(method: string, path: string, answer: Answer): this {
    this.routes.set(`${method} ${path}`, answer);
    return this;
  }

  callsTo(method: string, path: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.path === path);
  }

  install(): this {
    vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) => this.handle(input, init));
    return this;
  }

  private async handle(input: string, init: RequestInit): Promise<Response> {
    const sent = { ...(init.headers as Record<string, string>) };
    const isJson = typeof init.body === 'string' && (sent['content-type'] ?? 'application/json') === 'application/json';
    const call: RecordedCall = {
      method: init.method ?? 'GET',
      path: input,
      headers: sent,
      body: isJson ? JSON.parse(init.body as string) : undefined,
      rawBody: init.body,
      credentials: init.credentials,
    };
    this.calls.push(call);
    const answer = this.routes.get(`${call.method} ${call.path}`) ?? problem(404, 'not_found', `No fake for ${call.method} ${call.path}`);
    const { status, body, contentType } = typeof answer === 'function' ? answer(call) : answer;
    const headers = body === undefined ? undefined : { 'content-type': contentType ?? 'application/json' };
    const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers });
  }
}

export function problem(status: number, code: string, detail = code, extra: Record<string, unknown> = {}): FakeResponse {
  return {
    status,
    contentType: 'application/problem+json',
    body: { type: `https://covenant.example/problems/${code}`, title: 'Error', status, code, detail, ...extra },
  };
}

export function ok(body: unknown, status = 200): FakeResponse {
  return { status, body };
}
