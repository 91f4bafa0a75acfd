import { describe, expect, it } from 'vitest';
import { EMPTY_CLIENT_FILTERS } from '../../clients/model/client-filters';
import { EMPTY_SETUP, fieldOf, setupFromSearch, toRequest } from './setup';

describe('simulation set-up', () => {
  it('takes the rule set and candidate version from the approval panel link', () => {
    const s = setupFromSearch(new URLSearchParams('ruleSetKey=corporate-credit-policy&candidateVersion=3&baselineVersion=x'));
    expect(s).toMatchObject({ ruleSetKey: 'corporate-credit-policy', candidateVersion: '3', baseline: 'active', population: 'portfolio' });
  });

  it('builds a portfolio run with only the filters set, against the active version', () => {
    const r = toRequest({ ...EMPTY_SETUP, ruleSetKey: 'corporate-credit-policy', candidateVersion: '2', filter: { ...EMPTY_CLIENT_FILTERS, industry: 'C', rm: 'RM-51-002' } });
    expect(r).toEqual({
      body: { ruleSetKey: 'corporate-credit-policy', candidate: { version: 2 }, baseline: 'active', population: { portfolio: { filter: { industrySection: 'C', relationshipManager: 'RM-51-002' } } } },
    });
  });

  it('replays whole local days and names the problems at their fields', () => {
    const ok = toRequest({ ...EMPTY_SETUP, ruleSetKey: 'k', candidateVersion: '2', baseline: '1', population: 'replay', replayFrom: '2026-11-01', replayTo: '2026-11-02', asOf: '2026-09-30' });
    expect('body' in ok && ok.body.population).toEqual({ replay: { from: new Date(2026, 10, 1).toISOString(), to: new Date(2026, 10, 2, 23, 59, 59, 999).toISOString() } });
    expect('body' in ok && ok.body.baseline).toEqual({ version: 1 });
    const bad = toRequest({ ...EMPTY_SETUP, ruleSetKey: 'k', candidateVersion: '1', baseline: '1', population: 'replay', replayFrom: '2026-11-03', replayTo: '2026-11-02' });
    expect('problems' in bad && bad.problems.map((p) => [fieldOf(p.pointer), p.message])).toEqual([
      ['baseline', 'simulations.setup.problems.sameVersion'],
      ['replayFrom', 'simulations.setup.problems.fromAfterTo'],
    ]);
    expect(fieldOf('/population/portfolio/filter/provinceCode')).toBe('filter');
  });
});
