import type { RuleSetDocument } from '../../rule-sets/rule-set';
import { analysisContext, type AnalysisContext } from './context';
import type { CatalogFact } from './fact-index';
import { issue, type AnalysisResult, type Issue } from './issue';
import { checkOperators } from './operator-fit';
import { checkOutputs } from './output-checks';
import { checkShadowedRules } from './shadowed-rules';
import { checkUnknownFacts } from './unknown-facts';
import { checkUnreachableRules } from './unreachable-rules';
import { checkUnusedConditions } from './unused-conditions';
import { checkValueTypes } from './value-types';

/**
 * The static checks of DESIGN §3, run on a schema-valid document (the registry's save checks come first:
 * duplicate names, undefined shared conditions, cycles, depth). Errors block submit and activate; warnings are
 * shown. Pure and synchronous: the same document and catalog always give the same findings, in document order.
 */
export function analyzeRuleSet(doc: RuleSetDocument, catalog: Iterable<CatalogFact>): AnalysisResult {
  const ctx = analysisContext(doc, catalog);
  const unreachable = checkUnreachableRules(ctx);
  const all: Issue[] = [
    ...checkUnknownFacts(doc, ctx.facts),
    ...checkOperators(doc, ctx.facts),
    ...checkValueTypes(doc, ctx.facts),
    ...unreachable.issues,
    ...checkShadowedRules(ctx, unreachable.unreachable),
    ...checkUnusedConditions(doc),
    ...checkOutputs(doc),
    ...notAnalysed(ctx.alternatives, doc),
  ];
  const sorted = dedupe(all).sort((a, b) => comparePointers(a.pointer, b.pointer));
  return { errors: sorted.filter((i) => i.severity === 'error'), warnings: sorted.filter((i) => i.severity === 'warning') };
}

/** One warning naming the rules too large to check for contradictions and shadowing, if any. */
function notAnalysed(alternatives: AnalysisContext['alternatives'], doc: RuleSetDocument): Issue[] {
  const names = doc.rules.filter((_, i) => alternatives[i] === null).map((r) => `'${r.name}'`);
  if (!names.length) return [];
  const listed = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
  return [issue('analysis_incomplete', '/rules', `${names.length} rule${names.length > 1 ? 's were' : ' was'} too large to check for contradictions and shadowing (too many alternatives once any, not and shared conditions are expanded): ${listed}`)];
}

function dedupe(list: Issue[]): Issue[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const k = `${i.pointer}\u0000${i.code}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Document order: /inputs, /outputs, /conditions, /rules by index (numerically), then deeper pointers. */
export function comparePointers(a: string, b: string): number {
  const rank = (p: string) => ['inputs', 'outputs', 'conditions', 'rules', 'tests'].indexOf(p.split('/')[1] ?? '');
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    const na = /^\d+$/.test(pa[i]) ? Number(pa[i]) : NaN;
    const nb = /^\d+$/.test(pb[i]) ? Number(pb[i]) : NaN;
    if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
    return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}
