import { canonicalJson } from '../../../shared/canonical-json';
import { implies, indexAlternative, type Alternative, type IndexedAlternative } from './constraints';
import type { AnalysisContext } from './context';
import { issue, type Issue } from './issue';
import { escapePointer, has } from './walk';

/**
 * Under a `first` output the highest-priority fired rule decides (equal priorities: the earlier in the document).
 * A lower rule whose conditions imply a higher rule's — identical, a superset of its `all`, a narrower range of
 * the same fact — can fire only together with it, so its contribution to that output never counts
 * (shadowed_rule). A warning, not an error: the rule may still matter for its other outputs and reasons.
 */
export function checkShadowedRules(ctx: AnalysisContext, unreachable: ReadonlySet<number>, budget = MAX_IMPLICATION_CHECKS): Issue[] {
  const { doc } = ctx;
  const out: Issue[] = [];
  let left = budget;
  for (const [output, spec] of Object.entries(doc.outputs)) {
    if (spec.merge !== 'first') continue;
    const contributors = doc.rules
      .map((r, index) => ({ r, index }))
      .filter(({ r }) => contributes(r.event.params, output))
      .sort((a, b) => b.r.priority - a.r.priority || a.index - b.index)
      .map((c) => ({ ...c, subjects: subjectLists(ctx.alternatives[c.index]) }));
    let stoppedAt: number | undefined;
    contributors.forEach((low, k) => {
      const alts = ctx.alternatives[low.index];
      if (stoppedAt !== undefined || !alts || alts.length === 0 || unreachable.has(low.index)) return;
      const indexed = alts.map(indexAlternative);
      for (let h = 0; h < k; h++) {
        const high = contributors[h];
        if ((left -= PAIR_COST) < 0) {
          stoppedAt = k;
          return;
        }
        if (unreachable.has(high.index)) continue;
        // Cheap necessary test first: a proof of implication only uses leaves on subjects the alternative reads.
        if (!mayImply(indexed, high.subjects)) continue;
        left -= IMPLIES_COST;
        if (!indexed.every((a) => implies(doc, a, high.r.conditions))) continue;
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
    if (stoppedAt !== undefined)
      out.push(
        issue('analysis_incomplete', `/outputs/${escapePointer(output)}`, `shadowing under '${output}' was checked for its ${stoppedAt} highest rules only: the other ${contributors.length - stoppedAt} would take too many comparisons`),
      );
  }
  return out;
}

/**
 * The work one document may cost, in pairs looked at (PAIR_COST) and implications tried (IMPLIES_COST, measured
 * about twenty times dearer). Comparing every pair is quadratic: a few hundred rules on one first output stay well
 * inside this; a pathological document (2,000 rules on one output) is cut short in about 100 ms of CPU.
 */
export const MAX_IMPLICATION_CHECKS = 1_000_000;
const PAIR_COST = 1;
const IMPLIES_COST = 20;

/** Per alternative, the distinct subjects (fact and path) its leaves read; null when the rule was too large to expand. */
function subjectLists(alts: Alternative[] | null): string[][] | null {
  return alts && alts.map((a) => [...new Set(a.map((l) => l.subject))]);
}

/** Whether every alternative of the lower rule reads all the subjects of at least one alternative of the higher. */
function mayImply(low: readonly IndexedAlternative[], high: string[][] | null): boolean {
  if (high === null) return true;
  for (const a of low) {
    let found = false;
    for (const need of high) {
      let all = true;
      for (const s of need)
        if (!a.subjects.has(s)) {
          all = false;
          break;
        }
      if (all) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** The engine's test (merge.ts): an own property of params that is not undefined. */
export function contributes(params: Record<string, unknown> | undefined, output: string): boolean {
  return !!params && typeof params === 'object' && has(params, output) && params[output] !== undefined;
}
