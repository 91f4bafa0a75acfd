/**
 * What every ClientStore adapter shares: the errors its promises name, the filter semantics (for adapters that
 * filter in code) and the dashboard aggregation over summaries.
 */
import { ConflictError } from '../../shared/errors';
import { CLASS_5CAT } from '../facts/client-facility';
import { SEVERITIES } from '../facts/client-event';
import { EMPTY_SEGMENTS, regionOf, type ClientRecord, type ClientSummary, type PreparedClient } from './client';
import type { AuditEvent } from '../audit/audit';
import type { Bucket, ClientAggregates, ClientFilter, UpsertResult } from './client-store';

export function exists(key: string, id: string): ConflictError {
  return new ConflictError('client_exists', `A client with ${describeKey(key)} is already registered (${id}).`, { id, key });
}

export function describeKey(key: string): string {
  const [kind, ...rest] = key.split(':');
  if (kind === 'uscc') return `USCC ${rest.join(':')}`;
  if (kind === 'lei') return `LEI ${rest.join(':')}`;
  return `local registration number ${rest.slice(1).join(':')} (${rest[0]})`;
}

export function assertDistinctKeys(records: { key: string }[]): void {
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.key)) throw new ConflictError('duplicate_key', `${describeKey(r.key)} appears twice in one batch.`, { key: r.key });
    seen.add(r.key);
  }
}

/** The search term as a USCC/LEI prefix: identifiers are stored upper-case without spaces. */
export function idPrefix(q: string): string {
  return q.replace(/\s+/g, '').toUpperCase();
}

export function matchesFilter(s: ClientSummary, f: ClientFilter): boolean {
  if (f.industrySection !== undefined && s.industrySection !== f.industrySection) return false;
  if (f.provinceCode !== undefined && s.provinceCode !== f.provinceCode) return false;
  if (f.country !== undefined && s.country !== f.country) return false;
  if (f.tier !== undefined && s.segments.tier !== f.tier) return false;
  if (f.class5 !== undefined && s.segments.class5 !== f.class5) return false;
  if (f.bookedClass5 !== undefined && s.bookedClass5 !== f.bookedClass5) return false;
  if (f.ifrs9Stage !== undefined && s.segments.ifrs9Stage !== f.ifrs9Stage) return false;
  if (f.riskLevel !== undefined && s.segments.riskLevel !== f.riskLevel) return false;
  if (f.relationshipManager !== undefined && s.relationshipManager !== f.relationshipManager) return false;
  if (f.tag !== undefined && !(s.segments.tags ?? []).includes(f.tag)) return false;
  if (f.q !== undefined && f.q !== '') {
    const q = f.q.toLowerCase();
    const prefix = idPrefix(f.q);
    const hit = s.name.toLowerCase().includes(q) || (s.nameEn ?? '').toLowerCase().includes(q) || (s.uscc ?? '').startsWith(prefix) || (s.lei ?? '').startsWith(prefix);
    if (!hit) return false;
  }
  return true;
}

const ORDER: Record<string, readonly (string | number)[]> = {
  byClass5: CLASS_5CAT,
  byBookedClass5: CLASS_5CAT,
  byRiskLevel: SEVERITIES,
  byIfrs9Stage: [1, 2, 3],
};

/** Buckets in a fixed, meaningful order: categories in their own order, others alphabetically, null last. */
export function sortBuckets<K extends string | number>(name: keyof ClientAggregates, buckets: Bucket<K>[]): Bucket<K>[] {
  const order = ORDER[name];
  const rank = (k: K | null) => (k === null ? Number.MAX_SAFE_INTEGER : order ? order.indexOf(k) : 0);
  return [...buckets].sort((a, b) => rank(a.key) - rank(b.key) || (a.key === null ? 1 : b.key === null ? -1 : String(a.key) < String(b.key) ? -1 : String(a.key) > String(b.key) ? 1 : 0));
}

export function aggregateSummaries(list: ClientSummary[]): ClientAggregates {
  const groups = {
    byClass5: (s: ClientSummary) => s.segments.class5,
    byBookedClass5: (s: ClientSummary) => s.bookedClass5,
    byIfrs9Stage: (s: ClientSummary) => s.segments.ifrs9Stage,
    byTier: (s: ClientSummary) => s.segments.tier,
    byRiskLevel: (s: ClientSummary) => s.segments.riskLevel,
    byIndustry: (s: ClientSummary) => s.industrySection,
    byRegion: (s: ClientSummary) => regionOf(s),
  };
  const out = { count: list.length, exposure: list.reduce((a, s) => a + s.exposure, 0) } as ClientAggregates;
  for (const [name, keyOf] of Object.entries(groups) as [keyof typeof groups, (s: ClientSummary) => string | number | null][]) {
    const m = new Map<string | number | null, Bucket<string | number>>();
    for (const s of list) {
      const k = keyOf(s);
      const b = m.get(k) ?? { key: k, count: 0, exposure: 0 };
      b.count++;
      b.exposure += s.exposure;
      m.set(k, b);
    }
    (out as unknown as Record<string, unknown>)[name] = sortBuckets(name, [...m.values()]);
  }
  return out;
}

/** A prepared client as a record (the adapters that do not store JSON text upsert it like any other). */
export function recordOfPrepared(p: PreparedClient): ClientRecord {
  return {
    id: p.id, revision: 1, key: p.key, profile: JSON.parse(typeof p.profileJson === 'string' ? p.profileJson : p.profileJson.toString('utf8')), segments: { ...EMPTY_SEGMENTS },
    createdAt: p.createdAt, createdBy: p.createdBy, updatedAt: p.updatedAt, updatedBy: p.updatedBy,
  };
}

/** upsertPrepared in terms of upsertMany, for adapters without a faster way. */
export function upsertPreparedVia(
  upsertMany: (records: ClientRecord[], audit: (record: ClientRecord, result: UpsertResult) => AuditEvent[]) => Promise<UpsertResult[]>,
  rows: PreparedClient[],
  audit: (row: PreparedClient, result: UpsertResult) => AuditEvent[],
): Promise<UpsertResult[]> {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return upsertMany(rows.map(recordOfPrepared), (rec, res) => audit(byKey.get(rec.key) as PreparedClient, res));
}
