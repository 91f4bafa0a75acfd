import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OutputResult } from '../api/types';
import { OutcomeMatrix } from './OutcomeMatrix';

// The corporate policy over 300 clients with a tighter net-leverage limit (a real run's numbers).
const decision: Extract<OutputResult, { kind: 'categorical' }> = {
  output: 'decision',
  kind: 'categorical',
  values: ['decline', 'refer', 'approve'],
  cells: [
    { baseline: 'decline', candidate: 'decline', count: 164, exposure: 12247480522 },
    { baseline: 'refer', candidate: 'decline', count: 9, exposure: 74051960 },
    { baseline: 'refer', candidate: 'refer', count: 52, exposure: 1271669383 },
    { baseline: 'approve', candidate: 'refer', count: 14, exposure: 402484686 },
    { baseline: 'approve', candidate: 'approve', count: 61, exposure: 790360590 },
  ],
  changed: { count: 23, exposure: 476536646 },
  worse: { count: 23, exposure: 476536646 },
  better: { count: 0, exposure: 0 },
};

const cellAt = (row: string, col: string) => document.querySelector(`[data-row='${JSON.stringify(row)}'][data-col='${JSON.stringify(col)}']`) as HTMLElement;

describe('the outcome heat map', () => {
  it('is a table with the baseline in rows and the candidate in columns, counts and exposure in every cell', () => {
    render(<OutcomeMatrix result={decision} />);
    const table = screen.getByRole('table', { name: 'Outcome matrix of decision: baseline values in rows, candidate values in columns' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(expect.arrayContaining(['Decline', 'Refer', 'Approve', 'Total']));
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Decline', 'Refer', 'Approve', 'Total']);
    expect(cellAt('approve', 'refer')).toHaveTextContent('14');
    expect(cellAt('approve', 'refer')).toHaveTextContent('CNY 402.5M');
    expect(cellAt('refer', 'approve')).toHaveTextContent('0');
    expect(screen.getByText('23 records move to a worse outcome, 0 to a better one.')).toBeInTheDocument();
  });

  it('says in words which moves are worse, better or unchanged, not by colour alone', () => {
    render(<OutcomeMatrix result={decision} />);
    expect(within(cellAt('approve', 'refer')).getByText('worse')).toBeInTheDocument();
    expect(within(cellAt('refer', 'approve')).getByText('better')).toBeInTheDocument();
    expect(within(cellAt('decline', 'decline')).getByText('unchanged')).toBeInTheDocument();
    expect(cellAt('approve', 'refer')).toHaveAttribute('title', 'Approve → Refer: worse');
  });

  it('adds up rows and columns, and shades by exposure on request', async () => {
    render(<OutcomeMatrix result={decision} />);
    const rows = screen.getAllByRole('row');
    const totals = rows[rows.length - 1];
    expect(within(totals).getAllByRole('cell').map((c) => c.querySelector('span')?.textContent)).toEqual(['173', '66', '61', '300']);
    const before = getComputedStyle(cellAt('refer', 'decline')).backgroundColor;
    await userEvent.click(screen.getByRole('button', { name: 'Exposure' }));
    expect(screen.getByRole('button', { name: 'Exposure' })).toHaveAttribute('aria-pressed', 'true');
    // 9 of the 14+9 moved records, but only a sixth of the moved exposure: paler when shaded by exposure.
    expect(getComputedStyle(cellAt('refer', 'decline')).backgroundColor).not.toBe(before);
  });

  it('has no worse or better without a declared order', () => {
    render(<OutcomeMatrix result={{ ...decision, output: 'tier', values: ['T1', 'T2'], cells: [{ baseline: 'T1', candidate: 'T2', count: 3, exposure: 10 }], worse: undefined, better: undefined, changed: { count: 3, exposure: 10 } }} />);
    expect(within(cellAt('T1', 'T2')).getByText('changed')).toBeInTheDocument();
    expect(screen.getByText('3 records change.')).toBeInTheDocument();
  });
});
