import { describe, expect, it } from 'vitest';
import { slaState } from './sla';

describe('alert SLA countdown', () => {
  const now = new Date('2026-11-23T10:30:00Z');

  it('counts whole days to the due day', () => {
    expect(slaState('2026-11-26', now)).toEqual({ kind: 'due', days: 3 });
    expect(slaState('2026-11-24', now)).toEqual({ kind: 'due', days: 1 });
  });

  it('counts the hours left on the due day (UTC), rounding up', () => {
    expect(slaState('2026-11-23', now)).toEqual({ kind: 'today', hoursLeft: 14 });
  });

  it('is overdue once the due day has ended, by whole days', () => {
    expect(slaState('2026-11-22', now)).toEqual({ kind: 'overdue', days: 1, since: '2026-11-22' });
    expect(slaState('2026-11-02', now)).toEqual({ kind: 'overdue', days: 21, since: '2026-11-02' });
    expect(slaState('2026-11-22', new Date('2026-11-23T00:00:00Z'))).toMatchObject({ kind: 'overdue', days: 1 });
  });

  it('has no countdown once the alert is closed', () => {
    expect(slaState('2026-11-02', now, false)).toEqual({ kind: 'closed' });
  });
});
