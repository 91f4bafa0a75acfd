import { describe, expect, it } from 'vitest';
import { activeClientFilterCount, clientFiltersFromSearch, clientListPath, EMPTY_CLIENT_FILTERS, searchFromClientFilters } from './client-filters';

describe('client list filters', () => {
  it('round-trips through the address in a fixed order and drops values the API would refuse', () => {
    const f = clientFiltersFromSearch(new URLSearchParams('rm=RM-51-002&class5=关注&industry=C&region=5&riskLevel=purple&q=%20绵阳%20&x=1'));
    expect(f).toEqual({ ...EMPTY_CLIENT_FILTERS, q: '绵阳', industry: 'C', class5: '关注', rm: 'RM-51-002' });
    expect(searchFromClientFilters(f).toString()).toBe('q=%E7%BB%B5%E9%98%B3&industry=C&class5=%E5%85%B3%E6%B3%A8&rm=RM-51-002');
    expect(activeClientFilterCount(f)).toBe(4);
  });

  it('names the list API parameters', () => {
    const path = clientListPath({ ...EMPTY_CLIENT_FILTERS, industry: 'F', region: '44', tier: 'T1', rm: 'RM-44-001', q: '9151' }, 50);
    expect(path).toBe('/api/v1/clients?q=9151&industrySection=F&provinceCode=44&tier=T1&relationshipManager=RM-44-001&limit=50');
  });
});
