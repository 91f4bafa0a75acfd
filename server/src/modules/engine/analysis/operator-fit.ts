import type { RuleSetDocument } from '../../rule-sets/rule-set';
import { isIsoDate } from '../dates';
import { DECORATORS, OPERATORS } from '../operator-catalog';
import { numeric, type FactIndex, type FactKind } from './fact-index';
import { issue, type Issue } from './issue';
import { article, describeLiteral, leafSides, type FactSide } from './leaf-sides';
import { forEachLeaf } from './walk';

/**
 * Operators and their fit: an operator or decorator we do not know (unknown_operator); an operator that does not
 * suit the fact's type, e.g. startsWith on a number or before on a non-date (type_mismatch); a value that does
 * not have the shape the operator needs, e.g. between without a [lo, hi] pair of numbers or withinDays with a
 * fraction of a day (invalid_value). The evaluator answers false in all these cases, silently: hence errors.
 */
export function checkOperators(doc: RuleSetDocument, facts: FactIndex): Issue[] {
  const out: Issue[] = [];
  forEachLeaf(doc, (leaf, ptr) => {
    const sides = leafSides(leaf, ptr, facts);
    if (!sides) {
      out.push(issue('unknown_operator', `${ptr}/operator`, unknownOperatorMessage(String(leaf.operator))));
      return;
    }
    out.push(...sides.decoratorIssues);
    if (sides.swapped) return;
    const { base, fact, value } = sides;
    const misfit = fact.kind !== null && !fits(base.name, fact.kind);
    if (misfit) out.push(issue('type_mismatch', `${ptr}/operator`, misfitMessage(base.name, fact as FactSide & { kind: FactKind })));
    if (value.kind === 'literals') {
      for (const item of value.items) {
        const problem = shapeProblem(base.name, item.value);
        if (problem) out.push(issue('invalid_value', item.pointer, problem));
      }
    } else if (value.kind === 'ref' && value.factKind !== null) {
      const need = REF_KINDS[base.name];
      if (need && !need.includes(value.factKind === 'integer' ? 'number' : value.factKind))
        out.push(issue('type_mismatch', value.pointer, `${base.name} needs ${need.map((k) => article(k)).join(' or ')} here, but fact ${value.fact} is ${article(value.factKind)}`));
    }
  });
  return out;
}

const DATE_OPERATORS = new Set(['before', 'after', 'withinDays']);
const STRINGISH = new Set(['in', 'notIn', 'startsWith']);

/** OPERATORS says which fact types each operator is meant for; dates are ISO strings, so string operators take them. */
export function fits(operator: string, kind: FactKind): boolean {
  const info = OPERATORS.find((o) => o.name === operator);
  if (!info) return true;
  const types = info.factTypes as readonly string[];
  if (types.includes('any')) return true;
  if (numeric(kind)) return types.includes('number');
  if (kind === 'date' && STRINGISH.has(operator)) return true;
  return types.includes(kind);
}

/** What a fact reference on the right must be, per operator (only where the answer is clear). */
const REF_KINDS: Record<string, FactKind[]> = {
  lessThan: ['number'],
  lessThanInclusive: ['number'],
  greaterThan: ['number'],
  greaterThanInclusive: ['number'],
  before: ['date'],
  after: ['date'],
  withinDays: ['number'],
  between: ['array'],
  startsWith: ['string', 'array'],
};

function misfitMessage(operator: string, fact: FactSide & { kind: FactKind }): string {
  const what = `${fact.label} is ${article(fact.kind)}`;
  if (DATE_OPERATORS.has(operator)) return `${operator} compares dates, but ${what}; the condition is never true`;
  if (fact.kind === 'date') return `${operator} compares numbers, but ${what}; use before, after or withinDays`;
  if (operator === 'contains' || operator === 'doesNotContain')
    return `${operator} looks for an item in a list, but ${what}${fact.kind === 'string' ? '; for text use startsWith, or in with a list of values' : ''}`;
  if (operator === 'in' || operator === 'notIn') return `${operator} looks for the fact in a list of values, but ${what}; use contains, or someFact:${operator}`;
  if (operator === 'startsWith') return `startsWith matches the beginning of a text, but ${what}`;
  return `${operator} compares numbers, but ${what}`;
}

/** Null when the literal has the shape the operator needs; otherwise the reason, in words. */
export function shapeProblem(operator: string, v: unknown): string | null {
  switch (operator) {
    case 'between': {
      if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => typeof x === 'number' && Number.isFinite(x)))
        return `between needs a [low, high] pair of numbers; it is ${describeLiteral(v)}${Array.isArray(v) ? ` of ${v.length} item${v.length === 1 ? '' : 's'}` : ''}`;
      if (v[0] > v[1]) return `between [${v[0]}, ${v[1]}] is empty: the low end is above the high end`;
      return null;
    }
    case 'startsWith':
      if (typeof v === 'string') return null;
      if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) return null;
      return `startsWith needs a prefix or a list of prefixes (text); it is ${describeLiteral(v)}`;
    case 'before':
    case 'after':
      return isIsoDate(v) ? null : `${operator} needs an ISO date (YYYY-MM-DD) or a fact; it is ${describeLiteral(v)}`;
    case 'withinDays':
      return typeof v === 'number' && Number.isInteger(v) ? null : `withinDays needs a whole number of days (negative for the future); it is ${describeLiteral(v)}`;
    default:
      return null;
  }
}

function unknownOperatorMessage(name: string): string {
  const parts = name.split(':');
  const base = parts.pop() ?? '';
  const badDecorator = parts.find((p) => !DECORATORS.some((d) => d.name === p));
  if (badDecorator !== undefined) return `'${badDecorator}' is not a decorator; the decorators are ${DECORATORS.map((d) => d.name).join(', ')}`;
  return `'${base}' is not an operator; the operators are ${OPERATORS.map((o) => o.name).join(', ')}`;
}
