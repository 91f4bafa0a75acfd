import fc from 'fast-check';
import type { RouteDef } from '../../server/src/http/route';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Property: whatever body a caller sends to a write endpoint — wrong types, huge numbers, deep nesting, megabyte
 * strings, prototype-pollution keys, truncated JSON, the wrong content type — the answer is a 4xx problem+json,
 * never a 500, and the store is unchanged.
 */
const SKIP = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/login']); // login is fuzzed separately: it throttles

let srv: TestServer;
let admin: ApiClient;
let writes: RouteDef[];
beforeAll(async () => {
  srv = await startTestServer({ seedDemo: true, config: { bodyLimitBytes: 2 * 1024 * 1024, login: { maxFailures: 1000, lockMinutes: 1 } } });
  admin = await ApiClient.signedIn(srv.url, 'admin');
  writes = srv.composition.routes.filter((r) => r.method !== 'get' && !SKIP.has(`${r.method.toUpperCase()} ${r.path}`));
}, 60_000);
afterAll(() => srv.close());

// Addresses that do not exist: validation runs before any lookup, and a body that happens to be valid (`{}` for a
// lifecycle step) can then only meet a 404, never change a real record.
const concrete = (r: RouteDef) => r.path.replace(':version', '999').replace(/:([A-Za-z]+)/g, 'fuzz-$1');

const deep = (n: number) => {
  let v: unknown = { all: [] };
  for (let i = 0; i < n; i++) v = { all: [v] };
  return v;
};

const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'document', 'key', 'facts', 'scopes', 'toVersion'), fc.jsonValue({ maxDepth: 3 })),
  fc.constant({ document: deep(1000) }),
  fc.constant({ document: { key: 'x'.repeat(1_000_000) } }),
  fc.constant({ name: 'n', scopes: ['rules:read'], extra: 1e308 }),
  fc.constant({ toVersion: Number.MAX_SAFE_INTEGER * 10 }),
  fc.constant(JSON.parse('{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"polluted": 1}}}')),
);

async function snapshot() {
  const audit = await srv.composition.stores.audit.list({ limit: 500 });
  return JSON.stringify({ audit: audit.items.map((e) => e.id), sets: await srv.composition.services.ruleSets.list() });
}

function expectClean(label: string, r: { status: number; contentType: string; body: any }) {
  expect([label, r.status >= 400 && r.status < 500]).toEqual([label, true]);
  expect([label, r.contentType]).toEqual([label, expect.stringContaining('application/problem+json')]);
}

describe('hostile bodies on every write endpoint', () => {
  it('JSON of any shape → 4xx problem+json, store unchanged', async () => {
    const before = await snapshot();
    for (const r of writes) {
      await fc.assert(
        fc.asyncProperty(hostileJson, async (body) => {
          const res = await admin.request(r.method.toUpperCase(), concrete(r), JSON.stringify(body), { 'content-type': 'application/json' });
          expectClean(`${r.method} ${r.path} ${JSON.stringify(body).slice(0, 80)}`, res);
        }),
        { numRuns: 12, seed: 20261123 },
      );
    }
    expect(await snapshot()).toBe(before);
    expect(({} as any).isAdmin).toBeUndefined();
    expect(({} as any).polluted).toBeUndefined();
  }, 120_000);

  it('truncated JSON, wrong content types and oversized bodies → 4xx problem+json', async () => {
    const before = await snapshot();
    for (const r of writes) {
      if (r.rawBody) continue;
      const label = `${r.method} ${r.path}`;
      expectClean(label, await admin.request(r.method.toUpperCase(), concrete(r), '{"document": {"key": "a', { 'content-type': 'application/json' }));
      expectClean(label, await admin.request(r.method.toUpperCase(), concrete(r), 'a=1&b=2', { 'content-type': 'application/x-www-form-urlencoded' }));
      expectClean(label, await admin.request(r.method.toUpperCase(), concrete(r), '<xml/>', { 'content-type': 'text/xml' }));
      expectClean(label, await admin.request(r.method.toUpperCase(), concrete(r), JSON.stringify({ s: 'x'.repeat(3 * 1024 * 1024) }), { 'content-type': 'application/json' }));
    }
    expect(await snapshot()).toBe(before);
  }, 120_000);

  it('sign-in with hostile bodies → 4xx problem+json', async () => {
    await fc.assert(
      fc.asyncProperty(hostileJson, async (body) => {
        expectClean('login', await new ApiClient(srv.url).request('POST', '/api/v1/auth/login', JSON.stringify(body), { 'content-type': 'application/json' }));
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
