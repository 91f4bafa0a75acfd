import { describe, expect, it } from 'vitest';
import { alertFiltersFromSearch, alertListPath, DEFAULT_ALERT_FILTERS, searchFromAlertFilters } from './alert-filters';

describe('alert inbox filters', () => {
  it('defaults to my active alerts and keeps only what is set in the address', () => {
    const f = alertFiltersFromSearch(new URLSearchParams(''));
    expect(f).toEqual(DEFAULT_ALERT_FILTERS);
    expect(searchFromAlertFilters(f).toString()).toBe('');
    const g = alertFiltersFromSearch(new URLSearchParams('view=all&severity=red&overdue=true&status=any&owner=RM-51-002&rule=F01;drop'));
    expect(g).toMatchObject({ view: 'all', severity: 'red', overdue: true, status: 'any', owner: 'RM-51-002', rule: '' });
    expect(searchFromAlertFilters(g).toString()).toBe('view=all&severity=red&status=any&overdue=true&owner=RM-51-002');
  });

  it('asks for my code as owner, and waits while the code is unknown', () => {
    expect(alertListPath(DEFAULT_ALERT_FILTERS, null)).toBeNull();
    expect(alertListPath({ ...DEFAULT_ALERT_FILTERS, overdue: true }, 'RM-51-002', 50)).toBe('/api/v1/alerts?owner=RM-51-002&status=active&overdue=true&limit=50');
    expect(alertListPath({ ...DEFAULT_ALERT_FILTERS, view: 'all', status: 'any', severity: 'orange' }, 'RM-51-002', 50)).toBe('/api/v1/alerts?severity=orange&limit=50');
  });
});
