import { describe, expect, it } from 'vitest';
import { dayBoundary, decisionListPath, EMPTY_FILTERS, filterProblem, filtersFromSearch, searchFromFilters } from './decision-filters';

describe('decision filters in the address', () => {
  it('read back what they wrote, in a fixed order, leaving unset ones out', () => {
    const filters = { ...EMPTY_FILTERS, outcome: 'refer', ruleSet: 'corporate-credit-policy', from: '2026-11-01' };
    const search = searchFromFilters(filters);
    expect(search.toString()).toBe('ruleSet=corporate-credit-policy&outcome=refer&from=2026-11-01');
    expect(filtersFromSearch(search)).toEqual(filters);
  });

  it('ignore unknown parameters and malformed days', () => {
    expect(filtersFromSearch(new URLSearchParams('foo=1&from=yesterday&to=2026-11-30&caller=%20key_1%20'))).toEqual({
      ...EMPTY_FILTERS,
      to: '2026-11-30',
      caller: 'key_1',
    });
  });

  it('become an API query with whole local days and the client id', () => {
    const path = decisionListPath({ ...EMPTY_FILTERS, client: 'cli_1', from: '2026-11-01', to: '2026-11-02' }, 50);
    const q = new URL(path, 'http://x').searchParams;
    expect(q.get('clientId')).toBe('cli_1');
    expect(q.get('from')).toBe(new Date(2026, 10, 1, 0, 0, 0, 0).toISOString());
    expect(q.get('to')).toBe(new Date(2026, 10, 2, 23, 59, 59, 999).toISOString());
    expect(q.get('limit')).toBe('50');
    expect(dayBoundary('2026-11-02', true) > dayBoundary('2026-11-02')).toBe(true);
  });

  it('refuse a start after the end', () => {
    expect(filterProblem({ ...EMPTY_FILTERS, from: '2026-11-05', to: '2026-11-01' })).toBe('decisions.filters.fromAfterTo');
    expect(filterProblem({ ...EMPTY_FILTERS, from: '2026-11-01', to: '2026-11-01' })).toBeNull();
  });
});
