/**
 * The client register's record: a client profile (exactly the facts module's ClientProfile, the shape derive()
 * reads) wrapped with what the register adds — an id, a revision for compare-and-set, the natural key it is
 * upserted by, the segments the monitoring run sets, and who changed it when.
 */
import type { ActorRef } from '../audit/audit';
import type { Severity } from '../facts/client-event';
import { CLASS_5CAT, type Class5cat } from '../facts/client-facility';
import type { ClientProfile, IndustrySection } from '../facts/client-profile';

/**
 * What the monitoring run (segmentation and warning rule sets) concluded about the client. Every field is null
 * until a run sets it. They are not part of the profile: setting them does not bump the profile's revision, so a
 * monitoring run never makes a person's edit stale.
 */
export interface ClientSegments {
  tier: string | null;
  tags: string[] | null;
  class5: Class5cat | null;
  ifrs9Stage: 1 | 2 | 3 | null;
  /** Worst severity among the client's open alerts. */
  riskLevel: Severity | null;
  updatedAt: string | null;
  updatedBy: ActorRef | null;
}

export const EMPTY_SEGMENTS: ClientSegments = { tier: null, tags: null, class5: null, ifrs9Stage: null, riskLevel: null, updatedAt: null, updatedBy: null };

/** The segment values a caller sets (the stamp is the store's to write). */
export type SegmentValues = Omit<ClientSegments, 'updatedAt' | 'updatedBy'>;

export interface ClientRecord {
  /** `cli_…`, assigned by the register. */
  id: string;
  /** Grows by one with every change to the profile (not with segment changes). */
  revision: number;
  /** Natural key, unique in the register: `uscc:<USCC>`, else `lei:<LEI>`, else `reg:<country>:<local number>`. */
  key: string;
  /** The profile as submitted, without `id` (the record's id is the client's id). */
  profile: ClientProfile;
  segments: ClientSegments;
  createdAt: string;
  createdBy: ActorRef;
  updatedAt: string;
  updatedBy: ActorRef;
}

/** One row of a client list: the indexed fields, never the statements and facilities. */
export interface ClientSummary {
  id: string;
  revision: number;
  key: string;
  name: string;
  nameEn: string | null;
  uscc: string | null;
  lei: string | null;
  country: string;
  provinceCode: string | null;
  industrySection: IndustrySection | null;
  relationshipManager: string | null;
  /** Σ outstanding at our bank (latest status snapshot, else drawn), in the client's currency. */
  exposure: number;
  /** Worst five-category class booked on the facilities (latest snapshots): the core-banking view. */
  bookedClass5: Class5cat | null;
  segments: ClientSegments;
  updatedAt: string;
}

/** One classification change, kept per client (newest first when listed). */
export interface SegmentChange {
  /** `cls_…` */
  id: string;
  clientId: string;
  at: string;
  by: ActorRef;
  before: SegmentValues;
  after: SegmentValues;
  /** Why: e.g. the rule set and version that decided, or "manual override". */
  reason?: string;
  ruleSet?: { key: string; version: number };
}

export const INTERNATIONAL_KEY_HINT = 'a client registered outside China needs lei or localRegNo';

/** The natural key of a profile, or null when it carries no identifier at all. */
export function naturalKey(p: Pick<ClientProfile, 'uscc' | 'lei' | 'localRegNo' | 'country'>): string | null {
  if (p.uscc) return `uscc:${normalizeId(p.uscc)}`;
  if (p.lei) return `lei:${normalizeId(p.lei)}`;
  if (p.localRegNo) return `reg:${(p.country ?? '').toUpperCase()}:${p.localRegNo.trim()}`;
  return null;
}

export function normalizeId(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

/** Σ outstanding of the facilities: the latest snapshot's outstanding principal, else the drawn amount. */
export function exposureOf(p: ClientProfile): number {
  let total = 0;
  for (const f of p.facilities ?? []) {
    const snap = latest(f.monthly);
    const v = snap && typeof snap.outstandingPrincipal === 'number' ? snap.outstandingPrincipal : typeof f.drawn === 'number' ? f.drawn : 0;
    if (Number.isFinite(v) && v > 0) total += v;
  }
  return total;
}

/** The worst class5cat among the facilities' latest snapshots (facilities without one are ignored). */
export function bookedClass5Of(p: ClientProfile): Class5cat | null {
  let worst = -1;
  for (const f of p.facilities ?? []) {
    const c = latest(f.monthly)?.class5cat;
    if (c) worst = Math.max(worst, CLASS_5CAT.indexOf(c));
  }
  return worst < 0 ? null : CLASS_5CAT[worst];
}

function latest<T extends { snapshot: string }>(months: T[] | undefined): T | undefined {
  let best: T | undefined;
  for (const m of months ?? []) if (!best || m.snapshot > best.snapshot) best = m;
  return best;
}

/** The indexed fields that come from the profile alone. */
export type ProfileSummary = Omit<ClientSummary, 'id' | 'revision' | 'key' | 'segments' | 'updatedAt'>;

export function profileSummary(p: ClientProfile): ProfileSummary {
  return {
    name: p.name,
    nameEn: p.nameEn ?? null,
    uscc: p.uscc ? normalizeId(p.uscc) : null,
    lei: p.lei ? normalizeId(p.lei) : null,
    country: p.country,
    provinceCode: p.provinceCode ?? null,
    industrySection: p.industry?.section ?? null,
    relationshipManager: p.relationshipManager ?? null,
    exposure: exposureOf(p),
    bookedClass5: bookedClass5Of(p),
  };
}

/** The summary of a record: what lists show and stores index. */
export function summarize(r: ClientRecord): ClientSummary {
  return { id: r.id, revision: r.revision, key: r.key, ...profileSummary(r.profile), segments: r.segments, updatedAt: r.updatedAt };
}

/**
 * A client as an import hands it to the store: the profile already serialised (by the import's worker thread) with
 * the fields the store indexes, so that writing 100,000 of them costs no parsing or serialising in the thread that
 * holds the database connection.
 */
export interface PreparedClient {
  id: string;
  key: string;
  summary: ProfileSummary;
  /**
   * JSON text of the normalised profile (no id), as a string or as its UTF-8 bytes (an import's spool is read as
   * bytes: the embedded store writes them as they are, without turning 15 KB a row into a string and back).
   */
  profileJson: string | Buffer;
  createdAt: string;
  createdBy: ActorRef;
  updatedAt: string;
  updatedBy: ActorRef;
}

export function segmentValues(s: ClientSegments): SegmentValues {
  return { tier: s.tier, tags: s.tags, class5: s.class5, ifrs9Stage: s.ifrs9Stage, riskLevel: s.riskLevel };
}

/**
 * A client's region for the dashboards: its GB/T 2260 province code (`51`) when it is in China and has one,
 * otherwise its country (`SG`; `CN` for a Chinese client without a province code). Digits and letters cannot
 * collide. The SQLite and MongoDB adapters compute the same key in their queries.
 */
export function regionOf(c: { country: string; provinceCode: string | null }): string {
  return c.country === 'CN' && c.provinceCode ? c.provinceCode : c.country;
}
