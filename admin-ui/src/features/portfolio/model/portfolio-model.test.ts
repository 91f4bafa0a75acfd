import { describe, expect, it } from 'vitest';
import { seriesOf } from '../../dashboard/daily-series';
import { approvalRates, overallRate } from './approval-rate';
import { i18n } from '../../../i18n/i18n';
import { exposureByRegion } from './exposure-by-region';
import { regionLabel } from './labels';

describe('dashboard figures', () => {
  it('approval rate per day over credit decisions only, weighted over the window', () => {
    const zero = { approve: 0, refer: 0, decline: 0, 正常: 0 };
    const points = approvalRates(
      seriesOf({
        from: '2026-11-21',
        to: '2026-11-23',
        ruleSetKey: null,
        total: 9,
        outcomes: ['approve', '正常', 'refer', 'decline'],
        days: [
          { day: '2026-11-21', total: 5, byOutcome: { ...zero, approve: 1, refer: 1, 正常: 3 }, noOutcome: 0 },
          { day: '2026-11-22', total: 0, byOutcome: zero, noOutcome: 0 },
          { day: '2026-11-23', total: 4, byOutcome: { ...zero, approve: 3, decline: 1 }, noOutcome: 0 },
        ],
      }),
    );
    expect(points).toEqual([
      { day: '2026-11-21', decisions: 2, rate: 0.5 },
      { day: '2026-11-22', decisions: 0, rate: null },
      { day: '2026-11-23', decisions: 4, rate: 0.75 },
    ]);
    expect(overallRate(points)).toBeCloseTo(4 / 6);
  });

  it("orders the server's region buckets by exposure and tells provinces from countries", () => {
    expect(
      exposureByRegion([
        { key: '44', count: 3, exposure: 15 },
        { key: '51', count: 2, exposure: 15 },
        { key: 'CN', count: 1, exposure: 1 },
        { key: 'SG', count: 1, exposure: 20 },
      ]),
    ).toEqual([
      { key: 'SG', province: false, count: 1, exposure: 20 },
      { key: '44', province: true, count: 3, exposure: 15 },
      { key: '51', province: true, count: 2, exposure: 15 },
      { key: 'CN', province: false, count: 1, exposure: 1 },
    ]);
  });

  it('names regions: provinces from the translations, countries from the browser', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(regionLabel(i18n.t, '51', 'zh-CN')).toBe('四川');
    expect(regionLabel(i18n.t, 'CN', 'zh-CN')).toBe('中国（未填省份）');
    expect(regionLabel(i18n.t, 'SG', 'zh-CN')).toBe('新加坡');
    await i18n.changeLanguage('en');
    expect(regionLabel(i18n.t, '51', 'en')).toBe('Sichuan');
    expect(regionLabel(i18n.t, 'SG', 'en')).toBe('Singapore');
    expect(regionLabel(i18n.t, 'XZ', 'en')).toBe('XZ');
  });
});
