import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExplanationTree, type FactPresenter, type RuleTrace } from './ExplanationTree';

const trace: RuleTrace[] = [
  {
    name: 'leverage-warning',
    priority: 100,
    fired: false,
    conditions: {
      type: 'all',
      result: false,
      conditions: [
        { type: 'fact', fact: 'debtToAsset', operator: 'greaterThan', factValue: 0.62, value: 0.7, result: false },
        { type: 'fact', fact: 'industrySection', operator: 'equal', factValue: 'C', value: 'C', result: true },
      ],
    },
  },
  {
    name: 'grade-8',
    priority: 100,
    fired: true,
    conditions: {
      type: 'any',
      result: true,
      conditions: [
        { type: 'fact', fact: 'internalGrade', operator: 'equal', factValue: 8, value: 8, result: true },
        { type: 'not', result: true, condition: { type: 'fact', fact: 'collateralType', operator: 'in', factMissing: true, value: ['land_use_rights', 'machinery'], result: false } },
        { type: 'fact', fact: 'ebitda', operator: 'greaterThan', factValue: 5, value: 4, valueRef: { fact: 'interestBearingDebt' }, result: true },
      ],
    },
  },
];

function rule(name: string) {
  return screen.getAllByRole('listitem').find((li) => li.getAttribute('data-rule') === name)!;
}

describe('ExplanationTree', () => {
  it('lists every rule, fired first and open, each condition met or not met in words', () => {
    render(<ExplanationTree trace={trace} />);
    expect(screen.getByText('1 of 2 rules fired')).toBeInTheDocument();
    const rules = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-rule'));
    expect(rules.map((r) => r.getAttribute('data-rule'))).toEqual(['grade-8', 'leverage-warning']);

    const fired = rule('grade-8');
    expect(within(fired).getByRole('button', { name: /grade-8/ })).toHaveAttribute('aria-expanded', 'true');
    expect(within(fired).getByText('Fired')).toBeInTheDocument();
    // The fact's value beside the expected one, and the verdict as a word (not colour alone).
    const grade = within(fired).getByText('internalGrade').closest('li')!;
    expect(grade).toHaveAttribute('data-result', 'true');
    expect(within(grade).getByText('met')).toBeInTheDocument();
    expect(within(grade).getByTestId('fact-value')).toHaveTextContent('8');
    expect(grade).toHaveTextContent('expected equal to 8');
    // A missing fact says so; a value taken from another fact names it.
    const missing = within(fired).getByText('collateralType').closest('li')!;
    expect(within(missing).getByTestId('fact-value')).toHaveTextContent('not provided');
    expect(within(missing).getByText('not met')).toBeInTheDocument();
    expect(within(missing).getByTestId('expected-value')).toHaveTextContent('[land_use_rights, machinery]');
    expect(within(fired).getByText('ebitda').closest('li')!).toHaveTextContent('expected greater than interestBearingDebt = 4');
    expect(within(fired).getByText('Any of these (3 conditions)')).toBeInTheDocument();
    expect(within(fired).getByText('Not the following')).toBeInTheDocument();

    // Rules that did not fire start closed.
    const notFired = rule('leverage-warning');
    expect(within(notFired).getByText('Not fired')).toBeInTheDocument();
    expect(within(notFired).queryByText('debtToAsset')).not.toBeInTheDocument();
  });

  it('opens a rule from the keyboard and shows only fired rules on request', async () => {
    const user = userEvent.setup();
    render(<ExplanationTree trace={trace} />);
    const toggle = within(rule('leverage-warning')).getByRole('button', { name: /leverage-warning/ });
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const leaf = within(rule('leverage-warning')).getByText('debtToAsset').closest('li')!;
    expect(leaf).toHaveAttribute('data-result', 'false');
    expect(within(leaf).getByText('not met')).toBeInTheDocument();
    expect(leaf).toHaveTextContent('was 0.62; expected greater than 0.7');

    await user.click(screen.getByRole('button', { name: 'Only fired rules' }));
    expect(screen.getByRole('button', { name: 'Only fired rules' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByText('leverage-warning')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(within(rule('grade-8')).getByRole('button', { name: /grade-8/ })).toHaveAttribute('aria-expanded', 'false');
  });

  it('names and formats facts with the presenter it is given', () => {
    const present: FactPresenter = {
      label: (fact) => (fact === 'internalGrade' ? 'Internal grade' : undefined),
      format: (fact, value) => (fact === 'internalGrade' ? `grade ${String(value)}` : String(value)),
    };
    render(<ExplanationTree trace={[trace[1]]} present={present} />);
    const leaf = screen.getByText('Internal grade').closest('li')!;
    expect(leaf).toHaveTextContent('Internal grade (internalGrade) was grade 8; expected equal to grade 8');
  });
});
