import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import type { EvaluationResult } from '../api/types';
import { buildFactIndex, readCatalog } from '../model/fact-catalog';
import { testCatalog, testPolicy } from '../test-fixtures';
import { EvaluationResultView } from './EvaluationResultView';

const policy = testPolicy();
const facts = buildFactIndex(readCatalog(testCatalog), policy);

const result: EvaluationResult = {
  outputs: { decision: 'refer', maxLimit: 30000000 },
  firedRules: [{ name: 'leverage-above-line', priority: 10, event: policy.rules[0].event }],
  reasons: [],
  trace: [
    {
      name: 'leverage-above-line',
      priority: 10,
      fired: true,
      conditions: { type: 'all', result: true, conditions: [{ type: 'fact', fact: 'debtToAsset', operator: 'greaterThan', factValue: 0.82, value: 0.7, result: true }] },
    },
    {
      name: 'npl-arrears',
      priority: 20,
      fired: false,
      conditions: { type: 'all', result: false, conditions: [{ type: 'fact', fact: 'maxDpd', operator: 'greaterThanInclusive', factValue: 0, value: 91, result: false }] },
    },
  ],
};

describe('the test console result', () => {
  it('explains the run with the shared explanation tree, in the units the author typed the facts in', () => {
    render(<EvaluationResultView result={result} outputs={policy.outputs} facts={facts} />);
    const tree = screen.getByRole('region', { name: 'Explanation' });
    expect(within(tree).getByText('1 of 2 rules fired')).toBeInTheDocument();
    const leaf = within(tree).getByText('(debtToAsset)').closest('li')!;
    expect(leaf).toHaveAttribute('data-result', 'true');
    // Ratios as percentages and the catalog's label, as in the facts form, not the raw 0.82.
    expect(leaf).toHaveTextContent('Debt-to-asset ratio (debtToAsset) was 82 %; expected greater than 70 %');
    // The rule that did not fire is listed, closed.
    const notFired = within(tree).getAllByRole('listitem').find((li) => li.getAttribute('data-rule') === 'npl-arrears')!;
    expect(within(notFired).getByRole('button', { name: /npl-arrears/ })).toHaveAttribute('aria-expanded', 'false');
  });

  it('leaves the explanation out when the run had no trace', () => {
    render(<EvaluationResultView result={{ ...result, trace: undefined }} outputs={policy.outputs} facts={facts} />);
    expect(screen.queryByRole('region', { name: 'Explanation' })).not.toBeInTheDocument();
  });
});
