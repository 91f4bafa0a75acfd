/**
 * Enterprise size class under MIIT et al. 《中小企业划型标准规定》 (工信部联企业〔2011〕300号), domain.md §5.2.
 *
 * A firm is large, medium or small only if it meets **every** lower limit of that tier; otherwise it drops a
 * tier. Micro is what is left (it needs to miss only one limit). Money in RMB yuan: revenue = latest full-year
 * operating revenue (TTM when no full year is reported), assets = latest total assets.
 *
 * domain.md states the industry (工业) and wholesale rows. The other rows are our reading of the 2011 table and
 * are [UNSURE] until a credit-policy owner confirms them (domain.md §8 item 5 also asks whether a revised
 * standard has replaced the 2011 one).
 */
import type { SizeClass } from './client-profile';
import { type Computed, isNum, none, ok } from './computed';

type Metric = 'employees' | 'revenue' | 'assets';
type Limits = Partial<Record<Metric, number>>;

export interface SizeRule {
  sector: string;
  zh: string;
  /** Lower limits of large, medium and small. */
  large: Limits;
  medium: Limits;
  small: Limits;
  confirmed: boolean;
}

const M = 1_000_000;

export const SIZE_RULES: SizeRule[] = [
  { sector: 'agriculture', zh: '农、林、牧、渔业', large: { revenue: 200 * M }, medium: { revenue: 5 * M }, small: { revenue: 0.5 * M }, confirmed: false },
  { sector: 'industry', zh: '工业', large: { employees: 1000, revenue: 400 * M }, medium: { employees: 300, revenue: 20 * M }, small: { employees: 20, revenue: 3 * M }, confirmed: true },
  { sector: 'construction', zh: '建筑业', large: { revenue: 800 * M, assets: 800 * M }, medium: { revenue: 60 * M, assets: 50 * M }, small: { revenue: 3 * M, assets: 3 * M }, confirmed: false },
  { sector: 'wholesale', zh: '批发业', large: { employees: 200, revenue: 400 * M }, medium: { employees: 20, revenue: 50 * M }, small: { employees: 5, revenue: 10 * M }, confirmed: true },
  { sector: 'retail', zh: '零售业', large: { employees: 300, revenue: 200 * M }, medium: { employees: 50, revenue: 5 * M }, small: { employees: 10, revenue: 1 * M }, confirmed: false },
  { sector: 'transport', zh: '交通运输业', large: { employees: 1000, revenue: 300 * M }, medium: { employees: 300, revenue: 30 * M }, small: { employees: 20, revenue: 2 * M }, confirmed: false },
  { sector: 'warehousing', zh: '仓储业', large: { employees: 200, revenue: 300 * M }, medium: { employees: 100, revenue: 10 * M }, small: { employees: 20, revenue: 1 * M }, confirmed: false },
  { sector: 'postal', zh: '邮政业', large: { employees: 1000, revenue: 300 * M }, medium: { employees: 300, revenue: 20 * M }, small: { employees: 20, revenue: 1 * M }, confirmed: false },
  { sector: 'accommodation_catering', zh: '住宿业、餐饮业', large: { employees: 300, revenue: 100 * M }, medium: { employees: 100, revenue: 20 * M }, small: { employees: 10, revenue: 1 * M }, confirmed: false },
  { sector: 'telecom', zh: '信息传输业', large: { employees: 2000, revenue: 1000 * M }, medium: { employees: 100, revenue: 10 * M }, small: { employees: 10, revenue: 1 * M }, confirmed: false },
  { sector: 'software', zh: '软件和信息技术服务业', large: { employees: 300, revenue: 100 * M }, medium: { employees: 100, revenue: 10 * M }, small: { employees: 10, revenue: 0.5 * M }, confirmed: false },
  { sector: 'real_estate_development', zh: '房地产开发经营', large: { revenue: 2000 * M, assets: 100 * M }, medium: { revenue: 10 * M, assets: 50 * M }, small: { revenue: 1 * M, assets: 20 * M }, confirmed: false },
  { sector: 'property_management', zh: '物业管理', large: { employees: 1000, revenue: 50 * M }, medium: { employees: 300, revenue: 10 * M }, small: { employees: 100, revenue: 5 * M }, confirmed: false },
  { sector: 'leasing_business', zh: '租赁和商务服务业', large: { employees: 300, assets: 1200 * M }, medium: { employees: 100, assets: 80 * M }, small: { employees: 10, assets: 1 * M }, confirmed: false },
  { sector: 'other', zh: '其他未列明行业', large: { employees: 300 }, medium: { employees: 100 }, small: { employees: 10 }, confirmed: false },
];

/** GB/T 4754 section (+ division, + class for real estate) → the MIIT sector row. */
export function sizeSector(section: string | undefined, division?: string, klass?: string): string {
  const div = division ? Number(division.slice(0, 2)) : NaN;
  switch (section) {
    case 'A':
      return 'agriculture';
    case 'B':
    case 'C':
    case 'D':
      return 'industry';
    case 'E':
      return 'construction';
    case 'F':
      return div === 52 ? 'retail' : 'wholesale';
    case 'G':
      return div === 59 ? 'warehousing' : div === 60 ? 'postal' : 'transport';
    case 'H':
      return 'accommodation_catering';
    case 'I':
      return div === 65 ? 'software' : 'telecom';
    case 'K':
      return klass?.startsWith('702') ? 'property_management' : 'real_estate_development';
    case 'L':
      return 'leasing_business';
    default:
      return 'other';
  }
}

const METRIC_NAMES: Record<Metric, string> = { employees: 'employees', revenue: 'annual revenue', assets: 'total assets' };

/** §5.2 size class from the firm's figures. Null (with the missing figure) when a limit cannot be tested. */
export function miitSizeClass(sector: string, figures: Partial<Record<Metric, number>>): Computed<SizeClass> {
  const rule = SIZE_RULES.find((r) => r.sector === sector) ?? (SIZE_RULES.find((r) => r.sector === 'other') as SizeRule);
  for (const tier of ['large', 'medium', 'small'] as const) {
    const limits = rule[tier];
    for (const m of Object.keys(limits) as Metric[]) if (!isNum(figures[m])) return none(`the ${rule.zh} size rule needs ${METRIC_NAMES[m]}`);
    if ((Object.entries(limits) as [Metric, number][]).every(([m, lim]) => (figures[m] as number) >= lim))
      return ok(tier, rule.confirmed ? undefined : `${rule.zh} thresholds are [UNSURE]: confirm against the MIIT text`);
  }
  return ok('micro', rule.confirmed ? undefined : `${rule.zh} thresholds are [UNSURE]: confirm against the MIIT text`);
}
