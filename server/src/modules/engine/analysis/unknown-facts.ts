import type { RuleSetDocument } from '../../rule-sets/rule-set';
import { numeric, type FactIndex, type FactKind } from './fact-index';
import { issue, type Issue } from './issue';
import { forEachLeaf, isFactRef } from './walk';

/**
 * Every fact a condition names, on either side, must be in the fact catalog or declared in the rule set's
 * `inputs` (unknown_fact): otherwise no caller can supply it and derive() never computes it, so the condition
 * silently sees undefined. An input that redeclares a catalog fact with another type is a warning
 * (input_type_conflict): a decision by client id would get the catalog's type.
 */
export function checkUnknownFacts(doc: RuleSetDocument, facts: FactIndex): Issue[] {
  const out: Issue[] = [];
  const check = (name: unknown, pointer: string) => {
    if (typeof name !== 'string' || facts.get(name)) return;
    const near = closest(name, facts.names());
    out.push(issue('unknown_fact', pointer, `'${name}' is neither in the fact catalog nor declared in inputs${near ? `; did you mean '${near}'?` : ''}`, near ? { suggestion: near } : {}));
  };
  forEachLeaf(doc, (leaf, ptr) => {
    check(leaf.fact, `${ptr}/fact`);
    if (isFactRef(leaf.value)) check(leaf.value.fact, `${ptr}/value/fact`);
  });
  for (const name of new Set((doc.inputs ?? []).map((i) => i.name))) {
    const f = facts.get(name);
    if (!f || f.from !== 'inputs' || !f.catalogKind || f.kind === null || compatible(f.kind, f.catalogKind)) continue;
    out.push(issue('input_type_conflict', `/inputs/${f.inputIndex}/type`, `declares '${name}' as ${f.kind}, but the fact catalog has it as ${f.catalogKind}; a decision by client id gets the catalog's ${f.catalogKind}`));
  }
  return out;
}

function compatible(a: FactKind, b: FactKind): boolean {
  return a === b || (numeric(a) && numeric(b));
}

/** The known name nearest to a misspelt one (edit distance ≤ 2, case ignored), or undefined. */
export function closest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(name.length / 3)) + 1;
  for (const k of known) {
    if (Math.abs(k.length - name.length) >= bestDistance) continue;
    const d = k.toLowerCase() === lower ? 0 : distance(lower, k.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once every cell of a row reaches it. */
function distance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let min = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      min = Math.min(min, row[j]);
    }
    if (min >= limit) return limit;
    prev = row;
  }
  return prev[b.length];
}
