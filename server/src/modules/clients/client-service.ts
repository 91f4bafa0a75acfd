import type { Actor } from '../../shared/actor';
import { actorRef } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { AppError, BadRequestError, ConflictError, NotFoundError, ValidationError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { SchemaValidator } from '../../shared/validation';
import { auditEvent, type Page } from '../audit/audit';
import type { ClientEvent } from '../facts/client-event';
import type { ClientProfile, Statement } from '../facts/client-profile';
import { derive, type DeriveResult } from '../facts/derive';
import type { DeriveParamsInput } from '../facts/params';
import { EMPTY_SEGMENTS, naturalKey, segmentValues, type ClientRecord, type ClientSummary, type PreparedClient, type SegmentChange, type SegmentValues } from './client';
import type { PreparedRow } from './prepared';
import { createdPayload, identity, profileChanges } from './client-audit';
import type { ClientAggregates, ClientFilter, ClientStore, PageRequest, UpsertResult } from './client-store';
import { checkProfile, normalizeProfile } from './client-validation';
import { checkLines, type CheckedRow, type RawLine } from './row-check';
import { RowChecker } from './row-checker';

/** Told after every committed change to a client (its profile, statements, events or segments, or its deletion). */
export type ClientChangeListener = (clientId: string, info: { by: Actor; action: string; importId?: string }) => void;

const entity = (id: string) => ({ type: 'client', id });

/**
 * The client register's use cases. Every change is validated first (schema, then the register's identifier
 * rules), written with compare-and-set on the revision, audited in the same transaction, and announced to the
 * change listeners (monitoring) only after it committed.
 */
export class ClientService {
  private readonly listeners: ClientChangeListener[] = [];

  constructor(
    private readonly store: ClientStore,
    private readonly validator: SchemaValidator,
    private readonly clock: Clock,
  ) {}

  onChange(l: ClientChangeListener): void {
    this.listeners.push(l);
  }

  /** The register's rules for one profile (schema + identifiers); [] when it may be stored. */
  check(data: unknown, opts: { allowedId?: string } = {}, base = '') {
    return checkProfile(this.validator, data, opts, base);
  }

  /** Import rows (JSON text) checked in this thread. */
  checkRows(lines: RawLine[]): CheckedRow[] {
    return checkLines(this.validator, lines);
  }

  /** A checker of import rows running in a worker thread. */
  rowChecker(): RowChecker {
    return new RowChecker(this.validator);
  }

  async create(body: unknown, actor: Actor): Promise<ClientRecord> {
    const profile = this.valid(body, {});
    const now = this.now();
    const by = actorRef(actor);
    const record: ClientRecord = { id: newId('cli'), revision: 1, key: keyOf(profile), profile, segments: { ...EMPTY_SEGMENTS }, createdAt: now, createdBy: by, updatedAt: now, updatedBy: by };
    const saved = await this.store.create(record, [auditEvent(actor, 'client.created', entity(record.id), { after: createdPayload(record) }, now)]);
    this.changed(saved.id, actor, 'client.created');
    return saved;
  }

  async get(id: string): Promise<ClientRecord> {
    const r = await this.store.get(id);
    if (!r) throw new NotFoundError('Client', id);
    return r;
  }

  async update(id: string, body: unknown, expectedRevision: number | undefined, actor: Actor): Promise<ClientRecord> {
    const expected = requireRevision(expectedRevision);
    const profile = this.valid(body, { allowedId: id });
    const cur = await this.get(id);
    return this.replace(cur, profile, expected, actor, 'client.updated');
  }

  async delete(id: string, expectedRevision: number | undefined, actor: Actor): Promise<void> {
    if (expectedRevision !== undefined && Number.isNaN(expectedRevision)) throw badIfMatch();
    const cur = await this.get(id);
    await this.store.delete(id, expectedRevision ?? cur.revision, [auditEvent(actor, 'client.deleted', entity(id), { before: identity(cur) }, this.now())]);
    this.changed(id, actor, 'client.deleted');
  }

  async list(filter: ClientFilter, page: PageRequest): Promise<Page<ClientSummary>> {
    return this.store.list(filter, page);
  }

  async aggregates(filter: ClientFilter): Promise<ClientAggregates> {
    return this.store.aggregates(filter);
  }

  async statements(id: string): Promise<Statement[]> {
    return [...((await this.get(id)).profile.statements ?? [])];
  }

  /** Adds a statement, or replaces the one for the same period end and scope (a restatement). */
  async addStatement(id: string, statement: Statement, expectedRevision: number | undefined, actor: Actor): Promise<{ client: ClientRecord; replaced: boolean }> {
    const cur = await this.get(id);
    const list = [...(cur.profile.statements ?? [])];
    const same = (s: Statement) => s.periodEnd === statement.periodEnd && (s.scope ?? 'consolidated') === (statement.scope ?? 'consolidated');
    const at = list.findIndex(same);
    if (at >= 0) list[at] = statement;
    else list.push(statement);
    list.sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0));
    const client = await this.replace(cur, this.valid({ ...cur.profile, statements: list }, {}), expectedRevision ?? cur.revision, actor, at >= 0 ? 'client.statement-replaced' : 'client.statement-added');
    return { client, replaced: at >= 0 };
  }

  async events(id: string): Promise<ClientEvent[]> {
    return [...((await this.get(id)).profile.events ?? [])];
  }

  /** Records an event; it gets an `evt_` id unless it brings its own (which must be new for the client). */
  async addEvent(id: string, event: ClientEvent, expectedRevision: number | undefined, actor: Actor): Promise<{ client: ClientRecord; event: ClientEvent }> {
    const cur = await this.get(id);
    const list = [...(cur.profile.events ?? [])];
    const e: ClientEvent = { ...event, id: event.id ?? newId('evt') };
    if (list.some((x) => x.id === e.id)) throw new ConflictError('event_exists', `The client already has an event '${e.id}'.`, { eventId: e.id });
    list.push(e);
    const client = await this.replace(cur, this.valid({ ...cur.profile, events: list }, {}), expectedRevision ?? cur.revision, actor, 'client.event-added');
    return { client, event: e };
  }

  /** Exactly the facts rule sets see for this client on `asOf` (derive() over the stored profile). */
  async facts(id: string, asOf?: string, params?: DeriveParamsInput): Promise<DeriveResult & { clientId: string; revision: number }> {
    const r = await this.get(id);
    const day = asOf ?? this.now().slice(0, 10);
    return { clientId: r.id, revision: r.revision, ...derive({ ...r.profile, id: r.id }, { asOf: day, params }) };
  }

  async history(id: string, page: PageRequest): Promise<Page<SegmentChange>> {
    await this.get(id);
    return this.store.segmentHistory(id, page);
  }

  /**
   * Sets what a monitoring run concluded (tier, tags, class, stage, risk level). A history entry is written when
   * any value differs from the stored one. `expectedRevision`: the profile revision the values were computed from.
   */
  async setSegments(id: string, values: SegmentValues, actor: Actor, opts: { reason?: string; ruleSet?: { key: string; version: number }; expectedRevision?: number } = {}): Promise<ClientRecord> {
    const cur = await this.get(id);
    const before = segmentValues(cur.segments);
    const after = segmentValues({ ...cur.segments, ...values });
    const at = this.now();
    const differs = JSON.stringify(before) !== JSON.stringify(after);
    const change: SegmentChange | null = differs
      ? { id: newId('cls'), clientId: id, at, by: actorRef(actor), before, after, ...(opts.reason ? { reason: opts.reason } : {}), ...(opts.ruleSet ? { ruleSet: opts.ruleSet } : {}) }
      : null;
    const audit = differs ? [auditEvent(actor, 'client.segments-changed', entity(id), { before, after, comment: opts.reason }, at)] : [];
    const saved = await this.store.setSegments(id, { values: after, at, by: actorRef(actor), change, expectedRevision: opts.expectedRevision }, audit);
    if (differs) this.changed(id, actor, 'client.segments-changed');
    return saved;
  }

  /**
   * Upserts profiles that already passed `check` (the import validates row by row), in one store transaction.
   * Each client gets a light audit event naming the import, not a copy of its profile.
   */
  async upsertMany(profiles: ClientProfile[], actor: Actor, opts: { importId?: string } = {}): Promise<UpsertResult[]> {
    const now = this.now();
    const by = actorRef(actor);
    const records = profiles.map((p): ClientRecord => {
      const profile = normalizeProfile(p);
      return { id: newId('cli'), revision: 1, key: keyOf(profile), profile, segments: { ...EMPTY_SEGMENTS }, createdAt: now, createdBy: by, updatedAt: now, updatedBy: by };
    });
    const results = await this.store.upsertMany(records, (r, res) => [
      auditEvent(actor, res.created ? 'client.imported' : 'client.reimported', entity(r.id), {
        ...(res.previousRevision !== null ? { before: { revision: res.previousRevision } } : {}),
        after: { ...identity(r), ...(opts.importId ? { importId: opts.importId } : {}) },
      }, now),
    ]);
    for (const r of results) this.changed(r.id, actor, r.created ? 'client.imported' : 'client.reimported', opts.importId);
    return results;
  }

  /** Upserts prepared import rows (prepared.ts) in one store transaction, audited like upsertMany. */
  async upsertPrepared(rows: PreparedRow[], actor: Actor, opts: { importId?: string } = {}): Promise<UpsertResult[]> {
    const now = this.now();
    const by = actorRef(actor);
    const prepared: PreparedClient[] = rows.map((r) => ({ id: newId('cli'), key: r.key, summary: r.summary, profileJson: r.profileJson, createdAt: now, createdBy: by, updatedAt: now, updatedBy: by }));
    const results = await this.store.upsertPrepared(prepared, (r, res) => [
      auditEvent(actor, res.created ? 'client.imported' : 'client.reimported', entity(res.id), {
        ...(res.previousRevision !== null ? { before: { revision: res.previousRevision } } : {}),
        after: { id: res.id, key: r.key, revision: res.revision, name: r.summary.name, ...(opts.importId ? { importId: opts.importId } : {}) },
      }, now),
    ]);
    for (const r of results) this.changed(r.id, actor, r.created ? 'client.imported' : 'client.reimported', opts.importId);
    return results;
  }

  /** Walks the whole register in id order, a batch at a time (never the whole book in memory). */
  async *scan(batchSize = 500): AsyncGenerator<ClientRecord[]> {
    let after: string | null = null;
    for (;;) {
      const batch = await this.store.scan(after, batchSize);
      if (!batch.length) return;
      yield batch;
      after = batch[batch.length - 1].id;
    }
  }

  private async replace(cur: ClientRecord, profile: ClientProfile, expectedRevision: number, actor: Actor, action: string): Promise<ClientRecord> {
    const now = this.now();
    const next: ClientRecord = { ...cur, profile, key: keyOf(profile), revision: cur.revision + 1, updatedAt: now, updatedBy: actorRef(actor) };
    const changes = profileChanges(cur.profile, profile);
    const saved = await this.store.replace(next, expectedRevision, [
      auditEvent(actor, action, entity(cur.id), { before: { ...changes.before, revision: cur.revision }, after: { ...changes.after, revision: next.revision } }, now),
    ]);
    this.changed(saved.id, actor, action);
    return saved;
  }

  private valid(body: unknown, opts: { allowedId?: string }): ClientProfile {
    const errors = this.check(body, opts);
    if (errors.length) throw new ValidationError(`The client profile is not valid: ${errors.length} problem${errors.length > 1 ? 's' : ''}.`, errors);
    return normalizeProfile(body as ClientProfile);
  }

  private changed(id: string, actor: Actor, action: string, importId?: string): void {
    for (const l of this.listeners) {
      // A listener's failure is its own: the change has committed and the caller must hear so.
      try {
        l(id, { by: actor, action, ...(importId ? { importId } : {}) });
      } catch {
        /* ignored on purpose */
      }
    }
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function keyOf(p: ClientProfile): string {
  return naturalKey(p) as string; // checkProfile guarantees an identifier
}

function badIfMatch() {
  return new BadRequestError('bad_if_match', 'If-Match must be the revision number, e.g. If-Match: "3".');
}

function requireRevision(r: number | undefined): number {
  if (r === undefined) throw new AppError(428, 'precondition_required', 'Send If-Match with the revision you edited, so a concurrent edit is not overwritten.');
  if (Number.isNaN(r)) throw badIfMatch();
  return r;
}
