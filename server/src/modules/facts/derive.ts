/**
 * derive(profile, {asOf, params}) → every catalog fact, computed with the formulas of domain.md.
 *
 * Pure: no clock, no I/O; the same profile, as-of date and params always give the same answer. Every catalog
 * name is present in `facts`; a fact that cannot be computed is null, with the reason in `reasons[name]`.
 * `notes[name]` says how a non-null value was obtained when there was a choice (TTM or annualised, closing
 * instead of average balance, a fallback source). No number in the answer is ever NaN or ±Infinity.
 */
import { FACT_CATALOG } from './catalog';
import type { FactGroup } from './catalog-types';
import type { ClientProfile } from './client-profile';
import { collateralFacts } from './collateral';
import { type Computed, isNum, none, ok } from './computed';
import { dayNumber } from './dates';
import { activeEvents, eventFacts } from './events';
import { financialFacts } from './financial-facts';
import { facilityStatuses, loanFacts } from './loan-facts';
import { type DeriveParamsInput, resolveParams } from './params';
import { projectFacts } from './project-finance';
import { ratingFacts } from './ratings';
import { relationshipFacts } from './relationship';
import { validateLei, validateUscc } from './uscc';

export type FactValue = number | string | boolean | null | unknown[];

export interface DeriveOptions {
  /** ISO date (YYYY-MM-DD) the facts are true on. */
  asOf: string;
  params?: DeriveParamsInput;
}

export interface DeriveResult {
  asOf: string;
  facts: Record<string, FactValue>;
  reasons: Record<string, string>;
  notes: Record<string, string>;
}

type Facts = Record<string, Computed<unknown>>;

export function derive(profile: ClientProfile, opts: DeriveOptions): DeriveResult {
  const asOf = opts.asOf;
  if (dayNumber(asOf) === null || asOf.length !== 10) throw new RangeError(`asOf must be a date in the form YYYY-MM-DD; it was ${JSON.stringify(asOf)}`);
  const p = resolveParams(opts.params);
  // Every module's answers, by fact name; assemble() then walks the catalog in order.
  const c = new Map<string, Computed<unknown>>();
  const add = (r: Facts) => {
    for (const k in r) c.set(k, r[k]);
  };
  add(inputFacts(profile));
  add(identityFacts(profile));

  const fin = financialFacts(profile, asOf, p);
  add(fin.facts);
  const latest = fin.timeline.latest;
  const netAssets = isNum(latest?.totalEquity) ? latest.totalEquity : undefined;

  const statuses = facilityStatuses(profile, asOf, p);
  add(loanFacts(profile, statuses, p));
  add(collateralFacts(profile, statuses, asOf, p, netAssets));
  add(projectFacts(profile.project, asOf, p));

  const active = activeEvents(profile.events, asOf, p.eventLookbackDays);
  add(eventFacts(profile.events, active, asOf, { totalAssets: isNum(latest?.totalAssets) ? latest.totalAssets : undefined, netAssets }));
  const activeTypes = new Set(active.map((e) => e.type));
  const notches = active.filter((e) => e.type === 'rating_downgrade' && isNum(e.notches)).map((e) => e.notches as number);
  add(ratingFacts(profile, notches, activeTypes.has('rating_negative_watch')));
  add(relationshipFacts(profile, asOf, (c.get('ead')?.value as number | null | undefined) ?? null, p));

  // Event evidence completes facts that other sources also feed.
  orWithEvent(c, 'auditorChanged', activeTypes.has('auditor_change'));
  orWithEvent(c, 'guarantorInDefault', activeTypes.has('guarantor_default'));
  orWithEvent(c, 'hasNplAtOtherBank', activeTypes.has('other_bank_npl'));
  orWithEvent(c, 'hasSpecialMentionAtOtherBank', activeTypes.has('other_bank_special_mention'));

  const unavailable: Partial<Record<FactGroup, string>> = {};
  if (fin.unavailable) for (const g of ['financial', 'trend', 'model'] as const) unavailable[g] = fin.unavailable;
  return assemble(asOf, c, unavailable);
}

function orWithEvent(c: Map<string, Computed<unknown>>, name: string, event: boolean): void {
  if (event) c.set(name, ok(true, c.get(name)?.value === true ? undefined : 'from an active event'));
}

/** Plain copies of profile fields, under their fact names. */
function inputFacts(pr: ClientProfile): Facts {
  const copy = (v: unknown, field: string): Computed<unknown> => (v === undefined || v === null ? none(`${field} is not in the profile`) : ok(v));
  return {
    country: copy(pr.country, 'country'),
    provinceCode: copy(pr.provinceCode, 'provinceCode'),
    cityCode: copy(pr.cityCode, 'cityCode'),
    industrySection: copy(pr.industry?.section, 'industry.section'),
    industryDivision: copy(pr.industry?.division, 'industry.division'),
    industryClass: copy(pr.industry?.class, 'industry.class'),
    sizeClass: copy(pr.sizeClass, 'sizeClass'),
    employees: copy(pr.employees, 'employees'),
    legalForm: copy(pr.legalForm, 'legalForm'),
    ownership: copy(pr.ownership, 'ownership'),
    groupType: copy(pr.groupType, 'groupType'),
    groupId: copy(pr.groupId, 'groupId'),
    listed: copy(pr.listed, 'listed'),
    marketCap: copy(pr.marketCap, 'marketCap'),
    equityVol250d: copy(pr.equityVol250d, 'equityVol250d'),
    restrictedIndustry: copy(pr.restrictedIndustry, 'restrictedIndustry'),
    sanctioned: copy(pr.sanctionsFlag, 'sanctionsFlag'),
    relatedParty: copy(pr.isRelatedParty, 'isRelatedParty'),
    establishedDate: copy(pr.establishedDate, 'establishedDate'),
    relationshipStartDate: copy(pr.relationshipStartDate, 'relationshipStartDate'),
    projectSector: copy(pr.project?.sector, 'project.sector'),
    projectPhase: copy(pr.project?.phase, 'project.phase'),
    lockupDscr: copy(pr.project?.lockupDscr, 'project.lockupDscr'),
    defaultDscr: copy(pr.project?.defaultDscr, 'project.defaultDscr'),
    minLlcr: copy(pr.project?.minLlcr, 'project.minLlcr'),
  };
}

/** §5.1 USCC and LEI checks. */
function identityFacts(pr: ClientProfile): Facts {
  const out: Facts = { domestic: pr.country ? ok(pr.country.toUpperCase() === 'CN') : none('country is not in the profile') };
  if (!pr.uscc) {
    const r = none('the profile has no USCC (international borrowers have none)');
    out.usccValid = out.usccReason = out.usccWarnings = out.usccEntityCategory = r;
  } else {
    const v = validateUscc(pr.uscc);
    out.usccValid = ok(v.valid, v.message);
    out.usccReason = v.valid ? none('the USCC is valid') : ok(v.reason);
    out.usccWarnings = ok(v.warnings.map((w) => w.code), v.warnings.map((w) => w.message).join('; ') || undefined);
    out.usccEntityCategory = v.valid ? ok(v.normalized.slice(0, 2)) : none(`the USCC is invalid (${v.reason})`);
  }
  out.leiValid = pr.lei ? ok(validateLei(pr.lei)) : none('the profile has no LEI');
  return out;
}

function assemble(asOf: string, c: Map<string, Computed<unknown>>, unavailable: Partial<Record<FactGroup, string>>): DeriveResult {
  const facts: Record<string, FactValue> = {};
  const reasons: Record<string, string> = {};
  const notes: Record<string, string> = {};
  for (const def of FACT_CATALOG) {
    const got = c.get(def.name) ?? none(unavailable[def.group] ?? 'not computed for this profile');
    if (got.value === null) {
      facts[def.name] = null;
      reasons[def.name] = got.reason ?? 'not computed for this profile';
      continue;
    }
    const clean = sanitize(got.value);
    if (clean === undefined) {
      facts[def.name] = null;
      reasons[def.name] = 'the result is not a finite number (the inputs overflow)';
      continue;
    }
    facts[def.name] = clean;
    if (got.note) notes[def.name] = got.note;
  }
  return { asOf, facts, reasons, notes };
}

/** The last line of defence: undefined when a number (also inside arrays and their objects) is not finite. */
function sanitize(v: unknown): FactValue | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) {
    const finite = (x: unknown): boolean =>
      typeof x === 'number' ? Number.isFinite(x) : x && typeof x === 'object' ? Object.values(x).every(finite) : true;
    return v.every(finite) ? v : undefined;
  }
  return undefined;
}
