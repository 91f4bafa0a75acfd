import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DecisionRecord, Replay } from '../../features/decisions/api/types';
import { FakeApi, ok, problem } from '../../test-utils/fake-api';
import { renderApp } from '../../test-utils/render-app';
import { analystSession } from '../../test-utils/sessions';

const slow = { timeout: 8000 };
const ID = 'dec_0mwsrhg8t0000clccgi5';
const v1 = { key: 'corporate-credit-policy', version: 1, contentHash: `sha256:${'b'.repeat(64)}` };
const v2 = { key: 'corporate-credit-policy', version: 2, contentHash: `sha256:${'c'.repeat(64)}` };
const reason = { code: 'G03', zh: '内部评级8级（B）', en: 'Internal grade 8 (B)' };

const record: DecisionRecord = {
  id: ID,
  ruleSet: v1,
  facts: { internalGrade: 8, debtToAsset: 0.62 },
  derivedFacts: {},
  asOf: '2026-11-23',
  outputs: { decision: 'approve', maxLimit: 50000000, reasons: [reason] },
  firedRules: [{ name: 'grade-8', priority: 100, event: { type: 'adjust', params: { reasons: [reason] } } }],
  reasons: [reason],
  trace: [{ name: 'grade-8', priority: 100, fired: true, conditions: { type: 'all', result: true, conditions: [{ type: 'fact', fact: 'internalGrade', operator: 'equal', factValue: 8, value: 8, result: true }] } }],
  outcome: 'approve',
  caller: { kind: 'api-key', id: 'key_1', name: 'loan origination' },
  clientId: null,
  idempotencyKey: null,
  requestId: 'req_1',
  ref: null,
  batchIndex: null,
  evaluatedAt: '2026-11-23T04:24:21.629Z',
  latencyMs: 1.985,
};

const replay: Replay = {
  decisionId: ID,
  evaluatedAt: record.evaluatedAt,
  asOf: record.asOf,
  original: { ruleSet: v1, outputs: record.outputs, firedRules: ['grade-8'] },
  sameVersion: { ruleSet: v1, outputs: record.outputs, firedRules: ['grade-8'], changed: false, differences: { outputs: [], newlyFired: [], noLongerFired: [] }, reproduced: true },
  activeVersion: {
    ruleSet: v2,
    outputs: { ...record.outputs, decision: 'refer' },
    firedRules: ['grade-8', 'leverage-warning'],
    changed: true,
    differences: { outputs: [{ output: 'decision', before: 'approve', after: 'refer' }], newlyFired: ['leverage-warning'], noLongerFired: [] },
  },
};

function api() {
  return new FakeApi()
    .on('GET', '/api/v1/auth/me', ok(analystSession))
    .on('GET', `/api/v1/decisions/${ID}`, ok(record))
    .on('GET', '/api/v1/facts', ok({ facts: [{ name: 'internalGrade', type: 'number', unit: 'grade', description: { en: 'Internal grade (master scale)', zh: '内部评级' } }] }))
    .on('GET', '/api/v1/rule-sets/corporate-credit-policy/versions/1', ok({ document: { outputs: { maxLimit: { type: 'number', unit: 'CNY', description: { en: 'Policy cap in CNY' } } } } }));
}

describe('a decision in detail', { timeout: 40_000 }, () => {
  it('shows version, caller, outputs, fired rules with reasons, facts and the explanation', async () => {
    api().install();
    renderApp(`/decisions/${ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: `Decision ${ID}` }, slow)).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(summary).toHaveTextContent(v1.contentHash);
    expect(summary).toHaveTextContent('loan origination (API key key_1)');
    expect(summary).toHaveTextContent('1.99 ms');
    const outputs = screen.getByRole('region', { name: 'Outputs' });
    expect(await within(outputs).findByText('Policy cap in CNY', {}, slow)).toBeInTheDocument();
    expect(outputs).toHaveTextContent('50,000,000 CNY');
    expect(within(screen.getByRole('region', { name: 'Fired rule (1)' })).getByText('G03 · Internal grade 8 (B)')).toBeInTheDocument();
    const explanation = screen.getByRole('region', { name: 'Explanation' });
    expect(await within(explanation).findByText('Internal grade (master scale)', {}, slow)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Facts received (2)' })).getByText('debtToAsset')).toBeInTheDocument();
  });

  it('replays: reproduced with its own version, and what today\'s active version changes', async () => {
    const fake = api().on('GET', `/api/v1/decisions/${ID}/replay`, ok(replay)).install();
    renderApp(`/decisions/${ID}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Replay this decision' }, slow));
    expect(await screen.findByTestId('replay-same', {}, slow)).toHaveTextContent('Reproduced: version 1 gives exactly the logged outputs');
    const active = screen.getByTestId('replay-active');
    expect(active).toHaveTextContent('The active version 2');
    const row = within(active).getByRole('row', { name: /decision/ });
    expect(row).toHaveTextContent('approve');
    expect(row).toHaveTextContent('refer');
    expect(active).toHaveTextContent('Now also fires: leverage-warning');
    // The decision had a trace, so the replay does not ask for another.
    expect(fake.callsTo('GET', `/api/v1/decisions/${ID}/replay`)).toHaveLength(1);
  });

  it('says plainly when the decision does not exist', async () => {
    api().on('GET', '/api/v1/decisions/dec_nope', problem(404, 'not_found', 'Decision dec_nope not found')).install();
    renderApp('/decisions/dec_nope');
    expect(await screen.findByRole('heading', { level: 1, name: 'Decision not found' }, slow)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the log' })).toHaveAttribute('href', '/decisions');
  });
});
