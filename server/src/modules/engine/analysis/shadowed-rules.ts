import { canonicalJson } from '../../../shared/canonical-json';
import { implies, summarize } from './constraints';
import type { AnalysisContext } from './context';
import { issue, type Issue } from './issue';
import { escapePointer, has } from './walk';

/**
 * Under a `first` output the highest-priority fired rule decides (equal priorities: the earlier in the document).
 * A lower rule whose conditions imply a higher rule's — identical, a superset of its `all`, a narrower range of
 * the same fact — can fire only together with it, so its contribution to that output never counts
 * (shadowed_rule). A warning, not an error: the rule may still matter for its other outputs and reasons.
 */
export function checkShadowedRules(ctx: AnalysisContext, unreachable: ReadonlySet<number>): Issue[] {
  const { doc } = ctx;
  const out: Issue[] = [];
  for (const [output, spec] of Object.entries(doc.outputs)) {
    if (spec.merge !== 'first') continue;
    const contributors = doc.rules
      .map((r, index) => ({ r, index }))
      .filter(({ r }) => contributes(r.event.params, output))
      .sort((a, b) => b.r.priority - a.r.priority || a.index - b.index);
    contributors.forEach((low, k) => {
      const alts = ctx.alternatives[low.index];
      if (!alts || alts.length === 0 || unreachable.has(low.index)) return;
      const summaries = alts.map((a) => summarize(a));
      for (const high of contributors.slice(0, k)) {
        if (unreachable.has(high.index)) continue;
        if (!alts.every((a, i) => implies(doc, a, high.r.conditions, summaries[i]))) continue;
        const same = canonicalJson(high.r.event.params?.[output]) === canonicalJson(low.r.event.params?.[output]);
        const order = high.r.priority > low.r.priority ? `priority ${high.r.priority} > ${low.r.priority}` : `same priority ${high.r.priority}, earlier in the document`;
        out.push(
          issue(
            'shadowed_rule',
            `/rules/${low.index}/event/params/${escapePointer(output)}`,
            `rule '${low.r.name}' never sets ${output}: whenever it fires, rule '${high.r.name}' (${order}) fires too and wins under 'first'${same ? ' (with the same value)' : ''}`,
            { related: [`/rules/${high.index}`], output },
          ),
        );
        return;
      }
    });
  }
  return out;
}

/** The engine's test (merge.ts): an own property of params that is not undefined. */
export function contributes(params: Record<string, unknown> | undefined, output: string): boolean {
  return !!params && typeof params === 'object' && has(params, output) && params[output] !== undefined;
}
