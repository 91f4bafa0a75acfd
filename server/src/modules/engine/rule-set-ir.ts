import type { FieldError } from '../../shared/errors';
import type { MergeStrategy } from '../rule-sets/rule-set';
import { RuleSetCompileError } from './compile-error';
import { ConditionCompiler, escapePointer, isObject, type Expr } from './condition-ir';
import type { FiredRule } from './types';

/** One rule, validated. `index` is its position in the document. */
export interface RuleIR {
  index: number;
  name: string;
  priority: number;
  condition: Expr;
  /** As json-rules-engine emits it: `{type}` plus `params` when they are truthy. Frozen. */
  event: FiredRule['event'];
}

export interface OutputIR {
  name: string;
  merge: MergeStrategy;
  /** worst/best: the rank of each value, 0 = worst. */
  rank: Map<string, number> | null;
  default: unknown;
}

export interface RuleSetIR {
  rules: RuleIR[];
  /** Rule indexes in firing order: priority descending, then document order. */
  firingOrder: number[];
  outputs: OutputIR[];
  factNames: string[];
  usesAsOf: boolean;
}

const MERGES: readonly MergeStrategy[] = ['first', 'worst', 'best', 'min', 'max', 'sum', 'union', 'collect'];
/** A bound on the work of every evaluator together (the sum of the expanded condition trees). */
export const MAX_TOTAL_NODES = 1_000_000;

/** Validates a (frozen) document into the IR; throws RuleSetCompileError naming every problem found. */
export function buildRuleSetIR(doc: unknown): RuleSetIR {
  const errors: FieldError[] = [];
  if (!isObject(doc)) throw new RuleSetCompileError([{ pointer: '', message: 'a rule set must be an object' }]);
  const shared = doc.conditions === undefined ? {} : doc.conditions;
  if (!isObject(shared)) errors.push({ pointer: '/conditions', message: 'must be an object of named conditions' });
  const conditions = new ConditionCompiler(isObject(shared) ? shared : {}, errors);
  conditions.allShared();

  const rules: RuleIR[] = [];
  if (!Array.isArray(doc.rules)) errors.push({ pointer: '/rules', message: 'must be an array of rules' });
  else {
    let total = 0;
    doc.rules.forEach((r, index) => {
      const rule = buildRule(r, index, conditions, errors);
      if (!rule) return;
      total += rule.condition.size;
      if (total > MAX_TOTAL_NODES) errors.push({ pointer: `/rules/${index}`, message: `the rules expand to more than ${MAX_TOTAL_NODES} conditions in all` });
      else rules.push(rule);
    });
  }
  const outputs = buildOutputs(doc.outputs, errors);
  if (errors.length) throw new RuleSetCompileError(errors);

  // Array.prototype.sort is stable, so equal priorities keep document order.
  const firingOrder = rules.map((r) => r.index).sort((a, b) => rules[b].priority - rules[a].priority);
  return { rules, firingOrder, outputs, factNames: [...conditions.facts].sort(), usesAsOf: conditions.usesAsOf };
}

function buildRule(r: unknown, index: number, conditions: ConditionCompiler, errors: FieldError[]): RuleIR | null {
  const pointer = `/rules/${index}`;
  if (!isObject(r)) {
    errors.push({ pointer, message: 'a rule must be an object' });
    return null;
  }
  const before = errors.length;
  if (typeof r.name !== 'string' || r.name === '') errors.push({ pointer: `${pointer}/name`, message: 'a rule needs a name' });
  // json-rules-engine: parseInt(options.priority || 1, 10), and it refuses priorities <= 0.
  const priority = Number.parseInt(String(r.priority || 1), 10);
  if (!(priority > 0)) errors.push({ pointer: `${pointer}/priority`, message: 'the priority must be a whole number of at least 1' });
  const condition = conditions.root(r.conditions, `${pointer}/conditions`);
  const event = buildEvent(r.event, `${pointer}/event`, errors);
  if (errors.length > before || !condition || !event) return null;
  return { index, name: r.name as string, priority, condition, event };
}

function buildEvent(e: unknown, pointer: string, errors: FieldError[]): FiredRule['event'] | null {
  if (!isObject(e) || !Object.prototype.hasOwnProperty.call(e, 'type')) {
    errors.push({ pointer, message: 'an event with a type is required' });
    return null;
  }
  const event: FiredRule['event'] = { type: e.type as string };
  if (e.params) event.params = e.params as Record<string, unknown>;
  return Object.freeze(event);
}

function buildOutputs(spec: unknown, errors: FieldError[]): OutputIR[] {
  if (!isObject(spec)) {
    errors.push({ pointer: '/outputs', message: 'must be an object of output declarations' });
    return [];
  }
  const outputs: OutputIR[] = [];
  for (const [name, o] of Object.entries(spec)) {
    const pointer = `/outputs/${escapePointer(name)}`;
    if (!isObject(o) || !MERGES.includes(o.merge as MergeStrategy)) {
      errors.push({ pointer: `${pointer}/merge`, message: `merge must be one of ${MERGES.join(', ')}` });
      continue;
    }
    const merge = o.merge as MergeStrategy;
    let rank: Map<string, number> | null = null;
    if (merge === 'worst' || merge === 'best') {
      if (!Array.isArray(o.order) || o.order.length === 0 || !o.order.every((v) => typeof v === 'string')) {
        errors.push({ pointer: `${pointer}/order`, message: `a "${merge}" output needs its values listed from worst to best` });
        continue;
      }
      rank = new Map();
      for (const v of o.order as string[]) if (!rank.has(v)) rank.set(v, rank.size);
    }
    const fallback = merge === 'union' || merge === 'collect' ? Object.freeze([]) : null;
    outputs.push({ name, merge, rank, default: Object.prototype.hasOwnProperty.call(o, 'default') ? o.default : fallback });
  }
  return outputs;
}
