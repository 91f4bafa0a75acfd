import type { RuleSetDocument } from '../../rule-sets/rule-set';
import { isIsoDate } from '../dates';
import { elementKind, numeric, type FactIndex, type FactKind } from './fact-index';
import { issue, type Issue } from './issue';
import { article, describeLiteral, leafSides, type FactSide, type ValueItem } from './leaf-sides';
import { forEachLeaf, short } from './walk';

const COMPARISONS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/**
 * Values whose type can never match the fact's (type_mismatch): equal compares with ===, so a number fact never
 * equals the string "0.7" and a boolean fact never equals 1; the comparisons need numbers; in needs a list. A
 * value outside the fact's enumeration is only a warning (value_not_in_enum): the catalog's lists can lag a
 * new code, and the rule then simply never matches it.
 */
export function checkValueTypes(doc: RuleSetDocument, facts: FactIndex): Issue[] {
  const out: Issue[] = [];
  forEachLeaf(doc, (leaf, ptr) => {
    const sides = leafSides(leaf, ptr, facts);
    if (!sides || sides.swapped) return;
    const { base, fact, value } = sides;
    const op = base.name;
    if (value.kind === 'ref') {
      if (fact.kind === null || value.factKind === null) return;
      const problem = refProblem(op, fact as KnownSide, value.factKind);
      if (problem) out.push(issue('type_mismatch', value.pointer, `${problem} (fact ${value.fact} is ${article(value.factKind)})`));
      return;
    }
    if (value.kind !== 'literals') return;
    for (const item of value.items) {
      if (op === 'equal' || op === 'notEqual') scalar(out, op, fact, item);
      else if (COMPARISONS.has(op)) {
        if ((fact.kind === null || numeric(fact.kind)) && !isNumberLike(item.value))
          out.push(issue('type_mismatch', item.pointer, `${op} compares numbers; the value is ${describeLiteral(item.value)}, so the condition is never true`));
      } else if (op === 'in' || op === 'notIn') {
        if (!Array.isArray(item.value)) {
          const hint = typeof item.value === 'string' ? ' (a text here would be searched for a substring; write a list such as ["B", "C"])' : '';
          out.push(issue('type_mismatch', item.pointer, `${op} needs a list of values; it is ${describeLiteral(item.value)}${hint}`));
        } else if (fact.kind !== 'array' && fact.kind !== 'object') {
          // (a list or object fact is operator-fit's finding; one message is enough)
          item.value.forEach((v, i) => scalar(out, op, fact, { value: v, pointer: `${item.pointer}/${i}` }));
        }
      } else if (op === 'contains' || op === 'doesNotContain') {
        if (fact.kind !== 'array' && fact.kind !== null) continue; // operator-fit reports the fact
        if (item.value !== null && typeof item.value === 'object')
          out.push(issue('type_mismatch', item.pointer, `${op} looks for one item with ===; ${describeLiteral(item.value)} is never an item of ${fact.label}`));
        else if (fact.kind === 'array') scalar(out, op, { kind: elementKind(fact.enum), enum: fact.enum, label: `the items of ${fact.label}` }, item);
      } else if (op === 'startsWith' && fact.enum && (fact.kind === 'string' || fact.kind === null)) {
        const prefixes = typeof item.value === 'string' ? [item.value] : Array.isArray(item.value) ? item.value.filter((p): p is string => typeof p === 'string') : [];
        const strings = fact.enum.filter((e): e is string => typeof e === 'string');
        if (prefixes.length && strings.length && !prefixes.some((p) => strings.some((e) => e.startsWith(p))))
          out.push(issue('value_not_in_enum', item.pointer, `no value of ${fact.label} (${list(fact.enum)}) starts with ${short(item.value)}`));
      }
    }
  });
  return out;
}

type KnownSide = FactSide & { kind: FactKind };

/** equal, notEqual and each item of in/notIn/contains: can `fact === value` ever hold? */
function scalar(out: Issue[], op: string, fact: FactSide, item: ValueItem): void {
  if (fact.kind === null || item.value === null) return;
  const problem = equalityProblem(fact as KnownSide, item.value);
  if (problem) {
    out.push(issue('type_mismatch', item.pointer, `${op} compares with ===: ${problem}`));
    return;
  }
  if (fact.enum && !fact.enum.includes(item.value as never))
    out.push(issue('value_not_in_enum', item.pointer, `${short(item.value)} is not one of the values of ${fact.label} (${list(fact.enum)}), so it never matches`));
}

export function equalityProblem(fact: KnownSide, v: unknown): string | null {
  const what = `${fact.label} is ${article(fact.kind)}`;
  switch (fact.kind) {
    case 'number':
    case 'integer':
      if (typeof v === 'number') return fact.kind === 'integer' && !Number.isInteger(v) ? `${what}, so it never equals ${v}` : null;
      if (typeof v === 'string' && isNumberLike(v)) return `${what} and never equals ${describeLiteral(v)}; write ${Number(v)} without quotes`;
      return `${what} and never equals ${describeLiteral(v)}`;
    case 'string':
      if (typeof v === 'string') return null;
      return `${what} and never equals ${describeLiteral(v)}${typeof v === 'number' ? `; write "${v}" in quotes` : ''}`;
    case 'date':
      if (isIsoDate(v)) return null;
      return `${what} (YYYY-MM-DD) and never equals ${describeLiteral(v)}`;
    case 'boolean':
      return typeof v === 'boolean' ? null : `${what} and never equals ${describeLiteral(v)}; write true or false`;
    case 'array':
      return `${what}, and a list never equals a literal; use contains, or someFact:${'equal'}`;
    case 'object':
      return `${what}, and an object never equals a literal; add a path to compare one of its fields`;
  }
}

function refProblem(op: string, fact: KnownSide, ref: FactKind): string | null {
  if (op === 'equal' || op === 'notEqual') return comparable(fact.kind, ref) ? null : `${fact.label} is ${article(fact.kind)} and is compared with ===`;
  if (op === 'in' || op === 'notIn') return ref === 'array' || ref === 'string' ? null : `${op} needs a list of values`;
  if (op === 'contains' || op === 'doesNotContain') return ref === 'array' || ref === 'object' ? `${op} looks for one item, not a list` : null;
  return null;
}

function comparable(a: FactKind, b: FactKind): boolean {
  const norm = (k: FactKind) => (numeric(k) ? 'number' : k === 'date' ? 'string' : k);
  return norm(a) === norm(b);
}

/** What the comparison operators can use: a number, or text that JavaScript reads as one ("0.7"). */
export function isNumberLike(v: unknown): boolean {
  if (typeof v === 'number') return !Number.isNaN(v);
  return typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v));
}

function list(values: readonly unknown[]): string {
  const shown = values.slice(0, 8).map((v) => JSON.stringify(v)).join(', ');
  return values.length > 8 ? `${shown}, …` : shown;
}
