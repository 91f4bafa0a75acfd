import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { FakeApi, ok } from '../../test-utils/fake-api';
import { renderApp } from '../../test-utils/render-app';
import { analystSession } from '../../test-utils/sessions';
import type { Simulation, SimulationResults } from '../../features/simulations/api/types';

const ID = 'sim_0mwst9l0z0000wf2uyou';
const running: Simulation = {
  id: ID,
  ruleSetKey: 'corporate-credit-policy',
  status: 'running',
  candidate: { version: 2, contentHash: 'sha256:c', rules: 63 },
  baseline: { version: 1, contentHash: 'sha256:b', rules: 63 },
  population: { portfolio: {} },
  asOf: null,
  exposureField: null,
  budget: { records: 300, rulesPerRecord: 126, evaluations: 37800, budget: 2e9 },
  progress: { processed: 120, total: 300, skipped: 0, changed: 17, rate: 145, etaSeconds: 2, updatedAt: '2026-11-23T05:14:14Z' },
  createdBy: { kind: 'user', id: 'usr_analyst', name: 'analyst' },
  createdAt: '2026-11-23T05:14:13Z',
  startedAt: '2026-11-23T05:14:13Z',
  finishedAt: null,
  heartbeatAt: '2026-11-23T05:14:14Z',
  error: null,
};
const results: SimulationResults = {
  summary: { records: 300, evaluated: 300, skipped: 0, changed: 45, exposure: 14786047141, changedExposure: 1554956468, approvalRate: { baseline: 0.25, candidate: 0.2033 } },
  primaryOutput: 'decision',
  outputs: [
    {
      output: 'decision',
      kind: 'categorical',
      values: ['decline', 'refer', 'approve'],
      cells: [
        { baseline: 'decline', candidate: 'decline', count: 164, exposure: 1 },
        { baseline: 'approve', candidate: 'refer', count: 14, exposure: 2 },
      ],
      changed: { count: 14, exposure: 2 },
      worse: { count: 14, exposure: 2 },
      better: { count: 0, exposure: 0 },
    },
  ],
  breakdowns: { tier: [{ value: 'T4', records: 255, exposure: 3, changed: 35, changedExposure: 1, transitions: [] }] },
  rules: [{ rule: 'net-leverage-high', baseline: 43, candidate: 56, delta: 13, in: 'both' }],
  changes: { total: 45, stored: 45, truncated: false },
  skippedSamples: [],
  durationMs: 2086,
};

describe('a simulation run', () => {
  it('shows live progress while it runs (polling where there is no EventSource), then its results', async () => {
    let done = false;
    new FakeApi()
      .on('GET', '/api/v1/auth/me', ok(analystSession))
      .on('GET', `/api/v1/simulations/${ID}`, () => ok(!done ? running : { ...running, status: 'completed', progress: { ...running.progress, processed: 300, changed: 45 }, results }))
      .on('GET', `/api/v1/simulations/${ID}/changes?limit=50`, ok({ items: [], nextCursor: null }))
      .install();
    renderApp(`/simulations/${ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'corporate-credit-policy: v2 against v1' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Simulation progress' })).toHaveAttribute('aria-valuenow', '40');
    expect(screen.getByText('120 of 300 records, 17 changed so far')).toBeInTheDocument();
    expect(screen.getByText(/checking every 1.5 s/)).toBeInTheDocument();

    done = true; // the next poll finds the run completed

    const matrix = await screen.findByRole('table', { name: /Outcome matrix of decision/ }, { timeout: 10_000 });
    expect(screen.queryByRole('progressbar', { name: 'Simulation progress' })).toBeNull();
    expect(within(screen.getByTestId('figure-approval')).getByText('25.0% → 20.3%')).toBeInTheDocument();
    expect(matrix.querySelector(`[data-row='"approve"'][data-col='"refer"']`)).toHaveTextContent('14');
    expect(screen.getByRole('table', { name: 'Rules whose fire counts changed' })).toHaveTextContent('net-leverage-high');
  }, 30_000);
});
