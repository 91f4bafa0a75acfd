import { useEffect, useState } from 'react';
import { http } from '../../api/http';
import type { DecisionStats } from '../decisions/api/types';
import { lastDaysQuery, seriesOf, type DailySeries } from './daily-series';

export const CHART_DAYS = 14;

export type DailyState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; series: DailySeries };

/** Decisions of the last CHART_DAYS UTC days by day and outcome, counted by the server. */
export function useDailyDecisions(attempt = 0): DailyState {
  const [state, setState] = useState<DailyState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    http.get<DecisionStats>(`/api/v1/decisions/stats?${lastDaysQuery(CHART_DAYS, new Date())}`, { signal: controller.signal }).then(
      (stats) => setState({ status: 'ready', series: seriesOf(stats) }),
      (error: unknown) => controller.signal.aborted || setState({ status: 'error', error }),
    );
    return () => controller.abort();
  }, [attempt]);
  return state;
}
