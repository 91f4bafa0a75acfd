import type { Condition, LeafCondition, Rule, RuleSetDocument } from '../../server/src/modules/rule-sets/rule-set';
import { Prng } from '../engine/prng';
import { BOOLEAN_FIELDS, NUMERIC_FIELDS, STRING_FIELDS, quantile } from './borrowers';

/**
 * Seeded credit-policy rule sets of any size, in the operators every peer can express (comparisons, between,
 * equal/notEqual, in/notIn, all/any nesting), with credit-policy outputs: decision (worst of
 * decline/refer/approve), limit cap (min), pricing spread (sum), tags (union), and a reason per rule.
 */
const NUMERIC = Object.keys(NUMERIC_FIELDS);
const STRINGS = Object.keys(STRING_FIELDS);
const HIGH_IS_BAD = new Set(['debtRatio', 'ltv', 'dpd', 'maxDpd12m', 'overdueCount12m', 'legalCases', 'relatedPartyRatio', 'customerConcentration', 'existingExposure', 'requestedAmount']);

/**
 * Thresholds sit in the risky tail (the worst 3–25% of borrowers on that measure), as policy thresholds do, so a
 * borrower trips a few rules, not a third of them; that keeps output merging at a realistic share of the work.
 */
function numericLeaf(rng: Prng): LeafCondition {
  const fact = rng.pick(NUMERIC);
  const tail = 0.03 + rng.next() * 0.22;
  if (rng.chance(0.15)) {
    const lo = rng.next() * 0.8;
    return { fact, operator: 'between', value: [quantile(fact, lo), quantile(fact, Math.min(1, lo + tail))] };
  }
  const bad = HIGH_IS_BAD.has(fact);
  const operator = rng.chance(0.5) ? (bad ? 'greaterThan' : 'lessThan') : bad ? 'greaterThanInclusive' : 'lessThanInclusive';
  return { fact, operator, value: quantile(fact, bad ? 1 - tail : tail) };
}

/** Categorical tests on the risky side too: watch-listed, not tax-compliant, a rating or industry in a short list. */
function categoricalLeaf(rng: Prng, negationAllowed: boolean): LeafCondition {
  if (rng.chance(0.2)) {
    const fact = rng.pick(BOOLEAN_FIELDS);
    return { fact, operator: 'equal', value: fact !== 'taxCompliant' };
  }
  const fact = rng.pick(STRINGS);
  const values = STRING_FIELDS[fact];
  const r = negationAllowed ? rng.next() : rng.next() * 0.7;
  if (r < 0.25) return { fact, operator: 'equal', value: rng.pick(values) };
  if (r > 0.9) return { fact, operator: 'notEqual', value: rng.pick(values) };
  const list = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(values)))];
  return { fact, operator: r < 0.85 ? 'in' : 'notIn', value: list };
}

const leaf = (rng: Prng, negationAllowed = true): Condition => (rng.chance(0.65) ? numericLeaf(rng) : categoricalLeaf(rng, negationAllowed));

function conditions(rng: Prng): Rule['conditions'] {
  const n = rng.int(1, 4);
  // A lone notEqual/notIn would fire for most borrowers; negations only narrow other conditions.
  const items: Condition[] = Array.from({ length: n }, () => leaf(rng, n > 1));
  const r = rng.next();
  if (r < 0.2) return { any: [leaf(rng, false), leaf(rng, false)] };
  if (r < 0.3) return { all: [...items.slice(0, 2), { any: [leaf(rng, false), leaf(rng, false)] }] };
  return { all: items };
}

export function generateCreditRuleSet(ruleCount: number, seed: number): RuleSetDocument {
  const rng = new Prng(seed);
  const rules: Rule[] = [];
  for (let i = 0; i < ruleCount; i++) {
    const params: Record<string, unknown> = { reason: { code: `CR${String(i).padStart(4, '0')}`, zh: `信贷规则${i}`, en: `credit rule ${i}` } };
    const r = rng.next();
    if (r < 0.45) params.decision = rng.pick(['decline', 'refer', 'refer']);
    if (rng.chance(0.35)) params.limit = rng.pick([5e6, 1e7, 2e7, 5e7, 1e8]);
    if (rng.chance(0.35)) params.spread = rng.pick([-0.1, 0.15, 0.25, 0.5, 1]);
    if (rng.chance(0.25)) params.tags = [rng.pick(['风险较高客户', '优质客户', 'watch', 'collateral-required'])];
    rules.push({ name: `rule_${i}`, priority: rng.pick([1, 1, 2, 5, 10]), conditions: conditions(rng), event: { type: 'credit', params } });
  }
  return {
    key: `credit-bench-${ruleCount}`,
    family: 'credit-policy',
    name: { zh: `基准${ruleCount}`, en: `benchmark ${ruleCount}` },
    outputs: {
      decision: { type: 'string', merge: 'worst', order: ['decline', 'refer', 'approve'], default: 'approve' },
      limit: { type: 'number', merge: 'min' },
      spread: { type: 'number', merge: 'sum', default: 0 },
      tags: { type: 'array', merge: 'union' },
    },
    rules,
  };
}
