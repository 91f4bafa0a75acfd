/**
 * Raw early-warning inputs (portfolio-spec.md §4.8). Each event type maps to a signal of domain.md §4.2 (or to a
 * classification trigger of §1.1.2, or to nothing for neutral events) and carries the catalogue's default level.
 * The warning rule sets decide the final severity; the default here only serves "days since the last red event".
 */
export const SEVERITIES = ['blue', 'yellow', 'orange', 'red'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface EventTypeInfo {
  /** domain.md §4.2 signal id, a §1.1.2 floor ('floor'), or null for neutral events. */
  signal: string | null;
  defaultSeverity: Severity | null;
  zh: string;
  en: string;
}

export const EVENT_TYPES = {
  key_person_missing: { signal: 'N01', defaultSeverity: 'red', zh: '实际控制人失联', en: 'Actual controller missing' },
  key_person_detained: { signal: 'N01', defaultSeverity: 'red', zh: '实际控制人被采取强制措施', en: 'Actual controller detained' },
  assets_frozen: { signal: 'N02', defaultSeverity: 'red', zh: '资产被查封/冻结', en: 'Assets seized or frozen' },
  accounts_frozen: { signal: 'N02', defaultSeverity: 'red', zh: '账户被冻结', en: 'Accounts frozen' },
  equity_frozen: { signal: 'N02', defaultSeverity: 'red', zh: '股权被冻结', en: 'Equity frozen' },
  litigation: { signal: 'N03', defaultSeverity: 'orange', zh: '涉诉（被告）', en: 'Litigation as defendant' },
  dishonest_debtor: { signal: 'N03', defaultSeverity: 'red', zh: '失信被执行人', en: 'Listed as dishonest judgment debtor' },
  enforcement: { signal: 'N03', defaultSeverity: 'orange', zh: '被执行人', en: 'Subject to enforcement' },
  administrative_penalty: { signal: 'N04', defaultSeverity: 'yellow', zh: '行政处罚', en: 'Administrative penalty' },
  licence_suspended: { signal: 'N04', defaultSeverity: 'red', zh: '营业执照被吊销/暂扣', en: 'Business licence suspended' },
  negative_news: { signal: 'N05', defaultSeverity: 'yellow', zh: '负面舆情', en: 'Negative news' },
  rating_downgrade: { signal: 'N06', defaultSeverity: 'yellow', zh: '评级下调', en: 'Rating downgrade' },
  rating_negative_watch: { signal: 'N06', defaultSeverity: 'yellow', zh: '评级负面观察', en: 'Negative rating watch' },
  equity_pledge: { signal: 'N09', defaultSeverity: 'orange', zh: '控股股权质押', en: 'Controlling stake pledged' },
  change_of_control: { signal: 'N09', defaultSeverity: 'orange', zh: '控制权变更', en: 'Change of control' },
  pledged_shares_liquidated: { signal: 'N09', defaultSeverity: 'orange', zh: '质押股份被强制平仓', en: 'Pledged shares force-sold' },
  auditor_change: { signal: 'F07', defaultSeverity: 'orange', zh: '更换会计师事务所', en: 'Auditor change' },
  guarantor_default: { signal: 'B05', defaultSeverity: 'red', zh: '担保人违约', en: 'Guarantor in default' },
  related_party_outflow: { signal: 'B06', defaultSeverity: 'yellow', zh: '资金异常流向关联方', en: 'Large outflow to related parties' },
  settlement_drop: { signal: 'B06', defaultSeverity: 'yellow', zh: '结算量大幅下降', en: 'Settlement flows down sharply' },
  other_bank_special_mention: { signal: 'B02', defaultSeverity: 'orange', zh: '他行新增关注类', en: 'Special mention at another bank' },
  other_bank_npl: { signal: 'B02', defaultSeverity: 'red', zh: '他行不良', en: 'NPL at another bank' },
  industry_restriction: { signal: 'I01', defaultSeverity: 'yellow', zh: '行业限制/产能过剩', en: 'Industry restricted or over-capacity' },
  regional_stress: { signal: 'I02', defaultSeverity: 'yellow', zh: '区域风险', en: 'Regional or macro stress' },
  sanctions: { signal: 'I02', defaultSeverity: 'yellow', zh: '制裁/出口管制', en: 'Sanctions or export controls' },
  unauthorised_use_of_funds: { signal: 'floor', defaultSeverity: 'orange', zh: '擅自改变资金用途', en: 'Use of funds changed without consent' },
  evading_debt: { signal: 'floor', defaultSeverity: 'red', zh: '逃废银行债务', en: 'Evading bank debt' },
  bankruptcy_liquidation: { signal: 'floor', defaultSeverity: 'red', zh: '破产清算', en: 'Bankruptcy liquidation' },
  bankruptcy_reorganisation: { signal: 'floor', defaultSeverity: 'red', zh: '破产重整', en: 'Bankruptcy reorganisation' },
  capital_increase: { signal: null, defaultSeverity: null, zh: '增资', en: 'Capital increase' },
  new_contract: { signal: null, defaultSeverity: null, zh: '新签合同', en: 'New contract' },
  award: { signal: null, defaultSeverity: null, zh: '获奖/荣誉', en: 'Award' },
  management_change: { signal: null, defaultSeverity: null, zh: '高管变动', en: 'Management change' },
  other: { signal: null, defaultSeverity: null, zh: '其他', en: 'Other' },
} as const satisfies Record<string, EventTypeInfo>;

export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

export const EVENT_STATUSES = ['new', 'verified', 'false_positive', 'closed'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export interface ClientEvent {
  id?: string;
  type: EventType;
  date: string;
  detectedDate?: string;
  source?: string;
  /** Litigation claim, penalty, frozen assets, in the statements' currency. */
  amount?: number;
  /** Share pledged for equity_pledge events (0–1). */
  share?: number;
  /** Notches for rating_downgrade events (positive = worse). */
  notches?: number;
  /** Overrides the type's default level. */
  severity?: Severity;
  confidence?: number;
  status?: EventStatus;
  relatedPartyId?: string;
  text?: string;
}
