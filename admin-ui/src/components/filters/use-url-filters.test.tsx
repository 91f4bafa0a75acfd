import { describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { useUrlFilters } from './use-url-filters';

interface Filters {
  q: string;
}
const fromSearch = (search: URLSearchParams): Filters => ({ q: (search.get('q') ?? '').trim() });
const toSearch = (filters: Filters) => new URLSearchParams(filters.q ? { q: filters.q } : {});

function setup(at: string) {
  const wrapper = ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[at]}>{children}</MemoryRouter>;
  return renderHook(() => ({ ...useUrlFilters(fromSearch, toSearch), location: useLocation() }), { wrapper });
}

describe('useUrlFilters', () => {
  it('reads the filters from the address', () => {
    const { result } = setup('/clients?q=%20acme%20');
    expect(result.current.filters).toEqual({ q: 'acme' });
    expect(result.current.query).toBe('q=+acme+');
  });

  it('writes applied filters to the address and reads them back', () => {
    const { result } = setup('/clients');
    act(() => result.current.apply({ q: 'steel' }));
    expect(result.current.location.search).toBe('?q=steel');
    expect(result.current.filters).toEqual({ q: 'steel' });
  });

  it('keeps the same filters object while the query string is unchanged, so list hooks do not refetch', () => {
    const { result, rerender } = setup('/clients?q=acme');
    const first = result.current.filters;
    rerender();
    expect(result.current.filters).toBe(first);
  });
});
