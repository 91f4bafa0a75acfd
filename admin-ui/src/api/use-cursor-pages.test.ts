import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { FakeApi, ok, problem } from '../test-utils/fake-api';
import { useCursorPages } from './use-cursor-pages';

describe('useCursorPages', () => {
  it('reads the first page, appends the next one by cursor, and stops when there is none', async () => {
    new FakeApi()
      .on('GET', '/api/v1/things?kind=a', ok({ items: [1, 2], nextCursor: 'c2' }))
      .on('GET', '/api/v1/things?kind=a&cursor=c2', ok({ items: [3], nextCursor: null }))
      .install();
    const { result } = renderHook(() => useCursorPages<number>('/api/v1/things?kind=a'));
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'ready', items: [1, 2], nextCursor: 'c2' }));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'ready', items: [1, 2, 3], nextCursor: null }));
  });

  it('keeps what was loaded when the next page fails, and says so', async () => {
    new FakeApi()
      .on('GET', '/api/v1/things', ok({ items: [1], nextCursor: 'c2' }))
      .on('GET', '/api/v1/things?cursor=c2', problem(500, 'internal'))
      .install();
    const { result } = renderHook(() => useCursorPages<number>('/api/v1/things'));
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'ready', items: [1], loadingMore: false }));
    expect(result.current.state.status === 'ready' && result.current.state.moreError).toBeTruthy();
  });

  it('asks nothing while the path is null', () => {
    const api = new FakeApi().install();
    const { result } = renderHook(() => useCursorPages<number>(null));
    expect(result.current.state.status).toBe('loading');
    expect(api.calls).toEqual([]);
  });
});
