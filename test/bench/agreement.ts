import type { CompiledRuleSet } from '../../server/src/modules/engine';
import type { Borrower } from './borrowers';

/**
 * Before anything is timed, every engine must fire the same rules as ours on the same borrowers; a benchmark of
 * engines that disagree compares different work. Returns the number of borrowers checked, or throws on the
 * first disagreement with both answers.
 */
export type FiredNames = (b: Borrower) => string[] | Promise<string[]>;

export function firedByUs(compiled: CompiledRuleSet, b: Borrower, trace = false): string[] {
  return compiled.evaluate(b, { trace }).firedRules.map((r) => r.name).sort();
}

export async function checkAgreement(label: string, ours: CompiledRuleSet, peer: FiredNames, borrowers: Borrower[], batch = 1): Promise<number> {
  for (let i = 0; i < borrowers.length; i += batch) {
    const slice = borrowers.slice(i, i + batch);
    const answers = await Promise.all(slice.map((b) => peer(b)));
    slice.forEach((b, k) => {
      const expected = firedByUs(ours, b).join(',');
      const actual = [...answers[k]].sort().join(',');
      if (expected !== actual) {
        throw new Error(`${label} disagrees with our evaluator on borrower ${i + k}:\n  ours: [${expected}]\n  ${label}: [${actual}]\n  borrower: ${JSON.stringify(b)}`);
      }
    });
  }
  return borrowers.length;
}
