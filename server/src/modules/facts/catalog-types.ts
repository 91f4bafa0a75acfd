/** Shapes of the fact catalog and the small builders the catalog files use to stay one line per fact. */
import type { Enumeration, Label } from './catalog-enums';

export type FactType = 'number' | 'integer' | 'string' | 'boolean' | 'date' | 'array';

/**
 * 'input': copied from the client profile (or sent by a caller); 'derived': computed by derive() with a formula.
 * A caller without a client register may send any fact, derived ones included, under the same name.
 */
export type FactSource = 'input' | 'derived';

export type FactGroup =
  | 'identity'
  | 'financial'
  | 'trend'
  | 'model'
  | 'loan'
  | 'credit_report'
  | 'collateral'
  | 'project'
  | 'event'
  | 'rating'
  | 'relationship';

export interface FactDefinition {
  /** camelCase, the name rules use. */
  name: string;
  type: FactType;
  /** ratio (decimal), pp, days, months, years, CNY (the client's reporting currency), times, count, grade, score, σ, date, flag … */
  unit?: string;
  description: Label;
  source: FactSource;
  group: FactGroup;
  /** Readable formula, for derived facts. */
  formula?: string;
  /** domain.md (or portfolio-spec.md) section the formula comes from. */
  section?: string;
  /** Allowed values, for pickers; labels in zh/en. For array facts, the allowed item values. */
  enum?: (string | number)[];
  enumLabels?: Record<string, Label>;
}

type Unit = string | undefined;

export function derivedIn(group: FactGroup) {
  return (name: string, type: FactType, unit: Unit, zh: string, en: string, formula: string, section: string, e?: Enumeration): FactDefinition => ({
    name,
    type,
    ...(unit ? { unit } : {}),
    description: { zh, en },
    source: 'derived',
    group,
    formula,
    section,
    ...(e ? { enum: e.values, enumLabels: e.labels } : {}),
  });
}

export function inputIn(group: FactGroup) {
  return (name: string, type: FactType, unit: Unit, zh: string, en: string, section?: string, e?: Enumeration): FactDefinition => ({
    name,
    type,
    ...(unit ? { unit } : {}),
    description: { zh, en },
    source: 'input',
    group,
    ...(section ? { section } : {}),
    ...(e ? { enum: e.values, enumLabels: e.labels } : {}),
  });
}
