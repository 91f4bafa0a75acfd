import type { Alert } from './api/types';

/** An alert as the server sends it, for component tests. */
export function alertFixture(over: Partial<Alert> = {}): Alert {
  return {
    id: 'alr_0mwssznz5001cr5zw525',
    clientId: 'cli_0mwsszkwe002s5vt1tca',
    clientName: '绵阳东广机械制造有限公司',
    ruleId: 'F07',
    rule: 'F07-audit-disclaimer',
    ruleSet: { key: 'early-warning', version: 1 },
    severity: 'red',
    title: { zh: '报表质量', en: 'Reporting quality' },
    actions: [{ code: 'WATCH_LIST', zh: '列入观察名单', en: 'Put on the watch list' }],
    status: 'open',
    owner: 'RM-51-001',
    openedAt: '2026-11-23T05:06:30.969Z',
    dueAt: '2026-11-24',
    lastSeenAt: '2026-11-23T05:06:30.969Z',
    stillFiring: true,
    source: { scanId: 'scn_0mwsszlir0000y8l0ceb' },
    acknowledgedAt: null,
    acknowledgedBy: null,
    startedAt: null,
    startedBy: null,
    closedAt: null,
    closedBy: null,
    closingComment: null,
    dismissal: null,
    revision: 3,
    updatedAt: '2026-11-23T05:06:30.969Z',
    updatedBy: { kind: 'system', id: 'monitoring', name: 'monitoring' },
    notes: [],
    ...over,
  };
}
