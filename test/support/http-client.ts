import { request as httpRequest } from 'node:http';
/** A small HTTP client for API tests: keeps the session cookie and CSRF token like a browser would. */
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  contentType: string;
}

export class ApiClient {
  private cookie = '';
  private csrf = '';

  constructor(
    readonly baseUrl: string,
    private readonly apiKey?: string,
  ) {}

  static async signedIn(baseUrl: string, username: string, password = 'covenant-demo'): Promise<ApiClient> {
    const c = new ApiClient(baseUrl);
    const r = await c.post('/api/v1/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`login as ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return c;
  }

  get csrfToken() {
    return this.csrf;
  }

  /**
   * A browser cache's revalidation: GET with If-None-Match, sent with node:http, since fetch() marks a request
   * carrying If-None-Match as Cache-Control: no-cache (Fetch standard), which a server must answer in full.
   * Resolves with the status (304 when the cached copy is still current).
   */
  revalidate(path: string, etag: string): Promise<number> {
    const headers: Record<string, string> = { 'if-none-match': etag };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.apiKey) headers['x-api-key'] = this.apiKey;
    return new Promise((resolve, reject) => {
      const req = httpRequest(this.baseUrl + path, { headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && !h['content-type']) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] ??= this.csrf;
    if (this.apiKey) h['x-api-key'] = this.apiKey;
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /covenant_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `covenant_session=${m[1]}` : '';
    }
    const contentType = res.headers.get('content-type') ?? '';
    const text = await res.text();
    let parsed: unknown = text;
    if (contentType.includes('json') && text) parsed = JSON.parse(text);
    if (path === '/api/v1/auth/login' && res.status === 200) this.csrf = (parsed as { csrfToken: string }).csrfToken;
    return { status: res.status, headers: res.headers, body: parsed as T, contentType };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers);
  }
  delete<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }
}
