import type { RouteDef } from './route';

import type { Json } from './openapi-types';

const ERRORS: Record<string, string> = {
  '400': 'Malformed request (e.g. invalid JSON)',
  '401': 'Not signed in, or the API key is invalid',
  '403': 'Signed in, but not allowed (missing permission, four eyes, CSRF)',
  '404': 'No such resource',
  '409': 'Conflict: stale revision, invalid lifecycle transition',
  '413': 'Body larger than the configured limit',
  '415': 'Body is not application/json',
  '422': 'The body failed validation; errors[] names each bad field by JSON pointer',
  '429': 'Too many requests; see Retry-After',
  '503': 'Temporarily unavailable',
};

/**
 * Builds the OpenAPI 3.1 document from the route table and the JSON Schemas in schemas/, so the document can
 * never drift from what the server validates. Schema `$id`s become components; their `$ref`s are rewritten.
 */
export function buildOpenApi(routes: RouteDef[], schemas: Map<string, Json>, version: string): Json {
  const components: Json = {
    schemas: { Problem: problemSchema() },
    securitySchemes: {
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'API key for integrating systems (scoped)' },
      session: { type: 'apiKey', in: 'cookie', name: 'covenant_session', description: 'Staff session; writes also need x-csrf-token' },
    },
  };
  for (const [id, schema] of schemas) components.schemas[id] = rewriteRefs(stripMeta(schema), id);
  const paths: Json = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const params = [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (r.query && schemas.has(r.query)) {
      const q = schemas.get(r.query)!;
      for (const [name, s] of Object.entries((q.properties ?? {}) as Json))
        params.push({ name, in: 'query', required: (q.required ?? []).includes(name), schema: rewriteRefs(s, r.query) } as any);
    }
    const op: Json = {
      summary: r.summary,
      tags: r.tags,
      operationId: `${r.method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c) => (c ? c.toUpperCase() : ''))}`,
      parameters: params.length ? params : undefined,
      security: r.access === 'public' ? [] : r.allowApiKey === false ? [{ session: [] }] : [{ apiKey: [] }, { session: [] }],
      'x-permission': r.access,
      responses: {
        [r.method === 'post' && /create|import|new/i.test(r.summary) ? '201' : '200']: {
          description: 'Success',
          content: r.raw ? undefined : { 'application/json': { schema: r.response ? { $ref: `#/components/schemas/${r.response}` } : {} } },
        },
      },
    };
    if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${r.body}` } } } };
    for (const [code, description] of Object.entries(ERRORS)) {
      if (r.access === 'public' && (code === '401' || code === '403')) continue;
      if (!r.body && ['413', '415', '422'].includes(code) && !r.query) continue;
      op.responses[code] = { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    }
    (paths[path] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Covenant credit-decision API',
      version,
      description: 'Decisions, governed rule sets, facts, clients and monitoring. Errors are application/problem+json (RFC 9457) with errors[] naming each bad field.',
    },
    servers: [{ url: '/' }],
    paths,
    components,
  };
}

function stripMeta(s: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = s;
  return rest;
}

/** `rule-set` → `#/components/schemas/rule-set`; `#/$defs/x` inside schema S → `#/components/schemas/S/$defs/x`. */
function rewriteRefs(node: any, owner: string): any {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, owner));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') {
      const [file, frag] = v.split('#');
      out.$ref = `#/components/schemas/${file || owner}${frag ?? ''}`;
    } else out[k] = rewriteRefs(v, owner);
  }
  return out;
}

function problemSchema(): Json {
  return {
    type: 'object',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      code: { type: 'string', description: 'Stable machine-readable code' },
      errorId: { type: 'string' },
      requestId: { type: 'string' },
      errors: {
        type: 'array',
        items: { type: 'object', required: ['pointer', 'message'], properties: { pointer: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' } } },
      },
    },
    examples: [
      {
        type: 'https://covenant.example/problems/validation_failed',
        title: 'Invalid input',
        status: 422,
        detail: 'The request body is not valid: 1 problem.',
        code: 'validation_failed',
        errors: [{ pointer: '/facts/debtToAsset', code: 'type', message: 'must be a number; it was the string "0.8x"' }],
      },
    ],
  };
}
