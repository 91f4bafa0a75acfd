import type { TFunction } from 'i18next';
import type { FactPresenter } from './trace-types';

const K = 'decisions.explanation.';

/** A value as people read it: strings as they are, lists joined, objects as compact JSON. */
export function plainValue(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  if (Array.isArray(value)) return value.length === 0 ? '[ ]' : `[${value.map(plainValue).join(', ')}]`;
  return JSON.stringify(value);
}

export const plainPresenter: FactPresenter = { label: () => undefined, format: (_fact, value) => plainValue(value) };

/**
 * An operator in words: `lessThan` → "less than", with decorators (`not:contains`, `someFact:equal`) spelled out
 * in front. An operator we have no words for keeps its own name, so a new operator still reads sensibly.
 */
export function operatorText(t: TFunction, operator: string): string {
  return operator
    .split(':')
    .map((part) => t(`${K}operators.${part}`, { defaultValue: part }))
    .join(' ');
}
