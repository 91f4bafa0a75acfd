import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TopCondition } from '../api/types';
import { buildFactIndex, readCatalog } from '../model/fact-catalog';
import { IssueIndex, type Issue } from '../model/issues';
import { testCatalog, testPolicy } from '../test-fixtures';
import { TestTheme } from '../test-theme';
import { BuilderContext } from './builder-context';
import { ConditionBuilder } from './ConditionBuilder';

const facts = buildFactIndex(readCatalog(testCatalog), testPolicy());

function Harness({ initial, issues = [], onChange }: { initial: TopCondition; issues?: Issue[]; onChange?: (v: TopCondition) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <TestTheme>
      <BuilderContext.Provider value={{ facts, readOnly: false, issues: new IssueIndex(issues), shared: testPolicy().conditions ?? {} }}>
        <ConditionBuilder
          value={value}
          pointer="/rules/0/conditions"
          onChange={(next) => {
            setValue(next);
            onChange?.(next);
          }}
        />
      </BuilderContext.Provider>
    </TestTheme>
  );
}

const leaf = (i: number) => document.querySelector<HTMLElement>(`[data-pointer="/rules/0/conditions/all/${i}"]`)!;

async function pickFact(user: ReturnType<typeof userEvent.setup>, container: HTMLElement, search: string, option: RegExp) {
  const input = within(container).getByRole('combobox', { name: 'Fact' });
  await user.clear(input);
  await user.type(input, search);
  await user.click(await screen.findByRole('option', { name: option }));
}

async function operatorOptions(user: ReturnType<typeof userEvent.setup>, container: HTMLElement): Promise<string[]> {
  await user.click(within(container).getByRole('combobox', { name: 'Comparison' }));
  const options = within(await screen.findByRole('listbox')).getAllByRole('option').map((o) => o.textContent ?? '');
  await user.keyboard('{Escape}');
  return options;
}

describe('condition builder', { timeout: 30_000 }, () => {
  it('adds a condition and offers only the comparisons that fit the chosen fact', async () => {
    const user = userEvent.setup({ delay: null });
    const changes = vi.fn();
    render(<Harness initial={{ all: [] }} onChange={changes} />);

    await user.click(screen.getByRole('button', { name: 'Condition' }));
    expect(leaf(0)).toBeInTheDocument();

    await pickFact(user, leaf(0), 'industry', /Industry section/);
    expect(changes).toHaveBeenLastCalledWith({ all: [{ fact: 'industrySection', operator: 'equal', value: '' }] });
    expect(await operatorOptions(user, leaf(0))).toEqual(['equals', 'does not equal', 'is one of', 'is none of', 'starts with']);

    await pickFact(user, leaf(0), '负债', /Debt-to-asset ratio/);
    const numberOps = await operatorOptions(user, leaf(0));
    expect(numberOps).toContain('greater than');
    expect(numberOps).toContain('between (inclusive)');
    expect(numberOps).not.toContain('starts with');
    expect(changes).toHaveBeenLastCalledWith({ all: [{ fact: 'debtToAsset', operator: 'equal', value: 0 }] });

    await pickFact(user, leaf(0), 'incorporation', /Date of incorporation/);
    expect(await operatorOptions(user, leaf(0))).toEqual(['before', 'after', 'within days of the as-of date']);

    await pickFact(user, leaf(0), 'USCC', /USCC warnings/);
    expect(await operatorOptions(user, leaf(0))).toEqual(['contains', 'does not contain']);
  });

  it('shows a ratio in percent and stores the decimal; an enumeration as named choices', async () => {
    const user = userEvent.setup({ delay: null });
    const changes = vi.fn();
    render(
      <Harness
        initial={{ all: [{ fact: 'debtToAsset', operator: 'greaterThan', value: 0.7 }, { fact: 'industrySection', operator: 'in', value: ['C'] }] }}
        onChange={changes}
      />,
    );
    const value = within(leaf(0)).getByRole('textbox', { name: 'Value' });
    expect(value).toHaveValue('70');
    expect(within(leaf(0)).getByText('%')).toBeInTheDocument();
    await user.clear(value);
    await user.type(value, '75');
    expect(changes.mock.lastCall?.[0].all[0]).toEqual({ fact: 'debtToAsset', operator: 'greaterThan', value: 0.75 });

    expect(within(leaf(1)).getByText('Manufacturing')).toBeInTheDocument();
    await user.click(within(leaf(1)).getByRole('combobox', { name: 'Value' }));
    await user.click(await screen.findByRole('option', { name: 'Real estate' }));
    expect(changes.mock.lastCall?.[0].all[1].value).toEqual(['C', 'K']);

    // Changing the comparison keeps what still fits: a list becomes its first value for "equals".
    await user.click(within(leaf(1)).getByRole('combobox', { name: 'Comparison' }));
    await user.click(await screen.findByRole('option', { name: 'equals' }));
    expect(changes.mock.lastCall?.[0].all[1]).toEqual({ fact: 'industrySection', operator: 'equal', value: 'C' });
  });

  it('nests groups, changes their type, moves and removes conditions', async () => {
    const user = userEvent.setup({ delay: null });
    const changes = vi.fn();
    render(<Harness initial={{ all: [{ fact: 'maxDpd', operator: 'greaterThan', value: 30 }] }} onChange={changes} />);

    await user.click(screen.getAllByRole('button', { name: 'Group' })[0]);
    const nested = document.querySelector<HTMLElement>('[data-pointer="/rules/0/conditions/all/1"]')!;
    await user.click(within(nested).getByRole('combobox', { name: 'Combine' }));
    await user.click(await screen.findByRole('option', { name: 'Any of these is true (OR)' }));
    await user.click(within(nested).getByRole('button', { name: 'Condition' }));
    await user.click(within(nested).getByRole('button', { name: 'Condition' }));
    expect(changes.mock.lastCall?.[0]).toEqual({
      all: [
        { fact: 'maxDpd', operator: 'greaterThan', value: 30 },
        { any: [{ fact: '', operator: 'equal', value: '' }, { fact: '', operator: 'equal', value: '' }] },
      ],
    });

    // The nested group moves above the comparison; then the comparison is removed.
    const moveUps = screen.getAllByRole('button', { name: 'Move up' });
    await user.click(moveUps.find((b) => !b.hasAttribute('disabled') && b.closest('[data-pointer]')?.getAttribute('data-pointer') === '/rules/0/conditions')!);
    expect(changes.mock.lastCall?.[0].all[0]).toHaveProperty('any');

    // The outer group becomes a NOT: its two children are kept under an "all".
    await user.click(screen.getAllByRole('combobox', { name: 'Combine' })[0]);
    await user.click(await screen.findByRole('option', { name: 'This is NOT true' }));
    expect(changes.mock.lastCall?.[0]).toEqual({ not: { all: [expect.objectContaining({ any: expect.any(Array) }), { fact: 'maxDpd', operator: 'greaterThan', value: 30 }] } });
  });

  it('refers to a shared condition and shows what it says', async () => {
    const user = userEvent.setup({ delay: null });
    const changes = vi.fn();
    render(<Harness initial={{ all: [] }} onChange={changes} />);
    await user.click(screen.getByRole('button', { name: 'Shared condition' }));
    await user.click(await screen.findByRole('menuitem', { name: 'manufacturer' }));
    expect(changes).toHaveBeenLastCalledWith({ all: [{ condition: 'manufacturer' }] });
    expect(screen.getByText('Industry section is one of Manufacturing')).toBeInTheDocument();
  });

  it('shows a problem at the condition its JSON pointer names', () => {
    render(
      <Harness
        initial={{ all: [{ fact: 'debtToAsset', operator: 'greaterThan', value: 0.7 }, { fact: 'maxDpd', operator: 'greaterThan', value: 30 }] }}
        issues={[
          { pointer: '/rules/0/conditions/all/1/value', severity: 'error', source: 'server', text: 'must be below 10000' },
          { pointer: '/rules/0/conditions', severity: 'warning', source: 'analysis', text: 'this rule is shadowed by rule 3' },
        ]}
      />,
    );
    expect(within(leaf(1)).getByText('must be below 10000')).toBeInTheDocument();
    expect(within(leaf(0)).queryByText('must be below 10000')).not.toBeInTheDocument();
    expect(within(leaf(1)).getByRole('textbox', { name: 'Value' })).toHaveAttribute('aria-invalid', 'true');
    const root = document.querySelector<HTMLElement>('[data-pointer="/rules/0/conditions"]')!;
    expect(within(root).getAllByText('this rule is shadowed by rule 3')).toHaveLength(1);
  });
});
