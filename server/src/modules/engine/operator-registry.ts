import { composeOperator, parseOperatorName, type LeafOperator, type ParsedOperator } from './decorators';
import { DOMAIN_OPERATORS, withinDays } from './domain-operators';
import { JRE_OPERATORS } from './operators';

/** Every base operator a leaf may name, json-rules-engine's and ours, as three-argument leaf operators. */
const BASE: ReadonlyMap<string, LeafOperator> = new Map<string, LeafOperator>([
  ...Object.entries(JRE_OPERATORS),
  ...Object.entries(DOMAIN_OPERATORS),
  ['withinDays', withinDays],
]);

export const BASE_OPERATOR_NAMES: readonly string[] = [...BASE.keys()];

export interface ResolvedOperator {
  name: string;
  parsed: ParsedOperator;
  fn: LeafOperator;
}

/** Null when the name (with its decorators) is not one we know; the caller turns that into a compile error. */
export function resolveOperator(name: string): ResolvedOperator | null {
  const parsed = parseOperatorName(name);
  if (!parsed) return null;
  const base = BASE.get(parsed.base);
  if (!base) return null;
  return { name, parsed, fn: composeOperator(parsed, base) };
}
