import type { RuleSetDocument, TextOrI18n } from '../api/types';
import { documentLeaves } from './condition-tree';
import { isFactRef, splitOperator, type FactKind } from './operators';

export interface Label {
  zh?: string;
  en?: string;
}

/**
 * One fact as the builder knows it. `origin` says where we learnt about it: the server's catalog
 * (GET /api/v1/facts), the rule set's declared inputs, or only from how the rule set uses it.
 */
export interface FactInfo {
  name: string;
  type: string;
  kind: FactKind;
  unit?: string;
  description?: Label;
  source?: string;
  group?: string;
  enum?: (string | number | boolean)[];
  enumLabels?: Record<string, Label>;
  origin: 'catalog' | 'inputs' | 'inferred';
}

export function factKind(type: string | undefined): FactKind {
  switch (type) {
    case 'number':
    case 'integer':
      return 'number';
    case 'string':
    case 'boolean':
    case 'date':
    case 'array':
    case 'object':
      return type;
    default:
      return 'unknown';
  }
}

export function toLabel(text: TextOrI18n | undefined): Label | undefined {
  if (text === undefined) return undefined;
  return typeof text === 'string' ? { zh: text, en: text } : text;
}

/** The text for the current language, falling back to the other one. */
export function pick(label: Label | string | undefined, language: string): string {
  if (label === undefined) return '';
  if (typeof label === 'string') return label;
  return (language.startsWith('zh') ? (label.zh ?? label.en) : (label.en ?? label.zh)) ?? '';
}

/** Accepts the catalog as an array, `{items}` or `{facts}`: the endpoint is being built alongside this page. */
export function readCatalog(body: unknown): FactInfo[] {
  const list = Array.isArray(body) ? body : ((body as { items?: unknown[]; facts?: unknown[] })?.items ?? (body as { facts?: unknown[] })?.facts ?? []);
  return (Array.isArray(list) ? list : [])
    .filter((f): f is Record<string, unknown> => typeof f === 'object' && f !== null && typeof (f as { name?: unknown }).name === 'string')
    .map((f) => ({
      name: f.name as string,
      type: String(f.type ?? 'unknown'),
      kind: factKind(f.type as string),
      unit: typeof f.unit === 'string' ? f.unit : undefined,
      description: toLabel(f.description as TextOrI18n | undefined),
      source: typeof f.source === 'string' ? f.source : undefined,
      group: typeof f.group === 'string' ? f.group : undefined,
      enum: Array.isArray(f.enum) ? (f.enum as (string | number)[]) : undefined,
      enumLabels: (f.enumLabels as Record<string, Label> | undefined) ?? undefined,
      origin: 'catalog' as const,
    }));
}

/** Guesses a fact's kind from how a rule compares it, for facts neither the catalog nor the inputs describe. */
function inferKind(operator: string, value: unknown): FactKind {
  const { decorators, base } = splitOperator(operator);
  if (decorators.includes('someFact') || decorators.includes('everyFact') || base === 'contains' || base === 'doesNotContain') return 'array';
  if (['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'between'].includes(base)) return 'number';
  if (['before', 'after', 'withinDays'].includes(base)) return 'date';
  if (base === 'startsWith') return 'string';
  const sample = Array.isArray(value) ? value[0] : value;
  if (typeof sample === 'number') return 'number';
  if (typeof sample === 'boolean') return 'boolean';
  if (typeof sample === 'string') return 'string';
  return 'unknown';
}

/**
 * The facts the builder offers: the catalog when the server has one, then the rule set's declared inputs (which
 * add facts a caller sends that the catalog does not list), then anything else the document reads, typed by use.
 */
export function buildFactIndex(catalog: FactInfo[] | null, doc: Partial<RuleSetDocument> | undefined): Map<string, FactInfo> {
  const index = new Map<string, FactInfo>();
  for (const f of catalog ?? []) index.set(f.name, f);
  for (const input of Array.isArray(doc?.inputs) ? doc.inputs : []) {
    if (!input || typeof input.name !== 'string') continue;
    const known = index.get(input.name);
    if (known) {
      if (!known.description && input.description) index.set(input.name, { ...known, description: toLabel(input.description) });
      continue;
    }
    index.set(input.name, {
      name: input.name,
      type: input.type,
      kind: factKind(input.type),
      unit: input.unit,
      description: toLabel(input.description),
      source: 'input',
      enum: Array.isArray(input.enum) ? (input.enum as (string | number)[]) : undefined,
      origin: 'inputs',
    });
  }
  for (const { leaf } of documentLeaves(doc)) {
    const names: [string, FactKind][] = [[leaf.fact, inferKind(leaf.operator, leaf.value)]];
    if (isFactRef(leaf.value)) names.push([leaf.value.fact, inferKind(leaf.operator, undefined)]);
    for (const [name, kind] of names) {
      const known = index.get(name);
      if (!known) index.set(name, { name, type: kind, kind, origin: 'inferred' });
      else if (known.origin === 'inferred' && known.kind === 'unknown' && kind !== 'unknown') index.set(name, { ...known, type: kind, kind });
    }
  }
  return index;
}

/** "资产负债率" / "Debt-to-asset ratio", else the fact's own name. */
export function factLabel(info: FactInfo | undefined, name: string, language: string): string {
  return pick(info?.description, language) || name;
}

export function enumLabel(info: FactInfo | undefined, value: unknown, language: string): string {
  const label = info?.enumLabels?.[String(value)];
  return label ? pick(label, language) : String(value);
}
