import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DecisionRecord } from '../../features/decisions/api/types';
import { decisionListPath, EMPTY_FILTERS } from '../../features/decisions/model/decision-filters';
import { FakeApi, ok } from '../../test-utils/fake-api';
import { renderApp } from '../../test-utils/render-app';
import { analystSession } from '../../test-utils/sessions';

function decision(i: number, outcome = 'approve'): DecisionRecord {
  return {
    id: `dec_${String(i).padStart(20, '0')}`,
    ruleSet: { key: 'corporate-credit-policy', version: 1, contentHash: `sha256:${'a'.repeat(64)}` },
    facts: {},
    derivedFacts: {},
    asOf: '2026-11-20',
    outputs: { decision: outcome },
    firedRules: [],
    reasons: [],
    outcome,
    caller: { kind: 'api-key', id: 'key_1', name: 'loan origination' },
    clientId: null,
    idempotencyKey: null,
    requestId: 'req_1',
    ref: null,
    batchIndex: null,
    evaluatedAt: new Date(Date.UTC(2026, 10, 20, 8, 0, i)).toISOString(),
    latencyMs: 0.4,
  };
}

const ruleSets = ok({ items: [{ key: 'corporate-credit-policy', family: 'credit-policy', name: { en: 'Corporate credit policy', zh: '公司客户授信政策' } }, { key: 'five-category', family: 'segmentation', name: { en: 'Five categories' } }] });

function api() {
  return new FakeApi().on('GET', '/api/v1/auth/me', ok(analystSession)).on('GET', '/api/v1/rule-sets', ruleSets);
}

// The whole app renders in jsdom here, which is slow on a loaded machine: generous waits, not flaky ones.
const slow = { timeout: 8000 };

describe('decision log filters and the address', { timeout: 40_000 }, () => {
  it('start from the filters in the address and ask the server for exactly those', async () => {
    const filters = { ...EMPTY_FILTERS, ruleSet: 'corporate-credit-policy', outcome: 'refer', caller: 'key_1', from: '2026-11-01', to: '2026-11-30' };
    const fake = api().on('GET', decisionListPath(filters), ok({ items: [decision(1, 'refer')], nextCursor: null })).install();
    renderApp('/decisions?ruleSet=corporate-credit-policy&outcome=refer&caller=key_1&from=2026-11-01&to=2026-11-30');
    const table = await screen.findByRole('table', { name: 'Decision log' }, slow);
    expect(within(table).getByText('Refer')).toBeInTheDocument();
    expect(fake.callsTo('GET', decisionListPath(filters))).toHaveLength(1);
    const form = screen.getByRole('search', { name: 'Filter decisions' });
    expect(within(form).getByLabelText('Outcome')).toHaveValue('refer');
    expect(within(form).getByLabelText('Caller (key or user)')).toHaveValue('key_1');
    expect(within(form).getByLabelText('From')).toHaveValue('2026-11-01');
    expect(within(form).getByLabelText('To')).toHaveValue('2026-11-30');
    expect(within(form).getByRole('combobox', { name: 'Rule set' })).toHaveTextContent('Corporate credit policy');
  });

  it('write applied filters into the address and fetch again; clearing empties both', async () => {
    const user = userEvent.setup();
    const withClient = { ...EMPTY_FILTERS, client: 'cli_42', from: '2026-11-02' };
    const fake = api()
      .on('GET', decisionListPath(EMPTY_FILTERS), ok({ items: [decision(1), decision(2, 'decline')], nextCursor: null }))
      .on('GET', decisionListPath(withClient), ok({ items: [], nextCursor: null }))
      .install();
    const { location } = renderApp('/decisions');
    await screen.findByText('2 decisions', {}, slow);

    const form = screen.getByRole('search', { name: 'Filter decisions' });
    await user.type(within(form).getByLabelText('Client ID'), 'cli_42');
    await user.type(within(form).getByLabelText('From'), '2026-11-02');
    expect(location()).toBe('/decisions'); // typing alone does not search
    await user.click(within(form).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(location()).toBe('/decisions?client=cli_42&from=2026-11-02'), slow);
    expect(await screen.findByText('No decision matches these filters', {}, slow)).toBeInTheDocument();
    expect(fake.callsTo('GET', decisionListPath(withClient))).toHaveLength(1);

    await user.click(within(form).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(location()).toBe('/decisions'), slow);
    expect(await screen.findByText('2 decisions', {}, slow)).toBeInTheDocument();
    expect(within(form).getByLabelText('Client ID')).toHaveValue('');
  });

  it('follows the address back (history) and refuses a start after the end', async () => {
    const user = userEvent.setup();
    const declined = { ...EMPTY_FILTERS, outcome: 'decline' };
    api()
      .on('GET', decisionListPath(EMPTY_FILTERS), ok({ items: [decision(1)], nextCursor: null }))
      .on('GET', decisionListPath(declined), ok({ items: [decision(2, 'decline')], nextCursor: null }))
      .install();
    const { router, location } = renderApp('/decisions');
    await screen.findByText('1 decision', {}, slow);
    await router.navigate('/decisions?outcome=decline');
    const form = screen.getByRole('search', { name: 'Filter decisions' });
    await waitFor(() => expect(within(form).getByLabelText('Outcome')).toHaveValue('decline'), slow);
    await router.navigate(-1);
    await waitFor(() => expect(within(form).getByLabelText('Outcome')).toHaveValue(''), slow);

    await user.type(within(form).getByLabelText('From'), '2026-11-10');
    await user.type(within(form).getByLabelText('To'), '2026-11-01');
    expect(screen.getByText('The start date is after the end date.')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(location()).toBe('/decisions');
  });

  it('renders only the rows in view of a long log', async () => {
    const many = Array.from({ length: 300 }, (_, i) => decision(i));
    api().on('GET', decisionListPath(EMPTY_FILTERS), ok({ items: many, nextCursor: null })).install();
    renderApp('/decisions');
    const table = await screen.findByRole('table', { name: 'Decision log' }, slow);
    const rows = within(table).getAllByRole('row').filter((r) => r.hasAttribute('data-decision-id'));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(table).toHaveAttribute('aria-rowcount', '301');
  });
});
