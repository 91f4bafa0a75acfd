import { conflictOf } from './constraints';
import type { AnalysisContext } from './context';
import { issue, type Issue } from './issue';

/**
 * A rule whose conditions can never all hold (unreachable_rule): within one `all` (shared conditions included),
 * contradictory ranges on the same fact and path (`> 0.7` and `< 0.5`), two different `equal` values, a value
 * outside an `in` list, a condition and its own negation. With `any`, every alternative must be contradictory.
 * Such a rule is dead text that reviewers would still read as policy, so it blocks publishing.
 */
export function checkUnreachableRules(ctx: AnalysisContext): { issues: Issue[]; unreachable: Set<number> } {
  const issues: Issue[] = [];
  const unreachable = new Set<number>();
  ctx.doc.rules.forEach((rule, i) => {
    const alts = ctx.alternatives[i];
    if (!alts) return;
    const pointer = `/rules/${i}/conditions`;
    if (alts.length === 0) {
      unreachable.add(i);
      issues.push(issue('unreachable_rule', pointer, `rule '${rule.name}' can never fire: its conditions are false whatever the facts`));
      return;
    }
    const conflicts = alts.map((a) => conflictOf(a));
    if (conflicts.some((c) => c === null)) return;
    unreachable.add(i);
    const related = [...new Set(conflicts.flatMap((c) => c?.pointers ?? []))];
    const first = conflicts[0]?.message ?? '';
    const message =
      alts.length === 1
        ? `rule '${rule.name}' can never fire: ${first}`
        : `rule '${rule.name}' can never fire: each of its ${alts.length} alternatives is contradictory (the first: ${first})`;
    issues.push(issue('unreachable_rule', pointer, message, { related }));
  });
  return { issues, unreachable };
}
