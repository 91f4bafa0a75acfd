/**
 * Plain-fetch helpers shared by the crash test and the HTTP benchmark, which talk to a server in another process:
 * a client that keeps a session like a browser, and the governed set-up of a rule set plus an API key.
 */
export class Client {
  private cookie = '';
  private csrf = '';

  constructor(
    private readonly base: string,
    private readonly apiKey?: string,
  ) {}

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    if (this.apiKey) headers['x-api-key'] = this.apiKey;
    const res = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const m = /covenant_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '');
    if (m) this.cookie = `covenant_session=${m[1]}`;
    const text = await res.text();
    const parsed = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
    if (path === '/api/v1/auth/login' && res.status === 200) this.csrf = parsed.csrfToken;
    return { status: res.status, body: parsed };
  }

  async ok(method: string, path: string, body?: unknown): Promise<any> {
    const r = await this.call(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    return r.body;
  }
}

/**
 * On a server started with COVENANT_SEED_DEMO=false and COVENANT_ADMIN_PASSWORD: creates an analyst and an approver,
 * puts `document` through draft → review → approval → activation (four eyes), and returns the secret of a new API key
 * with the decisions:evaluate and decisions:read scopes.
 */
export async function provision(base: string, o: { adminPassword: string; staffPassword: string; document: { key: string } }): Promise<string> {
  const admin = new Client(base);
  await admin.ok('POST', '/api/v1/auth/login', { username: 'admin', password: o.adminPassword });
  for (const role of ['analyst', 'approver']) await admin.ok('POST', '/api/v1/admin/users', { username: role, roles: [role], password: o.staffPassword });
  const analyst = new Client(base);
  await analyst.ok('POST', '/api/v1/auth/login', { username: 'analyst', password: o.staffPassword });
  const approver = new Client(base);
  await approver.ok('POST', '/api/v1/auth/login', { username: 'approver', password: o.staffPassword });
  const created = await analyst.ok('POST', '/api/v1/rule-sets', { document: o.document });
  const v = `/api/v1/rule-sets/${o.document.key}/versions/${created.version}`;
  await analyst.ok('POST', `${v}/submit`, {});
  await approver.ok('POST', `${v}/approve`, {});
  await approver.ok('POST', `${v}/activate`, {});
  const key = await admin.ok('POST', '/api/v1/admin/api-keys', { name: 'load test', scopes: ['decisions:evaluate', 'decisions:read'] });
  return key.secret as string;
}
