import { existsSync } from 'node:fs';
import type { Actor } from '../../shared/actor';
import { actorRef } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { auditEvent, type Page } from '../audit/audit';
import type { ClientFilter } from '../clients/client-store';
import type { DecisionLogStore } from '../decisions/decision-log-store';
import type { CompiledRuleSet } from '../engine';
import type { RuleSetDocument, RuleSetVersion } from '../rule-sets/rule-set';
import type { RuleSetStore } from '../rule-sets/rule-set-store';
import { contentHash } from '../../shared/canonical-json';
import { checkBudget } from './budget';
import type { PopulationSource } from './population/population-source';
import { PortfolioPopulation, type PortfolioClients } from './population/portfolio-population';
import { ReplayPopulation } from './population/replay-population';
import { UploadPopulation } from './population/upload-population';
import { compileFactValidator } from '../decisions/fact-validator';
import { UNFINISHED, type ChangedRecord, type PopulationSpec, type Simulation, type SimulationStatus, type SimulationSummary, type Upload, type UploadFormat, type UploadKind } from './simulation';
import type { SimulationRunner } from './simulation-runner';
import type { SimulationStore } from './simulation-store';
import type { UploadService } from './upload-service';

export interface StartInput {
  ruleSetKey: string;
  candidate: { version: number } | { content: unknown };
  baseline: 'active' | { version: number };
  population: PopulationSpec;
  asOf?: string;
  exposureField?: string;
}

export interface SimulationDeps {
  store: SimulationStore;
  ruleSets: Pick<RuleSetStore, 'getVersion' | 'getActive'>;
  /** Schema, structure and compile problems of a rule-set document (the registry's save check). */
  documentProblems: (doc: unknown) => FieldError[];
  /** The cached compiled evaluator of a document (with tracing, for drill-downs). */
  compile: (doc: RuleSetDocument) => CompiledRuleSet;
  runner: SimulationRunner;
  uploads: UploadService;
  decisions: DecisionLogStore;
  clients: PortfolioClients;
  clock: Clock;
  budget: number;
  /** A run whose heartbeat is older than this, and which no process here runs, is taken as dead. */
  staleAfterMs: number;
}

const withoutDocuments = ({ documents: _d, ...rest }: Simulation) => rest;

/**
 * What-if simulations (DESIGN §1): checks and starts runs, reads their results, changed records and drill-downs,
 * and answers the approval question "was this exact version simulated against the active one?". It reads rule sets,
 * uploads, decisions and clients; it writes only simulations.
 */
export class SimulationService {
  constructor(private readonly d: SimulationDeps) {}

  async start(input: StartInput, actor: Actor): Promise<SimulationSummary> {
    const baseline = await this.baseline(input.ruleSetKey, input.baseline);
    const candidate = await this.candidate(input, baseline);
    const { source, upload } = await this.population(input.population, input.ruleSetKey);
    const records = await source.count();
    const budget = checkBudget(records, baseline.document.rules.length + candidate.document.rules.length, this.d.budget);
    const now = this.d.clock.now().toISOString();
    const sim: Simulation = {
      id: newId('sim'),
      ruleSetKey: input.ruleSetKey,
      status: 'queued',
      candidate: { version: candidate.version, contentHash: candidate.contentHash, rules: candidate.document.rules.length },
      baseline: { version: baseline.version, contentHash: baseline.contentHash, rules: baseline.document.rules.length },
      population: input.population,
      asOf: input.asOf ?? null,
      exposureField: input.exposureField ?? upload?.exposureField ?? null,
      budget,
      progress: { processed: 0, total: records, skipped: 0, changed: 0, rate: 0, etaSeconds: null, updatedAt: now },
      createdBy: actorRef(actor),
      createdAt: now,
      startedAt: null,
      finishedAt: null,
      heartbeatAt: now,
      error: null,
      results: null,
      documents: { baseline: baseline.document, candidate: candidate.document },
    };
    const { documents: _d, results: _r, progress: _p, ...described } = sim;
    await this.d.store.insert(sim, [auditEvent(actor, 'simulation.started', { type: 'simulation', id: sim.id, key: sim.ruleSetKey }, { after: described }, now)]);
    this.d.runner.enqueue({ sim, source, total: records });
    const { documents: _docs, results: _res, ...summary } = sim;
    return summary;
  }

  async upload(body: AsyncIterable<Buffer>, q: { kind: UploadKind; format: UploadFormat; fileName: string | null; ruleSetKey: string | null; exposureField: string | null }, actor: Actor): Promise<Upload> {
    let ruleSet: RuleSetDocument | null = null;
    if (q.ruleSetKey) {
      const active = await this.d.ruleSets.getActive(q.ruleSetKey);
      if (!active) throw new NotFoundError('Active rule set', q.ruleSetKey);
      ruleSet = active.document;
    }
    return this.d.uploads.ingest(body, { kind: q.kind, format: q.format, fileName: q.fileName, ruleSet, exposureField: q.exposureField }, actor);
  }

  async getUpload(id: string): Promise<Omit<Upload, 'path' | 'batches'>> {
    const u = await this.d.store.getUpload(id);
    if (!u) throw new NotFoundError('Upload', id);
    const { path: _p, batches: _b, ...rest } = u;
    return rest;
  }

  /** One run with its results (not its documents); live progress when this process runs it. */
  async get(id: string): Promise<Omit<Simulation, 'documents'>> {
    const sim = await this.load(id);
    const live = this.d.runner.progressOf(id);
    return withoutDocuments(live && sim.status === 'running' ? { ...sim, progress: live } : sim);
  }

  async list(q: { ruleSetKey?: string; status?: SimulationStatus; cursor?: string; limit?: number }): Promise<Page<SimulationSummary>> {
    return this.d.store.list(q);
  }

  async cancel(id: string, actor: Actor): Promise<Omit<Simulation, 'documents'>> {
    const sim = await this.load(id);
    if (!UNFINISHED.includes(sim.status)) throw new ConflictError('invalid_state', `Simulation ${id} is already ${sim.status}; only a queued or running one can be cancelled.`, { status: sim.status });
    const now = this.d.clock.now().toISOString();
    const audit = [auditEvent(actor, 'simulation.cancelled', { type: 'simulation', id, key: sim.ruleSetKey }, { before: { status: sim.status }, after: { status: 'cancelled' } }, now)];
    const done =
      (await this.d.runner.cancel(id, actor.name, audit)) ??
      (await this.d.store.update(id, { status: 'cancelled', error: { code: 'cancelled', message: `cancelled by ${actor.name}` }, finishedAt: now, heartbeatAt: now }, [...UNFINISHED], audit));
    if (!done) return this.cancel(id, actor); // it ended meanwhile: report its real state
    return withoutDocuments(done);
  }

  async changes(id: string, q: { cursor?: string; limit?: number }): Promise<Page<ChangedRecord>> {
    await this.load(id);
    return this.d.store.listChanges(id, q);
  }

  /** A changed record re-evaluated on both versions with a full trace: why each version decided as it did. */
  async drillDown(id: string, recordId: string) {
    const sim = await this.load(id);
    const change = await this.d.store.getChange(id, recordId);
    if (!change) throw new NotFoundError('Changed record', `${id}/${recordId}`);
    const side = (doc: RuleSetDocument, ref: { version: number | null; contentHash: string }) => {
      const { facts } = compileFactValidator(doc)(change.facts, '/facts');
      const r = this.d.compile(doc).evaluate(facts, { trace: true, ...(change.asOf ? { asOf: change.asOf } : {}) });
      return { version: ref.version, contentHash: ref.contentHash, ...r };
    };
    return {
      simulationId: id,
      recordId,
      ref: change.ref,
      asOf: change.asOf,
      facts: change.facts,
      changedOutputs: change.changedOutputs,
      firedOnlyInBaseline: change.firedOnlyInBaseline,
      firedOnlyInCandidate: change.firedOnlyInCandidate,
      baseline: side(sim.documents.baseline, sim.baseline),
      candidate: side(sim.documents.candidate, sim.candidate),
    };
  }

  /** The evidence for approving a version: its latest completed simulation against the active version. */
  async evidenceFor(key: string, version: number): Promise<Omit<Simulation, 'documents'>> {
    const v = await this.d.ruleSets.getVersion(key, version);
    if (!v) throw new NotFoundError('Rule-set version', `${key}@${version}`);
    const active = await this.d.ruleSets.getActive(key);
    if (!active) throw new NotFoundError('Active version of rule set', key);
    const sim = await this.d.store.latestCompleted(key, v.contentHash, active.contentHash);
    if (!sim) throw new NotFoundError(`Completed simulation of ${key}@${version} against the active version ${active.version}`, key);
    return withoutDocuments(sim);
  }

  /**
   * For the approve transition: a simulationId given as evidence must name a completed simulation of exactly this
   * version's content. Throws 422 naming the mismatch.
   */
  async assertApprovalEvidence(key: string, version: number, simulationId: string): Promise<void> {
    const problem = (message: string, code: string) => new ValidationError('The simulation given as evidence does not cover this version.', [{ pointer: '/simulationId', code, message }]);
    const v = await this.d.ruleSets.getVersion(key, version);
    if (!v) throw new NotFoundError('Rule-set version', `${key}@${version}`);
    const sim = await this.d.store.get(simulationId);
    if (!sim) throw problem(`'${simulationId}' is not a simulation`, 'unknown_simulation');
    if (sim.ruleSetKey !== key) throw problem(`simulates rule set '${sim.ruleSetKey}', not '${key}'`, 'simulation_mismatch');
    if (sim.candidate.contentHash !== v.contentHash)
      throw problem(`simulated content ${sim.candidate.contentHash}, but version ${version} is ${v.contentHash}`, 'simulation_mismatch');
    if (sim.status !== 'completed') throw problem(`is ${sim.status}, not completed`, 'simulation_not_completed');
  }

  /**
   * At start-up: runs left queued or running by a process that is gone are marked failed. With one process per
   * store (SQLite) that is every unfinished run; with a shared store, those whose heartbeat is stale.
   */
  async recoverInterrupted(allUnfinished: boolean): Promise<number> {
    const now = this.d.clock.now();
    const before = allUnfinished ? new Date(now.getTime() + 1).toISOString() : new Date(now.getTime() - this.d.staleAfterMs).toISOString();
    return this.d.store.failUnfinished(before, { code: 'interrupted', message: 'interrupted by restart' }, now.toISOString());
  }

  private async load(id: string): Promise<Simulation> {
    const sim = await this.d.store.get(id);
    if (!sim) throw new NotFoundError('Simulation', id);
    return this.markIfDead(sim);
  }

  /** A run nobody is running any more (its process died) must not read as running forever. */
  private async markIfDead(sim: Simulation): Promise<Simulation> {
    if (!UNFINISHED.includes(sim.status) || this.d.runner.owns(sim.id)) return sim;
    const now = this.d.clock.now();
    if (now.getTime() - Date.parse(sim.heartbeatAt) < this.d.staleAfterMs) return sim;
    const error = { code: 'interrupted', message: `no sign of progress for ${Math.round(this.d.staleAfterMs / 1000)} s: the process running it stopped` };
    return (await this.d.store.update(sim.id, { status: 'failed', error, finishedAt: now.toISOString(), heartbeatAt: now.toISOString() }, [...UNFINISHED])) ?? ((await this.d.store.get(sim.id)) as Simulation);
  }

  private async baseline(key: string, spec: StartInput['baseline']): Promise<RuleSetVersion> {
    if (spec === 'active') {
      const active = await this.d.ruleSets.getActive(key);
      if (!active) throw new ValidationError(`Rule set '${key}' has no active version to compare with.`, [{ pointer: '/baseline', code: 'no_active_version', message: `'${key}' has no active version; name a baseline version` }]);
      return active;
    }
    const v = await this.d.ruleSets.getVersion(key, spec.version);
    if (!v) throw new NotFoundError('Rule-set version', `${key}@${spec.version}`);
    return v;
  }

  private async candidate(input: StartInput, baseline: RuleSetVersion): Promise<{ version: number | null; contentHash: string; document: RuleSetDocument }> {
    if ('version' in input.candidate) {
      const v = await this.d.ruleSets.getVersion(input.ruleSetKey, input.candidate.version);
      if (!v) throw new NotFoundError('Rule-set version', `${input.ruleSetKey}@${input.candidate.version}`);
      return { version: v.version, contentHash: v.contentHash, document: v.document };
    }
    const doc = input.candidate.content;
    const problems = this.d.documentProblems(doc).map((e) => ({ ...e, pointer: '/candidate/content' + e.pointer }));
    if (problems.length) throw new ValidationError(`The candidate rule set is not valid: ${problems.length} problem${problems.length > 1 ? 's' : ''}.`, problems);
    const document = doc as RuleSetDocument;
    if (document.key !== input.ruleSetKey)
      throw new ValidationError('The candidate is for another rule set.', [{ pointer: '/candidate/content/key', code: 'key_mismatch', message: `must be '${input.ruleSetKey}'` }]);
    if (document.family !== baseline.family)
      throw new ValidationError('The candidate is of another family.', [{ pointer: '/candidate/content/family', code: 'family_mismatch', message: `must be '${baseline.family}'` }]);
    return { version: null, contentHash: contentHash(document), document };
  }

  private async population(spec: PopulationSpec, key: string): Promise<{ source: PopulationSource; upload?: Upload }> {
    if ('upload' in spec) {
      const upload = await this.d.store.getUpload(spec.upload);
      if (!upload) throw new NotFoundError('Upload', spec.upload);
      if (!existsSync(upload.path))
        throw new AppError(422, 'upload_unavailable', `The file of upload ${upload.id} is not on this server (uploads are kept in the data directory of the instance that received them).`);
      return { source: new UploadPopulation(upload), upload };
    }
    if ('replay' in spec) {
      if (spec.replay.from > spec.replay.to)
        throw new ValidationError('The replay window is empty.', [{ pointer: '/population/replay/from', code: 'after_to', message: 'must not be after to' }]);
      return { source: new ReplayPopulation(this.d.decisions, key, spec.replay.from, spec.replay.to) };
    }
    return { source: new PortfolioPopulation(this.d.clients, (spec.portfolio.filter ?? {}) as ClientFilter) };
  }
}
