import { useCallback, useState } from 'react';
import { http } from '../../../api/http';
import { useApiResource } from '../../../api/use-api-resource';
import { useCursorPages } from '../../../api/use-cursor-pages';
import type { Alert, AlertNote, AlertStep, BulkResult } from './types';

/** Read and action hooks of the alerts inbox. */

export const alertPath = (id: string) => `/api/v1/alerts/${encodeURIComponent(id)}`;

export const useAlertList = (path: string | null) => useCursorPages<Alert>(path);

export const useAlert = (id: string) => useApiResource<Alert>(alertPath(id));

/** The active alerts of one client, for its page. */
export const useClientAlerts = (clientId: string) => useApiResource<{ items: Alert[]; nextCursor: string | null }>(`/api/v1/alerts?clientId=${encodeURIComponent(clientId)}&status=active&limit=50`);

export type ActionState = { status: 'idle' } | { status: 'busy' } | { status: 'error'; error: unknown };

/**
 * One step of an alert's handling. The alert's revision goes in If-Match, so a step taken on a stale page (someone
 * else acted meanwhile) is refused with 409 instead of overwriting their change.
 */
export function useAlertStep() {
  const [state, setState] = useState<ActionState>({ status: 'idle' });
  const run = useCallback(async (alert: Pick<Alert, 'id' | 'revision'>, step: AlertStep, comment?: string): Promise<Alert | null> => {
    setState({ status: 'busy' });
    try {
      const body = comment?.trim() ? { comment: comment.trim() } : {};
      const next = await http.post<Alert>(`${alertPath(alert.id)}/${step}`, body, { headers: { 'if-match': `"${alert.revision}"` } });
      setState({ status: 'idle' });
      return next;
    } catch (error) {
      setState({ status: 'error', error });
      return null;
    }
  }, []);
  const clear = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, clear };
}

export function acknowledgeMany(ids: string[]): Promise<BulkResult> {
  return http.post<BulkResult>('/api/v1/alerts/acknowledge', { ids });
}

export function addNote(id: string, text: string): Promise<AlertNote> {
  return http.post<AlertNote>(`${alertPath(id)}/notes`, { text });
}
