import { useEffect, useState } from 'react';
import { http } from '../../api/http';
import type { ActorRef } from '../../api/actor';

interface Summary {
  key: string;
  name: { zh?: string; en?: string };
  drafts: { version: number; status: string }[];
}
interface VersionInfo {
  version: number;
  status: string;
  authors: string[];
  submitted?: { by: ActorRef; at: string; comment?: string };
}

export interface AwaitingVersion {
  key: string;
  name: { zh?: string; en?: string };
  version: number;
  submitted?: { by: ActorRef; at: string; comment?: string };
}

export type AwaitingState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; items: AwaitingVersion[] };

/**
 * Versions in review that this approver may approve: four eyes means none whose authors include them. The list
 * names the keys with a version in review; each such key's detail gives the authors.
 */
export function useAwaitingApproval(userId: string | null, attempt = 0): AwaitingState {
  const [state, setState] = useState<AwaitingState>({ status: 'loading' });
  useEffect(() => {
    if (userId === null) return;
    const controller = new AbortController();
    const signal = controller.signal;
    setState({ status: 'loading' });
    (async () => {
      const list = await http.get<{ items: Summary[] }>('/api/v1/rule-sets', { signal });
      const inReview = list.items.filter((rs) => rs.drafts.some((d) => d.status === 'in_review'));
      const details = await Promise.all(
        inReview.map((rs) => http.get<Summary & { versions: VersionInfo[] }>(`/api/v1/rule-sets/${encodeURIComponent(rs.key)}`, { signal })),
      );
      return details.flatMap((rs) =>
        rs.versions
          .filter((v) => v.status === 'in_review' && !v.authors.includes(userId))
          .map((v) => ({ key: rs.key, name: rs.name, version: v.version, submitted: v.submitted })),
      );
    })().then(
      (items) => setState({ status: 'ready', items }),
      (error: unknown) => signal.aborted || setState({ status: 'error', error }),
    );
    return () => controller.abort();
  }, [userId, attempt]);
  return state;
}
