import { useEffect, useState } from 'react';
import { http } from '../../api/http';
import type { DecisionRecord } from '../decisions/api/types';
import type { Page } from '../../api/page';
import { dailyCounts, lastDays, type DailySeries } from './daily-counts';

export const CHART_DAYS = 14;
const PAGE = 500;
// There is no aggregate endpoint for the decision log yet, so the dashboard counts pages of the log itself and stops
// here; the chart says when it did. A server-side count by day and outcome should replace this.
const MAX_PAGES = 4;

export type DailyState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; series: DailySeries; truncated: boolean };

/** Decisions of the last CHART_DAYS days, counted by local day and outcome. */
export function useDailyDecisions(attempt = 0): DailyState {
  const [state, setState] = useState<DailyState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    const days = lastDays(CHART_DAYS, new Date());
    const [y, m, d] = days[0].split('-').map(Number);
    const from = new Date(y, m - 1, d).toISOString();
    setState({ status: 'loading' });
    (async () => {
      const items: Pick<DecisionRecord, 'evaluatedAt' | 'outcome'>[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page<DecisionRecord> = await http.get(`/api/v1/decisions?from=${encodeURIComponent(from)}&limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { signal: controller.signal });
        for (const r of page.items) items.push({ evaluatedAt: r.evaluatedAt, outcome: r.outcome });
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < MAX_PAGES);
      return { series: dailyCounts(items, days), truncated: cursor !== null };
    })().then(
      ({ series, truncated }) => setState({ status: 'ready', series, truncated }),
      (error: unknown) => controller.signal.aborted || setState({ status: 'error', error }),
    );
    return () => controller.abort();
  }, [attempt]);
  return state;
}
