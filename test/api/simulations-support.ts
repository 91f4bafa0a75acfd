import { loadConfig } from '../../server/src/config';
import type { ApiClient } from '../support/http-client';

/**
 * A small credit policy for simulation tests. Leverage above `line` refers (and adds 50 bp), 91+ days past due
 * declines. Moving the line from 0.7 to 0.6 turns exactly the records with 0.6 < debtToAsset ≤ 0.7 from approve
 * into refer.
 */
export function simPolicy(key: string, line: number) {
  return {
    key,
    family: 'credit-policy',
    name: { zh: '模拟测试政策', en: 'Simulation test policy' },
    inputs: [
      { name: 'debtToAsset', type: 'number', required: true, unit: 'ratio' },
      { name: 'maxDpd', type: 'integer', default: 0, unit: 'days' },
    ],
    outputs: {
      decision: { type: 'string', merge: 'worst', order: ['decline', 'refer', 'approve'], default: 'approve' },
      spreadBps: { type: 'number', merge: 'sum', default: 0 },
      reasons: { type: 'array', merge: 'collect', default: [] },
    },
    rules: [
      {
        name: 'leverage-above-line',
        priority: 10,
        conditions: { all: [{ fact: 'debtToAsset', operator: 'greaterThan', value: line }] },
        event: { type: 'refer', params: { decision: 'refer', spreadBps: 50, reasons: [{ code: 'LEV', zh: '资产负债率高', en: 'High leverage' }] } },
      },
      {
        name: 'npl-arrears',
        priority: 20,
        conditions: { all: [{ fact: 'maxDpd', operator: 'greaterThanInclusive', value: 91 }] },
        event: { type: 'decline', params: { decision: 'decline', reasons: [{ code: 'DPD91', zh: '逾期超过90天', en: 'More than 90 days past due' }] } },
      },
    ],
    tests: [
      { name: 'clean', facts: { debtToAsset: 0.3, maxDpd: 0 }, expect: { outputs: { decision: 'approve' } } },
      { name: 'arrears', facts: { debtToAsset: 0.3, maxDpd: 120 }, expect: { outputs: { decision: 'decline' } } },
    ],
  };
}

/**
 * Row i (0-based) of the test population: debtToAsset = (i mod 100) / 100, 120 dpd when i mod 50 = 0, exposure
 * 1,000 × (i mod 10 + 1), industry C/F/K by i mod 3. Optionally one bad row (debtToAsset "abc") after `badAfter` rows.
 */
export function populationCsv(n: number, badAfter?: number): string {
  const lines = ['id,debtToAsset,maxDpd,exposure,industry'];
  for (let i = 0; i < n; i++) {
    if (i === badAfter) lines.push('bad-1,abc,0,1000,C');
    lines.push(`c${i},${(i % 100) / 100},${i % 50 === 0 ? 120 : 0},${1000 * ((i % 10) + 1)},${'CFK'[i % 3]}`);
  }
  return lines.join('\n') + '\n';
}

export function testSimulationConfig(over: Partial<ReturnType<typeof loadConfig>['simulation']> = {}) {
  return { simulation: { ...loadConfig({}).simulation, batchRows: 500, ...over } };
}

/** Creates a rule set and walks version 1 to active (analyst writes, approver approves and activates). */
export async function activePolicy(analyst: ApiClient, approver: ApiClient, doc: unknown): Promise<{ version: number; contentHash: string }> {
  const created = await analyst.post('/api/v1/rule-sets', { document: doc });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const V = `/api/v1/rule-sets/${created.body.key}/versions/${created.body.version}`;
  for (const [c, step] of [[analyst, 'submit'], [approver, 'approve'], [approver, 'activate']] as const) {
    const r = await c.post(`${V}/${step}`, {});
    if (r.status !== 200) throw new Error(`${step}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return { version: created.body.version, contentHash: created.body.contentHash };
}

export async function upload(c: ApiClient, csv: string, query = ''): Promise<any> {
  const r = await c.post(`/api/v1/simulations/uploads${query}`, csv, { 'content-type': 'text/csv' });
  if (r.status !== 201) throw new Error(`upload: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function waitForStatus(c: ApiClient, id: string, statuses: string[], timeoutMs = 20_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await c.get(`/api/v1/simulations/${id}`);
    if (statuses.includes(r.body.status)) return r.body;
    if (Date.now() > until) throw new Error(`simulation ${id} is still ${r.body.status}`);
    await new Promise((res) => setTimeout(res, 25));
  }
}
