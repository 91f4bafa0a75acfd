/**
 * Audit payloads for client changes. A profile can be tens of kilobytes (eight quarters of statements, loan
 * schedules), so an audit event records the fields that changed: small values in full, large ones (statement
 * and facility arrays) as a count and a content hash, which is enough to prove what changed without copying
 * the book into the audit trail.
 */
import { contentHash } from '../../shared/canonical-json';
import type { ClientProfile } from '../facts/client-profile';
import type { ClientRecord } from './client';

const INLINE_LIMIT = 2000;

function compact(v: unknown): unknown {
  if (v === undefined) return null;
  const text = JSON.stringify(v);
  if (text.length <= INLINE_LIMIT) return v;
  return Array.isArray(v) ? { items: v.length, hash: contentHash(v) } : { hash: contentHash(v) };
}

/** The identity of a client as audit events show it. */
export function identity(r: Pick<ClientRecord, 'id' | 'key' | 'revision' | 'profile'>) {
  return { id: r.id, key: r.key, revision: r.revision, name: r.profile.name };
}

/** Changed top-level profile fields, before and after. */
export function profileChanges(before: ClientProfile, after: ClientProfile): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof ClientProfile>;
  for (const k of keys) {
    if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
    b[k] = compact(before[k]);
    a[k] = compact(after[k]);
  }
  return { before: b, after: a };
}

/** A created client: its identity plus each field (large ones compacted). */
export function createdPayload(r: ClientRecord): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.profile)) fields[k] = compact(v);
  return { ...identity(r), profile: fields };
}
