import type { RouteContext, RouteDef } from '../../http/route';
import { ValidationError } from '../../shared/errors';
import { SchemaValidator } from '../../shared/validation';
import * as facts from './index';
import manufacturer from './fixtures/manufacturer-2024.json';

const at = (iso: string) => ({ now: () => new Date(iso) });
const route = (routes: RouteDef[], method: string, path: string) => routes.find((r) => r.method === method && r.path === path)!;
const call = (r: RouteDef, body?: unknown) => r.handler({ body } as RouteContext) as { body: any };

describe('factsRoutes()', () => {
  const routes = facts.factsRoutes({ clock: at('2025-04-30T17:00:00Z') });
  const validator = new SchemaValidator();

  it('declares GET /api/v1/facts and POST /api/v1/facts/derive with facts:read and known schemas', () => {
    expect(routes.map((r) => `${r.method} ${r.path} ${r.access}`)).toEqual(['get /api/v1/facts facts:read', 'post /api/v1/facts/derive facts:read']);
    for (const r of routes) if (r.body) expect(validator.schemaIds).toContain(r.body);
  });

  it('serves the catalog', () => {
    const res = call(route(routes, 'get', '/api/v1/facts'));
    expect(res.body.facts).toBe(facts.FACT_CATALOG);
    expect(res.body.enumerations.class5cat.values).toEqual(['正常', '关注', '次级', '可疑', '损失']);
    expect(res.body.enumerations.industrySection.labels.K).toEqual({ zh: '房地产业', en: 'Real estate' });
    expect(JSON.parse(JSON.stringify(res.body)).facts).toHaveLength(facts.FACT_CATALOG.length);
  });

  it('derives on the bank calendar date when asOf is absent (17:00 UTC is already the next day in Shanghai)', () => {
    const body = { client: manufacturer };
    expect(validator.check('facts-derive', body)).toEqual([]);
    const res = call(route(routes, 'post', '/api/v1/facts/derive'), body);
    expect(res.body.asOf).toBe('2025-05-01');
    expect(res.body.facts.currentRatio).toBe(1.5);
  });

  it('passes asOf and params through', () => {
    const res = call(route(routes, 'post', '/api/v1/facts/derive'), { client: manufacturer, asOf: '2025-04-30', params: { dayCount: 360 } });
    expect(res.body.asOf).toBe('2025-04-30');
    expect(res.body.facts.dso).toBeCloseTo(360 / (1100 / 170), 10);
  });

  it('answers a bad date with a validation error on /asOf', () => {
    expect(() => call(route(routes, 'post', '/api/v1/facts/derive'), { client: manufacturer, asOf: '2025-02-30' })).toThrow(ValidationError);
  });
});

describe('the module index', () => {
  it('exports derive, factCatalog, FACT_CATALOG, validateUscc and the routes', () => {
    expect(typeof facts.derive).toBe('function');
    expect(facts.factCatalog()).toHaveLength(facts.FACT_CATALOG.length);
    expect(facts.validateUscc('91350100M000100Y43').valid).toBe(true);
    expect(typeof facts.factsRoutes).toBe('function');
  });
});
