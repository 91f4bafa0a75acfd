import { performance } from 'node:perf_hooks';
import type { Actor } from '../../shared/actor';
import { actorRef } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { AppError, ConflictError, NotFoundError, ServiceUnavailableError, ValidationError, type FieldError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { SchemaValidator } from '../../shared/validation';
import type { Page } from '../audit/audit';
import type { EvaluationResult } from '../engine';
import type { RuleSetStore } from '../rule-sets/rule-set-store';
import type { ActiveRuleSets } from './active-rule-sets';
import type { CompiledVersion, VersionCompiler } from './compiled-version';
import { outcomeOf, toResponse, type DecisionQuery, type DecisionRecord, type DecisionResponse, type RuleSetRef } from './decision';
import type { DecisionLogStore } from './decision-log-store';
import { dailyStats, instantsOf, statsRange, type DecisionStats } from './decision-stats';
import type { DecisionLogWriter } from './decision-log-writer';
import type { DecisionMetrics } from './decision-metrics';
import { rerun, type Replay } from './decision-replay';
import { isIsoDate } from './fact-validator';
import { IdempotencyCache, keyReused, requestHash } from './idempotency';

/** The body of POST /api/v1/decisions/:key (schemas/decision-request.schema.json). */
export interface DecisionRequest {
  /** With `clientId`, these complete or override the facts derived from the client register. */
  facts?: Record<string, unknown>;
  /** Derive the facts from this client's stored profile on `asOf` (issue 7); the decision is logged against it. */
  clientId?: string;
  trace?: boolean;
  version?: number;
  asOf?: string;
}

/** The body of POST /api/v1/decisions/:key/batch; items are checked one by one so one bad item fails only itself. */
export interface BatchRequest {
  items: unknown[];
  version?: number;
  asOf?: string;
}

interface BatchItem {
  facts: Record<string, unknown>;
  trace?: boolean;
  ref?: string;
}

export interface CallContext {
  actor: Actor;
  requestId: string;
  idempotencyKey: string | null;
}

export type BatchItemResult =
  | { index: number; ref: string | null; status: 200; decision: DecisionResponse }
  | { index: number; ref: string | null; status: number; error: AppError };

export interface BatchResult {
  ruleSet: RuleSetRef;
  items: BatchItemResult[];
  decided: number;
  failed: number;
}

/** The facts of a stored client on a day (YYYY-MM-DD), or null when there is no such client. */
export type ClientFactsProvider = (clientId: string, asOf: string) => Promise<{ facts: Record<string, unknown> } | null>;

export interface DecisionServiceDeps {
  registry: ActiveRuleSets;
  compiler: VersionCompiler;
  ruleSets: RuleSetStore;
  log: DecisionLogStore;
  writer: DecisionLogWriter;
  metrics: DecisionMetrics;
  validator: SchemaValidator;
  clock: Clock;
  clientFacts?: ClientFactsProvider;
}

/**
 * Decisions for upstream systems (DESIGN §5). The hot path reads only memory — the registry's compiled active
 * version and its facts validator — then waits for the group commit of its log record; the answer leaves only once
 * the record is durable (store, or the fail-static spool).
 */
export class DecisionService {
  private readonly single = new IdempotencyCache<DecisionResponse>();
  private readonly batches = new IdempotencyCache<BatchResult>(1_000);

  constructor(private readonly d: DecisionServiceDeps) {}

  async decide(key: string, body: DecisionRequest, ctx: CallContext): Promise<DecisionResponse> {
    if (ctx.idempotencyKey === null) return this.decideOnce(key, body, ctx, null);
    const hash = requestHash('single', key, body);
    return this.single.run(ctx.actor.id, ctx.idempotencyKey, hash, () => this.decideOnce(key, body, ctx, hash));
  }

  async decideBatch(key: string, body: BatchRequest, ctx: CallContext): Promise<BatchResult> {
    const idem = ctx.idempotencyKey;
    if (idem === null) return this.batchOnce(key, body, ctx, null, new Map());
    const hash = requestHash('batch', key, body);
    return this.batches.run(ctx.actor.id, idem, hash, async () => {
      // A batch retry is checked against the log before anything is decided, so a retry never writes half a batch.
      const previous = await this.previousBatch(body.items.length, ctx.actor.id, idem, hash);
      return this.batchOnce(key, body, ctx, hash, previous);
    });
  }

  async get(id: string): Promise<DecisionRecord> {
    const r = await this.d.log.get(id);
    if (!r) throw new NotFoundError('Decision', id);
    return r;
  }

  async list(q: DecisionQuery): Promise<Page<DecisionRecord>> {
    const iso = (s: string | undefined) => (s === undefined ? undefined : new Date(s).toISOString());
    return this.d.log.list({ ...q, from: iso(q.from), to: iso(q.to) });
  }

  /** Decisions per UTC day by outcome over a day range (default the last 30 days, at most 366), zeros included. */
  async stats(q: { from?: string; to?: string; ruleSetKey?: string }): Promise<DecisionStats> {
    const range = statsRange(q, this.d.clock.now().toISOString().slice(0, 10));
    const groups = await this.d.log.countByDay({ ...instantsOf(range), ...(q.ruleSetKey === undefined ? {} : { ruleSetKey: q.ruleSetKey }) });
    return dailyStats(range, q.ruleSetKey ?? null, groups);
  }

  /** Re-runs a logged decision with the version it used and with today's active version. */
  async replay(id: string, trace = false): Promise<Replay> {
    const record = await this.get(id);
    const v = await this.d.ruleSets.getVersion(record.ruleSet.key, record.ruleSet.version);
    if (!v) throw new NotFoundError('Rule-set version', `${record.ruleSet.key}@${record.ruleSet.version}`);
    if (v.contentHash !== record.ruleSet.contentHash)
      throw new ConflictError('content_changed', `Version ${v.version} of '${v.key}' no longer has the content the decision was made with.`, { logged: record.ruleSet.contentHash, now: v.contentHash });
    const same = rerun(record, this.d.compiler.compile(v), trace);
    const active = this.d.registry.get(record.ruleSet.key);
    return {
      decisionId: record.id,
      evaluatedAt: record.evaluatedAt,
      asOf: record.asOf,
      original: { ruleSet: record.ruleSet, outputs: record.outputs, firedRules: record.firedRules.map((f) => f.name) },
      sameVersion: { ...same, reproduced: same.changed === false },
      activeVersion: active ? rerun(record, active, trace) : null,
    };
  }

  private async decideOnce(key: string, body: DecisionRequest, ctx: CallContext, hash: string | null): Promise<DecisionResponse> {
    const t0 = performance.now();
    const cv = await this.resolve(key, body.version);
    const asOf = this.asOf(body.asOf, '/asOf');
    const given = body.facts ?? {};
    const client = body.clientId === undefined ? null : await this.clientFacts(body.clientId, asOf, given);
    const { errors, facts } = cv.validate(client ? { ...client.derivedFacts, ...given } : given, '/facts');
    if (errors.length) throw factsInvalid(cv.ref, errors);
    const result = cv.evaluator.evaluate(facts, body.trace === true ? { trace: true, asOf } : { asOf });
    const now = this.d.clock.now();
    const record = this.record(cv.ref, given, result, asOf, ctx, now, hash, ctx.idempotencyKey, null, null, performance.now() - t0, client);
    const [outcome] = await this.d.writer.write([record]);
    if (outcome.status === 'duplicate_idempotency_key') {
      // Another instance (or this one before a restart) already decided under this key: answer with that decision.
      const existing = await this.d.log.get(outcome.existingId);
      if (!existing) throw new Error(`decision ${outcome.existingId} holds the idempotency key but cannot be read`);
      if (existing.requestHash !== hash) throw keyReused(ctx.idempotencyKey!);
      return toResponse(existing);
    }
    this.d.metrics.decided(cv.ref.key, record.outcome);
    this.d.metrics.observeDecision('single', (performance.now() - t0) / 1000);
    return toResponse(record);
  }

  private async batchOnce(key: string, body: BatchRequest, ctx: CallContext, hash: string | null, previous: Map<number, DecisionRecord>): Promise<BatchResult> {
    const t0 = performance.now();
    const cv = await this.resolve(key, body.version);
    const asOf = this.asOf(body.asOf, '/asOf');
    const now = this.d.clock.now();
    const results: BatchItemResult[] = new Array(body.items.length);
    const records: DecisionRecord[] = [];
    const fresh: number[] = [];
    body.items.forEach((raw, index) => {
      const ti = performance.now();
      const item = raw as BatchItem;
      const ref = item !== null && typeof item === 'object' && typeof item.ref === 'string' ? item.ref : null;
      const done = previous.get(index);
      if (done) return void (results[index] = { index, ref, status: 200, decision: toResponse(done) });
      const shape = this.d.validator.check('decision-batch-item', item, `/items/${index}`);
      if (shape.length) return void (results[index] = { index, ref, status: 422, error: new ValidationError(`Item ${index} is not valid.`, shape) });
      const { errors, facts } = cv.validate(item.facts, `/items/${index}/facts`);
      if (errors.length) return void (results[index] = { index, ref, status: 422, error: factsInvalid(cv.ref, errors) });
      const result = cv.evaluator.evaluate(facts, item.trace === true ? { trace: true, asOf } : { asOf });
      const idem = ctx.idempotencyKey === null ? null : `${ctx.idempotencyKey}#${index}`;
      const record = this.record(cv.ref, item.facts, result, asOf, ctx, now, hash, idem, ref, index, performance.now() - ti);
      records.push(record);
      fresh.push(index);
      results[index] = { index, ref, status: 200, decision: toResponse(record) };
    });
    // All the batch's records are one write: the group committer never splits a write across transactions.
    const outcomes = await this.d.writer.write(records);
    if (outcomes.some((o) => o.status === 'duplicate_idempotency_key')) {
      // Lost a race with the same batch on another instance: answer with what that one logged.
      const winner = await this.previousBatch(body.items.length, ctx.actor.id, ctx.idempotencyKey!, hash!);
      fresh.forEach((index) => {
        const r = winner.get(index);
        if (r) results[index] = { index, ref: r.ref, status: 200, decision: toResponse(r) };
      });
    } else this.d.metrics.decidedMany(cv.ref.key, records.map((r) => r.outcome));
    const decided = results.filter((r) => r.status === 200).length;
    this.d.metrics.observeDecision('batch', (performance.now() - t0) / 1000);
    return { ruleSet: cv.ref, items: results, decided, failed: results.length - decided };
  }

  /** The records an earlier run of this batch logged, by item index; refuses a key reused for another batch. */
  private async previousBatch(size: number, callerId: string, key: string, hash: string): Promise<Map<number, DecisionRecord>> {
    let found: DecisionRecord[];
    try {
      found = await this.d.log.findByIdempotencyKeys(callerId, Array.from({ length: size }, (_, i) => `${key}#${i}`));
    } catch {
      // Store unreachable (fail-static): this instance's recent answers were already checked; decide afresh.
      return new Map();
    }
    if (found.some((r) => r.requestHash !== hash)) throw keyReused(key);
    return new Map(found.map((r) => [r.batchIndex!, r]));
  }

  private record(
    ref: RuleSetRef, facts: Record<string, unknown>, r: EvaluationResult, asOf: string, ctx: CallContext, now: Date,
    hash: string | null, idempotencyKey: string | null, itemRef: string | null, batchIndex: number | null, latencyMs: number,
    client: { clientId: string; derivedFacts: Record<string, unknown> } | null = null,
  ): DecisionRecord {
    const record: DecisionRecord = {
      id: newId('dec', now.getTime()),
      ruleSet: ref,
      facts,
      derivedFacts: client?.derivedFacts ?? {},
      asOf,
      outputs: r.outputs,
      firedRules: r.firedRules,
      reasons: r.reasons,
      outcome: outcomeOf(r.outputs),
      caller: actorRef(ctx.actor),
      clientId: client?.clientId ?? null,
      idempotencyKey,
      requestHash: idempotencyKey === null ? null : hash,
      requestId: ctx.requestId,
      ref: itemRef,
      batchIndex,
      evaluatedAt: now.toISOString(),
      latencyMs: Math.round(latencyMs * 1000) / 1000,
    };
    if (r.warnings?.length) record.warnings = r.warnings;
    if (r.trace) record.trace = r.trace;
    return record;
  }

  /** The active version (from memory), or a pinned one: approved, active, or retired after having been active. */
  private async resolve(key: string, version: number | undefined): Promise<CompiledVersion> {
    const active = this.d.registry.get(key);
    if (active && (version === undefined || version === active.ref.version)) return active;
    if (version === undefined) return this.noActiveVersion(key);
    const v = await this.d.ruleSets.getVersion(key, version);
    if (!v) {
      if (!(await this.d.ruleSets.listVersions(key)).length) throw new NotFoundError('Rule set', key);
      throw new NotFoundError('Rule-set version', `${key}@${version}`);
    }
    if (!(v.status === 'approved' || v.status === 'active' || (v.status === 'retired' && v.activated)))
      throw new ConflictError('version_not_decidable', `Version ${version} of '${key}' is ${v.status}${v.status === 'retired' ? ' and was never active' : ''}; only an approved version, the active one, or one that was active before can decide.`, { key, version, versionStatus: v.status });
    return this.d.compiler.compile(v);
  }

  private async noActiveVersion(key: string): Promise<never> {
    const broken = this.d.registry.brokenVersion(key);
    if (broken) throw new ServiceUnavailableError('rule_set_unavailable', `The active version ${broken.version} of '${key}' could not be compiled, so no decision is made with it.`, { key, version: broken.version });
    let exists: boolean;
    try {
      exists = (await this.d.ruleSets.listVersions(key)).length > 0;
    } catch {
      throw new ServiceUnavailableError('store_unavailable', `Rule set '${key}' is not active here and the store cannot be reached to say why. Try again later.`, { key });
    }
    if (!exists) throw new NotFoundError('Rule set', key);
    throw new ConflictError('no_active_version', `Rule set '${key}' has no active version, so nothing can be decided with it until one is activated.`, { key });
  }

  /**
   * The register's facts for a client on the decision's day. Facts the caller sent win over derived ones (an
   * application's proposed LTV, say) and are left out of `derivedFacts`, so replay merges them back identically.
   */
  private async clientFacts(clientId: string, asOf: string, given: Record<string, unknown>) {
    if (!this.d.clientFacts) throw new ServiceUnavailableError('client_facts_unavailable', 'Deciding by client id is not available on this instance.');
    const found = await this.d.clientFacts(clientId, asOf.slice(0, 10));
    if (!found) throw new ValidationError(`There is no client '${clientId}'.`, [{ pointer: '/clientId', code: 'unknown_client', message: `names no client in the register; it was the string ${JSON.stringify(clientId)}` }]);
    const derivedFacts: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(found.facts)) if (!Object.hasOwn(given, k)) derivedFacts[k] = v;
    return { clientId, derivedFacts };
  }

  private asOf(given: string | undefined, pointer: string): string {
    if (given === undefined) return this.d.clock.now().toISOString().slice(0, 10);
    if (!isIsoDate(given)) throw new ValidationError('asOf is not a date.', [{ pointer, code: 'format', message: `must be a date (YYYY-MM-DD) or a date-time; it was the string ${JSON.stringify(given)}` }]);
    return given;
  }
}

function factsInvalid(ref: RuleSetRef, errors: FieldError[]): ValidationError {
  const names = errors.map((e) => e.pointer.split('/').pop()).join(', ');
  return new ValidationError(`The facts do not satisfy the inputs of '${ref.key}' version ${ref.version}: ${names}.`, errors, { ruleSet: ref });
}
