import type { AuditEvent, ActorRef } from '../../server/src/modules/audit/audit';
import type { ApiKey, Session, User } from '../../server/src/modules/auth/user';
import type { RuleSetVersion, Status } from '../../server/src/modules/rule-sets/rule-set';
import { newId } from '../../server/src/shared/ids';
import type { Stores } from '../../server/src/storage/stores';

/** What every runner hands the suites: a fresh, empty store family and a way to throw it away. */
export type OpenStores = () => Promise<{ stores: Stores; cleanup(): Promise<void> }>;

/**
 * Runs `body` on a fresh store family per test. Each test gets its own (file, database) so the suites can run in
 * any order and a failure leaves nothing behind for the next one.
 */
export function withStores(open: OpenStores) {
  return (body: (stores: Stores) => Promise<void>) => async () => {
    const { stores, cleanup } = await open();
    try {
      await body(stores);
    } finally {
      await cleanup();
    }
  };
}

export const alice: ActorRef = { kind: 'user', id: 'usr_alice', name: 'alice' };
export const bob: ActorRef = { kind: 'user', id: 'usr_bob', name: 'bob' };

const T0 = Date.parse('2025-01-01T00:00:00.000Z');
export const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

export function event(over: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: newId('aud'),
    at: iso(0),
    actor: alice,
    action: 'test.happened',
    entityType: 'thing',
    entityId: 'thing-1',
    entityKey: 'thing-1',
    before: { a: 1 },
    after: { a: 2 },
    ...over,
  };
}

/** A version record as the service would insert it (everything but the number the store assigns). */
export function draft(key: string, over: Partial<RuleSetVersion> = {}): Omit<RuleSetVersion, 'version'> {
  return {
    id: newId('rs'),
    key,
    family: 'credit-policy',
    status: 'draft',
    revision: 1,
    contentHash: 'sha256:' + 'a'.repeat(64),
    document: {
      key,
      family: 'credit-policy',
      name: { zh: '授信政策', en: 'Credit policy' },
      outputs: { decision: { type: 'string', merge: 'worst', order: ['decline', 'refer', 'approve'], default: 'approve' }, tags: { type: 'array', merge: 'union' } },
      rules: [
        {
          name: 'high-leverage',
          priority: 10,
          conditions: { all: [{ fact: 'debtRatio', operator: 'greaterThan', value: 0.8 }] },
          event: { type: 'decision', params: {} },
        },
      ],
    },
    basedOnVersion: null,
    createdBy: alice,
    createdAt: iso(0),
    updatedBy: alice,
    updatedAt: iso(0),
    authors: [alice.id],
    ...over,
  };
}

/** The next state of `v` as a service computes it: new status, revision bumped. */
export function advance(v: RuleSetVersion, status: Status, over: Partial<RuleSetVersion> = {}): RuleSetVersion {
  return { ...structuredClone(v), status, revision: v.revision + 1, updatedAt: iso(v.revision), ...over };
}

export function versionEvent(v: { key: string; version: number }, action: string): AuditEvent {
  return event({ action, entityType: 'rule-set', entityId: `${v.key}@${v.version}`, entityKey: v.key });
}

/** Inserts a version and walks it to `status` through the store, the way the service would. */
export async function versionIn(stores: Stores, key: string, status: 'draft' | 'in_review' | 'approved'): Promise<RuleSetVersion> {
  let v = await stores.ruleSets.insertVersion(draft(key), () => []);
  const path: Status[] = status === 'draft' ? [] : status === 'in_review' ? ['in_review'] : ['in_review', 'approved'];
  for (const s of path) v = await stores.ruleSets.replaceVersion(advance(v, s), { revision: v.revision, statuses: [v.status] }, []);
  return v;
}

export function user(username: string, over: Partial<User> = {}): User {
  return {
    id: newId('usr'),
    username,
    displayName: username.toUpperCase(),
    roles: ['analyst'],
    rmCode: null,
    passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
    disabled: false,
    demo: false,
    revision: 1,
    failedLogins: 0,
    lockedUntil: null,
    lastLoginAt: null,
    passwordChangedAt: iso(0),
    createdAt: iso(0),
    updatedAt: iso(0),
    ...over,
  };
}

export function session(userId: string, over: Partial<Session> = {}): Session {
  return {
    tokenHash: newId('ses').padEnd(64, '0'),
    id: newId('ses'),
    userId,
    csrfToken: newId('req'),
    createdAt: iso(0),
    lastSeenAt: iso(0),
    expiresAt: iso(60),
    ...over,
  };
}

export function apiKey(prefix: string, over: Partial<ApiKey> = {}): ApiKey {
  return {
    id: newId('key'),
    name: `key ${prefix}`,
    prefix,
    secretHash: 'sha256:' + prefix.padEnd(64, 'f'),
    scopes: ['decisions:evaluate'],
    createdBy: alice,
    createdAt: iso(0),
    revokedAt: null,
    lastUsedAt: null,
    ...over,
  };
}

/** Every audit event in the store, newest first (walks all pages). */
export async function allEvents(stores: Stores): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await stores.audit.list({ cursor, limit: 500 });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Resolves to the error `p` rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** Activation as the rule-set service does it: read the version and the active one, then activate retiring that one. */
export async function activateAsServiceWould(stores: Stores, key: string, version: number, afterRead: () => void = () => {}): Promise<RuleSetVersion> {
  const v = await stores.ruleSets.getVersion(key, version);
  if (!v) throw new Error(`${key}@${version} does not exist`);
  const active = await stores.ruleSets.getActive(key);
  afterRead();
  const retire = active ? { next: advance(active, 'retired'), expect: { revision: active.revision, statuses: ['active' as Status] } } : null;
  const events = [versionEvent(v, 'rule-set.activated'), ...(active ? [versionEvent(active, 'rule-set.retired')] : [])];
  return stores.ruleSets.activateVersion(advance(v, 'active'), { revision: v.revision, statuses: ['approved'] }, retire, events);
}
