import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

let srv: TestServer;
beforeAll(async () => (srv = await startTestServer({ seedDemo: false, store: 'memory', env: { COVENANT_ADMIN_PASSWORD: 'openapi-test-pass-1' } })));
afterAll(() => srv.close());

describe('OpenAPI', () => {
  it('documents every route of the route table, with its request schema and problem responses', async () => {
    const r = await new ApiClient(srv.url).get('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    for (const route of srv.composition.routes) {
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = r.body.paths[path]?.[route.method];
      expect(op).toBeDefined();
      if (route.body) expect(op.requestBody.content['application/json'].schema.$ref).toBe(`#/components/schemas/${route.body}`);
      if (route.access !== 'public') expect(op.responses['401']).toBeDefined();
    }
    // Every $ref points at something that exists.
    const text = JSON.stringify(r.body);
    for (const m of text.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
      let node: any = r.body;
      for (const part of m[1].split('/')) node = node?.[decodeURIComponent(part)];
      expect(node).toBeDefined();
    }
  });

  it('serves Swagger UI at /api/docs', async () => {
    const r = await new ApiClient(srv.url).get('/api/docs/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('swagger');
  });
});
