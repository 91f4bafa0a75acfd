import type { OutputSpec, RuleSetDocument } from '../../rule-sets/rule-set';
import { issue, type Issue } from './issue';
import { closest } from './unknown-facts';
import { escapePointer, has, short } from './walk';

/**
 * Event params that are not outputs by design: `reason`/`reasons` feed the decision's reasons (merge.ts), the
 * others annotate a rule for its reader (where the threshold comes from).
 */
export const ANNOTATION_PARAMS: ReadonlySet<string> = new Set(['reason', 'reasons', 'source', 'note', 'description']);

/**
 * Outputs and what rules give them: a param named like no declared output (undeclared_output: a typo drops the
 * value silently); a declared output no rule contributes to (unused_output: it is always its default); a value
 * the output's merge will ignore (invalid_output_value: not in a worst/best order, not a number for min/max/sum,
 * or not of the declared type for first).
 */
export function checkOutputs(doc: RuleSetDocument): Issue[] {
  const out: Issue[] = [];
  const outputs = Object.keys(doc.outputs);
  const used = new Set<string>();
  doc.rules.forEach((r, i) => {
    const params = r.event.params;
    if (!params || typeof params !== 'object') return;
    for (const [key, value] of Object.entries(params)) {
      const pointer = `/rules/${i}/event/params/${escapePointer(key)}`;
      if (has(doc.outputs, key)) {
        if (value === undefined) continue;
        used.add(key);
        const problem = valueProblem(doc.outputs[key], value);
        if (problem) out.push(issue('invalid_output_value', pointer, `rule '${r.name}' gives ${key} = ${short(value)}, ${problem}`));
      } else if (!ANNOTATION_PARAMS.has(key)) {
        const near = closest(key, outputs);
        out.push(issue('undeclared_output', pointer, `rule '${r.name}' sets '${key}', which is not a declared output, so no decision carries it${near ? `; did you mean '${near}'?` : ''}`));
      }
    }
  });
  for (const name of outputs)
    if (!used.has(name))
      out.push(issue('unused_output', `/outputs/${escapePointer(name)}`, `no rule sets output '${name}'; it is always its default (${short(doc.outputs[name].default ?? null)})`));
  return out;
}

function valueProblem(spec: OutputSpec, v: unknown): string | null {
  switch (spec.merge) {
    case 'worst':
    case 'best':
      return typeof v === 'string' && (spec.order ?? []).includes(v) ? null : `which is not in its order (${(spec.order ?? []).join(', ')}) and is ignored`;
    case 'min':
    case 'max':
    case 'sum':
      return typeof v === 'number' ? null : 'which is not a number and is ignored';
    case 'first':
      return v === null || typeOf(v) === spec.type ? null : `but ${spec.type === 'array' ? 'a list' : `a ${spec.type}`} is declared`;
    default:
      return null;
  }
}

function typeOf(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}
