import type { Actor } from '../../shared/actor';
import { actorRef } from '../../shared/actor';
import { contentHash } from '../../shared/canonical-json';
import type { Clock } from '../../shared/clock';
import { AppError, BadRequestError, ConflictError, ForbiddenError, NotFoundError, RevisionConflictError, ValidationError, type FieldError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { auditEvent, type AuditEvent } from '../audit/audit';
import { allowedTransitions, TRANSITIONS, type RuleSetDocument, type RuleSetSummary, type RuleSetVersion, type Status, type TransitionName } from './rule-set';
import type { RuleSetChecker } from './rule-set-checker';
import { diffDocuments, type RuleSetDiff } from './rule-set-diff';
import type { RuleSetStore } from './rule-set-store';

export interface TransitionInput {
  comment?: string;
  simulationId?: string;
  expectedRevision?: number;
}

/** Listens for activations in this process (and for the active version retired without a successor), so the decision service can swap compiled rule sets at once. */
export type ActivationListener = (active: RuleSetVersion) => void;

/**
 * The governed registry (DESIGN §4): drafts are edited with compare-and-set, versions move through
 * draft → in_review → approved → active → retired, the author never approves (four eyes), an approval covers one
 * content hash, and every step is audited in the same transaction as the change.
 */
export class RuleSetService {
  private readonly listeners: ActivationListener[] = [];

  constructor(
    private readonly store: RuleSetStore,
    private readonly checker: RuleSetChecker,
    private readonly clock: Clock,
  ) {}

  onActivation(l: ActivationListener): void {
    this.listeners.push(l);
  }

  /** Checks that a simulation an approver cites really ran this version's content (set by the composition root). */
  setApprovalEvidence(check: (key: string, version: number, simulationId: string) => Promise<void>): void {
    this.approvalEvidence = check;
  }
  private approvalEvidence?: (key: string, version: number, simulationId: string) => Promise<void>;

  async list(): Promise<RuleSetSummary[]> {
    const byKey = new Map<string, RuleSetVersion[]>();
    for (const v of await this.store.listCurrent()) byKey.set(v.key, [...(byKey.get(v.key) ?? []), v]);
    return [...byKey.values()].map(summarise).sort((a, b) => a.key.localeCompare(b.key));
  }

  async get(key: string): Promise<RuleSetSummary & { versions: Omit<RuleSetVersion, 'document'>[] }> {
    const versions = await this.store.listVersions(key);
    if (!versions.length) throw new NotFoundError('Rule set', key);
    return { ...summarise(versions), versions: versions.map(({ document: _d, ...rest }) => rest) };
  }

  async version(key: string, version: number): Promise<RuleSetVersion> {
    const v = await this.store.getVersion(key, version);
    if (!v) {
      if (!(await this.store.listVersions(key)).length) throw new NotFoundError('Rule set', key);
      throw new NotFoundError('Rule-set version', `${key}@${version}`);
    }
    return v;
  }

  async versions(key: string): Promise<RuleSetVersion[]> {
    const list = await this.store.listVersions(key);
    if (!list.length) throw new NotFoundError('Rule set', key);
    return list;
  }

  /** A new draft: a whole document (new key or new version of a key), or a copy of an existing version. */
  async createDraft(input: { document?: unknown; key?: string; fromVersion?: number }, actor: Actor, action = 'rule-set.draft-created'): Promise<RuleSetVersion> {
    let document: RuleSetDocument;
    let basedOn: number | null = null;
    if (input.document !== undefined) {
      if (input.key !== undefined || input.fromVersion !== undefined)
        throw new ValidationError('Send either a document or a key to copy from, not both.', [{ pointer: '/key', code: 'exclusive', message: 'cannot be combined with document' }]);
      document = this.assertSavable(input.document, '/document');
      const existing = await this.store.listVersions(document.key);
      if (existing.length && existing[0].family !== document.family)
        throw new ValidationError('A rule set cannot change family.', [{ pointer: '/document/family', code: 'family_mismatch', message: `must stay '${existing[0].family}' for key '${document.key}'` }]);
      basedOn = existing.find((v) => v.status === 'active')?.version ?? null;
    } else if (input.key !== undefined) {
      const versions = await this.store.listVersions(input.key);
      if (!versions.length) throw new NotFoundError('Rule set', input.key);
      const source = input.fromVersion !== undefined ? versions.find((v) => v.version === input.fromVersion) : (versions.find((v) => v.status === 'active') ?? versions[0]);
      if (!source) throw new NotFoundError('Rule-set version', `${input.key}@${input.fromVersion}`);
      document = structuredClone(source.document);
      basedOn = source.version;
    } else {
      throw new ValidationError('Send a document, or the key of a rule set to copy.', [{ pointer: '/document', code: 'required', message: 'is required (or send key)' }]);
    }
    const now = this.clock.now().toISOString();
    const by = actorRef(actor);
    const record: Omit<RuleSetVersion, 'version'> = {
      id: newId('rs'),
      key: document.key,
      family: document.family,
      status: 'draft',
      revision: 1,
      contentHash: contentHash(document),
      document,
      basedOnVersion: basedOn,
      createdBy: by,
      createdAt: now,
      updatedBy: by,
      updatedAt: now,
      authors: [actor.id],
    };
    return this.store.insertVersion(record, (version) => [
      auditEvent(actor, action, entity(document.key, version), { after: { ...light({ ...record, version } as RuleSetVersion), basedOnVersion: basedOn } }, now),
    ]);
  }

  async updateDraft(key: string, version: number, doc: unknown, expectedRevision: number | undefined, actor: Actor): Promise<RuleSetVersion> {
    if (expectedRevision === undefined) throw new AppError(428, 'precondition_required', 'Send If-Match with the revision you edited, so a concurrent edit is not overwritten.');
    if (Number.isNaN(expectedRevision)) throw new BadRequestError('bad_if_match', 'If-Match must be the revision number, e.g. If-Match: "3".');
    const document = this.assertSavable(doc, '');
    if (document.key !== key) throw new ValidationError('The document is for another rule set.', [{ pointer: '/key', code: 'key_mismatch', message: `must be '${key}' (the rule set in the address)` }]);
    const cur = await this.version(key, version);
    if (cur.family !== document.family) throw new ValidationError('A rule set cannot change family.', [{ pointer: '/family', code: 'family_mismatch', message: `must stay '${cur.family}'` }]);
    this.assertStatus(cur, ['draft'], 'edit', 'draft');
    const now = this.clock.now().toISOString();
    const next: RuleSetVersion = {
      ...cur,
      document,
      contentHash: contentHash(document),
      revision: cur.revision + 1,
      updatedBy: actorRef(actor),
      updatedAt: now,
      authors: cur.authors.includes(actor.id) ? cur.authors : [...cur.authors, actor.id],
    };
    const diff = diffDocuments(key, version, version, cur.document, document);
    return this.store.replaceVersion(next, { revision: expectedRevision, statuses: ['draft'] }, [
      auditEvent(actor, 'rule-set.draft-updated', entity(key, version), { before: light(cur), after: { ...light(next), changes: summariseDiff(diff) } }, now),
    ]);
  }

  async deleteDraft(key: string, version: number, expectedRevision: number | undefined, actor: Actor): Promise<void> {
    const cur = await this.version(key, version);
    this.assertStatus(cur, ['draft'], 'delete', 'deleted');
    await this.store.deleteVersion(key, version, { revision: expectedRevision ?? cur.revision, statuses: ['draft'] }, [
      auditEvent(actor, 'rule-set.draft-deleted', entity(key, version), { before: light(cur) }, this.clock.now().toISOString()),
    ]);
  }

  async transition(key: string, version: number, name: TransitionName, input: TransitionInput, actor: Actor): Promise<RuleSetVersion> {
    if (name === 'activate') return this.activate(key, version, input, actor, 'activate');
    const t = TRANSITIONS[name];
    const cur = await this.version(key, version);
    this.assertStatus(cur, t.from, name, t.to);
    const now = this.clock.now().toISOString();
    const stamp = { by: actorRef(actor), at: now, ...(input.comment ? { comment: input.comment } : {}) };
    const next: RuleSetVersion = { ...cur, status: t.to, revision: cur.revision + 1, updatedAt: now, updatedBy: actorRef(actor) };
    if (name === 'submit') {
      await this.assertPublishable(cur.document);
      next.submitted = stamp;
      delete next.rejected;
    } else if (name === 'approve') {
      await this.assertMayApprove(key, version, actor);
      if (input.simulationId) await this.approvalEvidence?.(key, version, input.simulationId);
      next.approved = { ...stamp, contentHash: cur.contentHash, ...(input.simulationId ? { simulationId: input.simulationId } : {}) };
    } else if (name === 'reject') {
      if (!input.comment?.trim()) throw new ValidationError('Say why the version is rejected.', [{ pointer: '/comment', code: 'required', message: 'is required when rejecting' }]);
      next.rejected = stamp;
      delete next.submitted;
    } else if (name === 'retire') {
      next.retired = stamp;
    }
    const saved = await this.store.replaceVersion(next, { revision: input.expectedRevision ?? cur.revision, statuses: t.from }, [
      auditEvent(actor, `rule-set.${pastTense(name)}`, entity(key, version), { before: light(cur), after: light(next), comment: input.comment }, now),
    ]);
    // The active version retired without a successor: this process stops deciding with it at once.
    if (cur.status === 'active') for (const l of this.listeners) l(saved);
    return saved;
  }

  /** Four eyes: nobody who wrote or edited a version may approve it. */
  async assertMayApprove(key: string, version: number, actor: Actor): Promise<void> {
    const cur = await this.store.getVersion(key, version);
    if (cur?.authors.includes(actor.id))
      throw new ForbiddenError('You wrote or edited this version, so someone else must approve it (four eyes).', 'four_eyes', { authors: cur.authors });
  }

  /** Re-activates an earlier version that was approved and active before. */
  async rollback(key: string, toVersion: number, comment: string | undefined, actor: Actor): Promise<RuleSetVersion> {
    const target = await this.version(key, toVersion);
    if (target.status !== 'retired' || !target.approved || !target.activated)
      throw new ConflictError('invalid_transition', `Only a retired version that was approved and active before can be rolled back to; version ${toVersion} is ${target.status}${target.activated ? '' : ' and was never active'}.`, {
        from: target.status,
        to: 'active',
        allowed: allowedTransitions(target.status),
      });
    return this.activate(key, toVersion, { comment }, actor, 'rollback');
  }

  private async activate(key: string, version: number, input: TransitionInput, actor: Actor, mode: 'activate' | 'rollback'): Promise<RuleSetVersion> {
    const t = TRANSITIONS[mode];
    // Two activations may race: the store's compare-and-set makes the loser fail; we re-read and try again.
    for (let attempt = 0; ; attempt++) {
      const cur = await this.version(key, version);
      this.assertStatus(cur, t.from, mode, 'active');
      if (!cur.approved || cur.approved.contentHash !== cur.contentHash)
        throw new ConflictError('approval_stale', 'The approval does not cover this content; it needs a new approval.', { approvedHash: cur.approved?.contentHash, contentHash: cur.contentHash });
      await this.assertPublishable(cur.document);
      const active = await this.store.getActive(key);
      const now = this.clock.now().toISOString();
      const stamp = { by: actorRef(actor), at: now, ...(input.comment ? { comment: input.comment } : {}) };
      const next: RuleSetVersion = { ...cur, status: 'active', revision: cur.revision + 1, updatedAt: now, updatedBy: actorRef(actor), activated: stamp };
      delete next.retired;
      const audit: AuditEvent[] = [];
      let retire: { next: RuleSetVersion; expect: { revision: number; statuses: Status[] } } | null = null;
      if (active && active.version !== version) {
        const retired: RuleSetVersion = { ...active, status: 'retired', revision: active.revision + 1, updatedAt: now, updatedBy: actorRef(actor), retired: { ...stamp, comment: `superseded by version ${version}` } };
        retire = { next: retired, expect: { revision: active.revision, statuses: ['active'] } };
        audit.push(auditEvent(actor, 'rule-set.retired', entity(key, active.version), { before: light(active), after: light(retired), comment: `superseded by version ${version}` }, now));
      }
      audit.push(auditEvent(actor, mode === 'rollback' ? 'rule-set.rolled-back' : 'rule-set.activated', entity(key, version), { before: light(cur), after: { ...light(next), previousActive: active?.version ?? null }, comment: input.comment }, now));
      try {
        const saved = await this.store.activateVersion(next, { revision: input.expectedRevision ?? cur.revision, statuses: t.from }, retire, audit);
        for (const l of this.listeners) l(saved);
        return saved;
      } catch (e) {
        if (e instanceof RevisionConflictError && input.expectedRevision === undefined && attempt < 3) continue;
        throw e;
      }
    }
  }

  /**
   * Installs a shipped rule set as the active version of a key that has none: used once, on a new store, so the
   * service can decide from its first minute. Recorded as the system's act, with its own audit action, rather than
   * pretending a second person approved it.
   */
  async installBaseline(doc: unknown, actor: Actor): Promise<RuleSetVersion> {
    const document = this.assertSavable(doc, '');
    if ((await this.store.listVersions(document.key)).length) throw new ConflictError('already_installed', `Rule set '${document.key}' already exists.`);
    const now = this.clock.now().toISOString();
    const by = actorRef(actor);
    const hash = contentHash(document);
    const stamp = { by, at: now, comment: 'default library shipped with Covenant, installed on a new store' };
    const record: Omit<RuleSetVersion, 'version'> = {
      id: newId('rs'), key: document.key, family: document.family, status: 'draft', revision: 1, contentHash: hash, document,
      basedOnVersion: null, createdBy: by, createdAt: now, updatedBy: by, updatedAt: now, authors: [actor.id],
    };
    const draft = await this.store.insertVersion(record, (version) => [auditEvent(actor, 'rule-set.baseline-loaded', entity(document.key, version), { after: light({ ...record, version } as RuleSetVersion) }, now)]);
    const approved: RuleSetVersion = { ...draft, status: 'approved', revision: 2, submitted: stamp, approved: { ...stamp, contentHash: hash } };
    await this.store.replaceVersion(approved, { revision: 1, statuses: ['draft'] }, [auditEvent(actor, 'rule-set.baseline-approved', entity(document.key, draft.version), { before: light(draft), after: light(approved), comment: stamp.comment }, now)]);
    return this.activate(document.key, draft.version, { comment: stamp.comment }, actor, 'activate');
  }

  async diff(key: string, from: number, to: number): Promise<RuleSetDiff> {
    const [a, b] = await Promise.all([this.version(key, from), this.version(key, to)]);
    return diffDocuments(key, from, to, a.document, b.document);
  }

  /** Validates an uploaded document and stores it as a new draft. */
  async import(doc: unknown, actor: Actor): Promise<RuleSetVersion> {
    return this.createDraft({ document: doc }, actor, 'rule-set.imported');
  }

  async publishReport(key: string, version: number) {
    return this.checker.publishReport((await this.version(key, version)).document);
  }

  private assertSavable(doc: unknown, base: string): RuleSetDocument {
    const problems = this.checker.saveProblems(doc).map((e) => ({ ...e, pointer: base + e.pointer }));
    if (problems.length) throw new ValidationError(`The rule set is not valid: ${problems.length} problem${problems.length > 1 ? 's' : ''}.`, problems);
    return doc as RuleSetDocument;
  }

  private async assertPublishable(doc: RuleSetDocument): Promise<void> {
    const report = await this.checker.publishReport(doc);
    if (report.errors.length)
      throw new AppError(422, 'not_publishable', 'The rule set cannot be published until these are fixed.', { tests: report.tests, warnings: report.warnings }, report.errors as FieldError[]);
  }

  private assertStatus(v: RuleSetVersion, from: Status[], action: string, to: Status | string): void {
    if (!from.includes(v.status))
      throw new ConflictError('invalid_transition', `Version ${v.version} of '${v.key}' is ${v.status}; it cannot be ${action === 'edit' ? 'edited' : action === 'delete' ? 'deleted' : `moved to ${to}`} (${action} needs ${from.join(' or ')}).`, {
        from: v.status,
        to,
        allowed: allowedTransitions(v.status),
      });
  }
}

const entity = (key: string, version: number) => ({ type: 'rule-set', id: `${key}@${version}`, key });

function light(v: RuleSetVersion) {
  return { version: v.version, status: v.status, revision: v.revision, contentHash: v.contentHash };
}

function pastTense(name: TransitionName): string {
  return ({ submit: 'submitted', approve: 'approved', reject: 'rejected', activate: 'activated', retire: 'retired', rollback: 'rolled-back' } as const)[name];
}

function summariseDiff(d: RuleSetDiff) {
  return {
    rulesAdded: d.rules.added,
    rulesRemoved: d.rules.removed,
    rulesChanged: d.rules.changed.map((c) => ({ name: c.name, fields: c.changes.slice(0, 20) })),
    meta: d.meta,
  };
}

function summarise(versions: RuleSetVersion[]): RuleSetSummary {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const latest = sorted[0];
  const active = sorted.find((v) => v.status === 'active');
  const last = [...sorted].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0];
  return {
    key: latest.key,
    family: latest.family,
    name: (active ?? latest).document.name,
    active: active ? { version: active.version, contentHash: active.contentHash, activatedAt: active.activated?.at } : null,
    drafts: sorted.filter((v) => v.status === 'draft' || v.status === 'in_review' || v.status === 'approved').map((v) => ({ version: v.version, status: v.status, updatedAt: v.updatedAt, updatedBy: v.updatedBy })),
    latestVersion: latest.version,
    lastChange: { at: last.updatedAt, by: last.updatedBy },
  };
}
