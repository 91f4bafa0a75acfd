import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RuleEvent } from '../api/types';
import { IssueIndex, type Issue } from '../model/issues';
import { testPolicy } from '../test-fixtures';
import { TestTheme } from '../test-theme';
import { OutputsEditor } from './OutputsEditor';

const policy = testPolicy();

function Harness({ initial, onChange, issues = [], readOnly = false }: { initial: RuleEvent; onChange?: (e: RuleEvent) => void; issues?: Issue[]; readOnly?: boolean }) {
  const [event, setEvent] = useState(initial);
  return (
    <TestTheme>
      <OutputsEditor
        event={event}
        outputs={policy.outputs}
        pointer="/rules/0/event"
        readOnly={readOnly}
        issues={new IssueIndex(issues)}
        knownValues={new Map()}
        objectLists={new Set(['conditions'])}
        onChange={(next) => {
          setEvent(next);
          onChange?.(next);
        }}
      />
    </TestTheme>
  );
}

const section = (output: string) => document.querySelector<HTMLElement>(`[data-pointer="/rules/0/event/params/${output}"]`)!;

describe('outputs editor', { timeout: 30_000 }, () => {
  it('offers one field per declared output, typed by its type and merge', async () => {
    const user = userEvent.setup({ delay: null });
    const changes = vi.fn();
    render(<Harness initial={policy.rules[0].event} onChange={changes} />);

    // The decision comes from the output's order, in words.
    const decision = within(section('decision')).getByRole('combobox', { name: 'decision' });
    expect(decision).toHaveTextContent('Refer');
    await user.click(decision);
    const options = within(await screen.findByRole('listbox')).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['No contribution', 'Decline', 'Refer', 'Approve']);
    await user.click(screen.getByRole('option', { name: 'Decline' }));
    expect(changes.mock.lastCall?.[0].params.decision).toBe('decline');

    // A capped amount is a number with its unit.
    expect(within(section('maxLimit')).getByText('Policy cap')).toBeInTheDocument();
    const cap = within(section('maxLimit')).getByRole('textbox', { name: 'maxLimit' });
    expect(cap).toHaveValue('30,000,000');
    expect(within(section('maxLimit')).getByText('CNY')).toBeInTheDocument();
    await user.clear(cap);
    await user.type(cap, '20000000');
    expect(changes.mock.lastCall?.[0].params.maxLimit).toBe(20000000);

    // Covenants and reasons are {code, zh, en} rows.
    expect(within(section('conditions')).getByRole('textbox', { name: 'Code' })).toHaveValue('C1');
    await user.click(within(section('reasons')).getByRole('button', { name: 'Add a reason' }));
    const codes = within(section('reasons')).getAllByRole('textbox', { name: 'Code' });
    await user.type(codes[1], 'LEV2');
    await user.type(within(section('reasons')).getAllByRole('textbox', { name: 'English wording' })[1], 'Leverage rising');
    expect(changes.mock.lastCall?.[0].params.reasons).toEqual([
      { code: 'LEV', zh: '资产负债率高于警戒线', en: 'Leverage above the warning line' },
      { code: 'LEV2', zh: '', en: 'Leverage rising' },
    ]);

    // The source and event type are kept with the rule.
    expect(screen.getByRole('textbox', { name: 'Source' })).toHaveValue('domain.md §2.3');
    expect(screen.getByRole('textbox', { name: 'Event type' })).toHaveValue('refer');
  });

  it('drops an output the rule no longer contributes to', async () => {
    const user = userEvent.setup({ delay: null });
    const changes = vi.fn();
    render(<Harness initial={policy.rules[0].event} onChange={changes} />);
    await user.click(within(section('maxLimit')).getByRole('button', { name: 'Clear maxLimit' }));
    expect(changes.mock.lastCall?.[0].params).not.toHaveProperty('maxLimit');
    await user.click(within(section('decision')).getByRole('combobox', { name: 'decision' }));
    await user.click(await screen.findByRole('option', { name: 'No contribution' }));
    expect(changes.mock.lastCall?.[0].params).not.toHaveProperty('decision');
  });

  it('shows problems at the output they concern, and nothing editable when read-only', () => {
    render(
      <Harness
        initial={policy.rules[0].event}
        readOnly
        issues={[{ pointer: '/rules/0/event/params/maxLimit', severity: 'error', source: 'server', text: 'must be a number; it was the string "30m"' }]}
      />,
    );
    expect(within(section('maxLimit')).getByText('must be a number; it was the string "30m"')).toBeInTheDocument();
    expect(within(section('decision')).queryByText('must be a number', { exact: false })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a reason' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Clear/ })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Source' })).toHaveAttribute('readonly');
  });
});
