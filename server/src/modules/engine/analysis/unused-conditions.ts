import type { RuleSetDocument } from '../../rule-sets/rule-set';
import { issue, type Issue } from './issue';
import { escapePointer, has, referencesOf } from './walk';

/**
 * A shared condition that no rule uses, directly or through other shared conditions (unused_condition): left
 * over from an edit, and misleading to a reviewer who reads it as policy.
 */
export function checkUnusedConditions(doc: RuleSetDocument): Issue[] {
  const shared = doc.conditions ?? {};
  const used = new Set<string>();
  const pending = doc.rules.flatMap((r) => referencesOf(r.conditions));
  while (pending.length) {
    const name = pending.pop() as string;
    if (used.has(name) || !has(shared, name)) continue;
    used.add(name);
    pending.push(...referencesOf(shared[name]));
  }
  return Object.keys(shared)
    .filter((name) => !used.has(name))
    .map((name) => issue('unused_condition', `/conditions/${escapePointer(name)}`, `shared condition '${name}' is not used by any rule`));
}
