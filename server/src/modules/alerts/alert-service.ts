import type { Actor } from '../../shared/actor';
import { actorRef } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { AppError, ConflictError, ForbiddenError, NotFoundError, RevisionConflictError, ValidationError } from '../../shared/errors';
import { auditEvent, type AuditEvent, type Page } from '../audit/audit';
import { FOUR_EYES_SEVERITIES, isActive, type Alert, type AlertNote, type AlertStatus, type AlertSummary } from './alert';
import type { AlertChange, AlertFilter, AlertStore, PageRequest, SignalOutcome, SignalRun } from './alert-store';

/** Told after a person closed an alert (resolved or dismissed): the client's risk level may have changed. */
export type AlertClosedListener = (clientId: string, by: Actor) => void;

export interface BulkResult {
  acknowledged: string[];
  skipped: { id: string; code: string; message: string }[];
}

const entity = (a: Pick<Alert, 'id' | 'clientId'>) => ({ type: 'alert', id: a.id, key: a.clientId });

/** What an audit event shows of an alert: its state, not its notes. */
function view(a: Alert) {
  const { notes: _n, noteCount: _c, ...rest } = a;
  return { status: rest.status, severity: rest.severity, dueAt: rest.dueAt, owner: rest.owner, revision: rest.revision, ruleId: rest.ruleId, rule: rest.rule, ...(rest.dismissal ? { dismissal: rest.dismissal } : {}) };
}

/**
 * Alerts' use cases. Monitoring runs open, escalate and mark alerts through `recordSignals`; people move them
 * along open → acknowledged → in progress → resolved | dismissed. Every change is compare-and-set on the revision
 * and audited in the same transaction. Dismissing a red or orange alert takes two people: one asks (with a
 * reason), another confirms (domain.md §4.3: clearing a signal needs sign-off from someone else).
 */
export class AlertService {
  private readonly closedListeners: AlertClosedListener[] = [];

  constructor(
    private readonly store: AlertStore,
    private readonly clock: Clock,
  ) {}

  onClosed(l: AlertClosedListener): void {
    this.closedListeners.push(l);
  }

  /** Records one evaluation of many clients (a scan batch, or a change); audited as the monitoring actor. */
  async recordSignals(runs: SignalRun[], at: string, actor: Actor): Promise<SignalOutcome[]> {
    return this.store.recordSignals(runs, at, (c) => [changeEvent(c, actor, at)]);
  }

  async worstActive(clientId: string) {
    return this.store.worstActive(clientId);
  }

  async list(filter: AlertFilter, page: PageRequest): Promise<Page<Alert>> {
    return this.store.list(filter, page);
  }

  /** Active alerts by severity with the overdue ones (due day before today, UTC, at the service's clock). */
  async summary(owner: string | undefined): Promise<AlertSummary> {
    const asOf = this.clock.now().toISOString();
    const bySeverity = await this.store.countActive(asOf.slice(0, 10), owner);
    return {
      asOf,
      owner: owner ?? null,
      total: bySeverity.reduce((n, c) => n + c.count, 0),
      overdue: bySeverity.reduce((n, c) => n + c.overdue, 0),
      bySeverity,
    };
  }

  async get(id: string): Promise<Alert> {
    const a = await this.store.get(id);
    if (!a) throw new NotFoundError('Alert', id);
    return a;
  }

  async acknowledge(id: string, actor: Actor, expectedRevision?: number): Promise<Alert> {
    return this.transition(id, actor, expectedRevision, 'alert.acknowledged', ['open'], (a, now, by) => ({ ...a, status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: by }));
  }

  async start(id: string, actor: Actor, expectedRevision?: number): Promise<Alert> {
    return this.transition(id, actor, expectedRevision, 'alert.started', ['open', 'acknowledged'], (a, now, by) => ({
      ...a,
      status: 'in_progress',
      startedAt: now,
      startedBy: by,
      ...(a.acknowledgedAt ? {} : { acknowledgedAt: now, acknowledgedBy: by }),
    }));
  }

  async resolve(id: string, comment: string, actor: Actor, expectedRevision?: number): Promise<Alert> {
    const text = requireText(comment, '/comment', 'Say how the alert was resolved');
    return this.transition(id, actor, expectedRevision, 'alert.resolved', ['open', 'acknowledged', 'in_progress'], (a, now, by) => ({ ...a, status: 'resolved', closedAt: now, closedBy: by, closingComment: text }), text);
  }

  /**
   * Dismisses a blue or yellow alert at once; for a red or orange one records the request, which a second person
   * must confirm. The reason is required either way.
   */
  async dismiss(id: string, reason: string, actor: Actor, expectedRevision?: number): Promise<Alert> {
    const text = requireText(reason, '/comment', 'Give the reason for dismissing the alert');
    const cur = await this.get(id);
    if (!FOUR_EYES_SEVERITIES.includes(cur.severity))
      return this.transition(id, actor, expectedRevision, 'alert.dismissed', ['open', 'acknowledged', 'in_progress'], (a, now, by) => ({ ...a, status: 'dismissed', closedAt: now, closedBy: by, closingComment: text, dismissal: null }), text, cur);
    return this.transition(id, actor, expectedRevision, 'alert.dismissal-requested', ['open', 'acknowledged', 'in_progress'], (a, now, by) => {
      if (a.dismissal) throw new ConflictError('dismissal_pending', `${a.dismissal.requestedBy.name} already asked to dismiss this alert; another person confirms or refuses that request.`, { dismissal: a.dismissal });
      return { ...a, dismissal: { requestedAt: now, requestedBy: by, reason: text } };
    }, text, cur);
  }

  /** The second person's confirmation of a red or orange dismissal; the requester may not confirm their own. */
  async confirmDismissal(id: string, comment: string | undefined, actor: Actor, expectedRevision?: number): Promise<Alert> {
    const cur = await this.get(id);
    if (cur.dismissal && cur.dismissal.requestedBy.id === actor.id && cur.dismissal.requestedBy.kind === actor.kind)
      throw new ForbiddenError('Four eyes: the person who asked to dismiss an alert cannot confirm it; someone else must.', 'four_eyes', { requestedBy: cur.dismissal.requestedBy });
    return this.transition(id, actor, expectedRevision, 'alert.dismissed', ['open', 'acknowledged', 'in_progress'], (a, now, by) => {
      if (!a.dismissal) throw new ConflictError('no_dismissal_request', 'Nobody has asked to dismiss this alert; ask first (POST …/dismiss with the reason).');
      const note = comment?.trim() ? ` — confirmed: ${comment.trim()}` : '';
      return { ...a, status: 'dismissed', closedAt: now, closedBy: by, closingComment: `${a.dismissal.reason}${note}` };
    }, comment, cur);
  }

  /** Refuses a pending dismissal request (anyone with alerts:write but the requester); the alert stays active. */
  async refuseDismissal(id: string, comment: string, actor: Actor, expectedRevision?: number): Promise<Alert> {
    const text = requireText(comment, '/comment', 'Say why the dismissal is refused');
    return this.transition(id, actor, expectedRevision, 'alert.dismissal-refused', ['open', 'acknowledged', 'in_progress'], (a) => {
      if (!a.dismissal) throw new ConflictError('no_dismissal_request', 'Nobody has asked to dismiss this alert.');
      return { ...a, dismissal: null };
    }, text);
  }

  /**
   * The client left the register: its active alerts are closed as resolved, saying so, by whoever deleted it (there
   * is nobody left to act on them, and an inbox must not keep work that cannot be done). Returns how many.
   */
  async closeForDeletedClient(clientId: string, actor: Actor): Promise<number> {
    const comment = 'closed: the client was deleted from the register';
    let closed = 0;
    for (let round = 0; round < 10; round++) {
      const page = await this.store.list({ clientId, status: 'active' }, { limit: 500 });
      if (!page.items.length) return closed;
      for (const a of page.items) {
        try {
          await this.transition(a.id, actor, undefined, 'alert.resolved', ['open', 'acknowledged', 'in_progress'], (x, now, by) => ({ ...x, status: 'resolved', closedAt: now, closedBy: by, closingComment: comment, dismissal: null }), comment);
          closed++;
        } catch (e) {
          // Closed by someone meanwhile: nothing left to do for that one; the next page re-reads what is active.
          if (!(e instanceof ConflictError)) throw e;
        }
      }
    }
    return closed;
  }

  async addNote(id: string, text: string, actor: Actor): Promise<AlertNote> {
    const body = requireText(text, '/text', 'Write the note');
    const now = this.now();
    return this.store.addNote(id, { at: now, by: actorRef(actor), text: body }, (n) => [auditEvent(actor, 'alert.note-added', { type: 'alert', id }, { after: { seq: n.seq, text: n.text } }, now)]);
  }

  /** Acknowledges each open alert of `ids`; the others are listed with the reason they were skipped. */
  async acknowledgeMany(ids: string[], actor: Actor): Promise<BulkResult> {
    const out: BulkResult = { acknowledged: [], skipped: [] };
    for (const id of [...new Set(ids)]) {
      try {
        await this.acknowledge(id, actor);
        out.acknowledged.push(id);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        out.skipped.push({ id, code: e.code, message: e.message });
      }
    }
    return out;
  }

  private async transition(
    id: string,
    actor: Actor,
    expectedRevision: number | undefined,
    action: string,
    from: AlertStatus[],
    next: (a: Alert, now: string, by: ReturnType<typeof actorRef>) => Alert,
    comment?: string,
    known?: Alert,
  ): Promise<Alert> {
    const cur = known ?? (await this.get(id));
    if (expectedRevision !== undefined && expectedRevision !== cur.revision) throw new RevisionConflictError(`Alert ${id}`, expectedRevision, cur.revision);
    if (!from.includes(cur.status)) throw notFrom(cur, action);
    const now = this.now();
    const by = actorRef(actor);
    const { notes: _n, noteCount: _c, ...plain } = cur;
    const changed: Alert = { ...next(plain, now, by), revision: cur.revision + 1, updatedAt: now, updatedBy: by };
    const saved = await this.store.update(changed, cur.revision, [auditEvent(actor, action, entity(cur), { before: view(cur), after: view(changed), ...(comment ? { comment } : {}) }, now)]);
    if (isActive(cur.status) && !isActive(saved.status)) for (const l of this.closedListeners) safely(() => l(saved.clientId, actor));
    return saved;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function changeEvent(c: AlertChange, actor: Actor, at: string): AuditEvent {
  const a = c.alert;
  switch (c.kind) {
    case 'opened':
      return auditEvent(actor, 'alert.opened', entity(a), { after: { ...view(a), clientId: a.clientId, source: a.source } }, at);
    case 'escalated':
      return auditEvent(actor, 'alert.escalated', entity(a), { before: view(c.before), after: view(a) }, at);
    case 'stopped-firing':
      return auditEvent(actor, 'alert.stopped-firing', entity(a), { before: { stillFiring: true }, after: { stillFiring: false } }, at);
    case 'firing-again':
      return auditEvent(actor, 'alert.firing-again', entity(a), { before: { stillFiring: false }, after: { stillFiring: true } }, at);
    case 'reassigned':
      return auditEvent(actor, 'alert.reassigned', entity(a), { before: view(c.before), after: view(a), comment: "the client's relationship manager changed" }, at);
  }
}

function notFrom(a: Alert, action: string): ConflictError {
  const verb = action.replace(/^alert\./, '').replace(/-/g, ' ');
  return new ConflictError('invalid_transition', `Alert ${a.id} is ${a.status.replace('_', ' ')}; it cannot be ${verb} from there.`, { status: a.status });
}

function requireText(v: string | undefined, pointer: string, message: string): string {
  const t = typeof v === 'string' ? v.trim() : '';
  if (!t) throw new ValidationError(`${message}.`, [{ pointer, code: 'required', message: 'is required and must not be blank' }]);
  return t;
}

function safely(f: () => void) {
  try {
    f();
  } catch {
    /* a listener's failure is its own: the change has committed */
  }
}
