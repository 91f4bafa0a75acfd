/**
 * The fact catalog (DESIGN.md §3 "Facts"): every fact a rule may name, with type, unit, zh/en description,
 * whether derive() copies it from the profile ('input') or computes it ('derived'), and for derived facts the
 * formula and its domain.md section. Rule-set static checks and GET /api/v1/facts read it; derive() returns
 * exactly these names.
 */
import { CLIENT_FACTS } from './catalog-client';
import { CREDIT_FACTS } from './catalog-credit';
import { FINANCIAL_FACTS } from './catalog-financial';
import type { FactDefinition, FactGroup } from './catalog-types';

export type { FactDefinition, FactGroup, FactSource, FactType } from './catalog-types';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

export const FACT_CATALOG: readonly FactDefinition[] = deepFreeze([...CLIENT_FACTS, ...FINANCIAL_FACTS, ...CREDIT_FACTS]);

const BY_NAME = new Map(FACT_CATALOG.map((f) => [f.name, f]));
if (BY_NAME.size !== FACT_CATALOG.length) throw new Error('duplicate fact name in the catalog');

export const FACT_GROUPS: readonly FactGroup[] = ['identity', 'financial', 'trend', 'model', 'loan', 'credit_report', 'collateral', 'project', 'event', 'rating', 'relationship'];

/** The catalog, optionally filtered by source or group. The entries are frozen; callers must not mutate them. */
export function factCatalog(filter: { source?: FactDefinition['source']; group?: FactGroup } = {}): readonly FactDefinition[] {
  return FACT_CATALOG.filter((f) => (!filter.source || f.source === filter.source) && (!filter.group || f.group === filter.group));
}

export function factDefinition(name: string): FactDefinition | undefined {
  return BY_NAME.get(name);
}
