import express, { type Router } from 'express';
import { toProblem } from '../../http/problem';
import { defineRoute, type RouteDef } from '../../http/route';
import type { Actor } from '../../shared/actor';
import type { DecisionRecord } from './decision';
import type { DecisionMetrics } from './decision-metrics';
import type { BatchResult, DecisionService } from './decision-service';
import { checkIdempotencyKey } from './idempotency';
import type { RateLimiter } from './rate-limiter';

/** A list page leaves out traces (they can be large); GET /decisions/:id has the whole record. */
const light = ({ trace: _t, ...rest }: DecisionRecord) => rest;

export function decisionRoutes(s: DecisionService, limiter: RateLimiter): RouteDef[] {
  // Checked before the body is validated, so a caller over its rate costs us as little as possible.
  const rateLimit = async ({ actor }: { actor: Actor }) => {
    if (actor.kind === 'api-key') limiter.take(actor.id);
  };
  return [
    defineRoute({
      method: 'post', path: '/api/v1/decisions/:ruleSetKey', access: 'decisions:evaluate', allowApiKey: true, body: 'decision-request', response: 'decision-response', tags: ['decisions'],
      summary: 'Decide: evaluate facts with the active (or a pinned) version of a rule set; logged durably before the answer. Idempotency-Key makes retries safe',
      precheck: rateLimit,
      handler: async ({ params, body, actor, req, requestId }) => ({
        body: await s.decide(params.ruleSetKey, body, { actor, requestId, idempotencyKey: checkIdempotencyKey(req.headers['idempotency-key']) }),
      }),
    }),
    defineRoute({
      method: 'post', path: '/api/v1/decisions/:ruleSetKey/batch', access: 'decisions:evaluate', allowApiKey: true, body: 'decision-batch-request', response: 'decision-batch-response', tags: ['decisions'],
      summary: 'Decide up to 1,000 items with one version: a decision or a problem per item, in order; the batch is logged in one transaction',
      precheck: rateLimit,
      handler: async ({ params, body, actor, req, requestId }) => ({
        body: renderBatch(await s.decideBatch(params.ruleSetKey, body, { actor, requestId, idempotencyKey: checkIdempotencyKey(req.headers['idempotency-key']) }), requestId),
      }),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/decisions', access: 'decisions:read', query: 'decision-query', response: 'decision-page', tags: ['decisions'],
      summary: 'The decision log, newest first; filter by rule set, outcome, client, caller and time; page with nextCursor',
      precheck: rateLimit,
      handler: async ({ query }) => {
        const page = await s.list({ ...query, limit: query.limit ? Number(query.limit) : undefined });
        return { body: { items: page.items.map(light), nextCursor: page.nextCursor } };
      },
    }),
    // Before /decisions/:id, which would otherwise take "stats" for an id.
    defineRoute({
      method: 'get', path: '/api/v1/decisions/stats', access: 'decisions:read', query: 'decision-stats-query', response: 'decision-stats', tags: ['decisions'],
      summary: 'Decisions per UTC day by outcome, days without decisions as zeros: from/to are days (default the last 30, at most 366); ruleSetKey narrows to one rule set',
      precheck: rateLimit,
      handler: async ({ query }) => ({ body: await s.stats({ from: query.from, to: query.to, ruleSetKey: query.ruleSetKey }) }),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/decisions/:id', access: 'decisions:read', response: 'decision-record', tags: ['decisions'],
      summary: 'One logged decision: facts, outputs, fired rules, reasons, the exact version, caller and timing',
      precheck: rateLimit,
      handler: async ({ params }) => ({ body: await s.get(params.id) }),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/decisions/:id/replay', access: 'decisions:read', query: 'decision-replay-query', response: 'decision-replay', tags: ['decisions'],
      summary: 'Re-run a logged decision with the version it used (was it reproduced exactly?) and with today\'s active version (what changed?)',
      precheck: rateLimit,
      handler: async ({ params, query }) => ({ body: await s.replay(params.id, query.trace === 'true') }),
    }),
  ];
}

/**
 * GET /metrics for Prometheus: decisions by rule set and outcome, latencies, log group commits, spool depth, errors
 * by code. Like /healthz and /readyz it is an operations endpoint outside the API's route table and unauthenticated
 * (scrapers send no credentials); it shows counts and timings, never facts or callers. Keep it off the public
 * network with the balancer, as the readiness probe is.
 */
export function metricsRouter(metrics: DecisionMetrics): Router {
  const r = express.Router();
  r.get('/metrics', async (_req, res, next) => {
    try {
      const m = await metrics.render();
      res.setHeader('Content-Type', m.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.status(200).send(m.text);
    } catch (e) {
      next(e);
    }
  });
  return r;
}

function renderBatch(r: BatchResult, requestId: string) {
  return {
    ruleSet: r.ruleSet,
    decided: r.decided,
    failed: r.failed,
    items: r.items.map((item) =>
      'decision' in item
        ? { index: item.index, ref: item.ref, status: item.status, decision: item.decision }
        : { index: item.index, ref: item.ref, status: item.status, problem: toProblem(item.error, requestId) },
    ),
  };
}
