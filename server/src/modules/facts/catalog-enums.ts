/**
 * Enumerations the catalog attaches to facts, with zh/en labels, so a UI can offer them in a picker.
 * Industry names are domain.md §5.2; the five categories §1.1; IFRS 9 stages §1.2; severities §4.1.
 */
import { CLASS_5CAT } from './client-facility';
import { EVENT_TYPES, EVENT_TYPE_NAMES, SEVERITIES } from './client-event';
import { COLLATERAL_TYPES } from './client-security';
import { PROJECT_PHASES, PROJECT_SECTORS } from './client-project';
import { AUDIT_OPINIONS } from './client-statement';
import { INDUSTRY_SECTIONS, OWNERSHIPS, SIZE_CLASSES } from './client-profile';

export interface Label {
  zh: string;
  en: string;
}

export interface Enumeration {
  values: (string | number)[];
  labels: Record<string, Label>;
}

function enumeration(values: readonly (string | number)[], labels: Record<string, Label | [string, string]>): Enumeration {
  const out: Record<string, Label> = {};
  for (const v of values) {
    const l = labels[String(v)];
    if (!l) throw new Error(`enumeration value ${v} has no label`);
    out[String(v)] = Array.isArray(l) ? { zh: l[0], en: l[1] } : l;
  }
  return { values: [...values], labels: out };
}

export const INDUSTRY_SECTION_ENUM = enumeration(INDUSTRY_SECTIONS, {
  A: ['农、林、牧、渔业', 'Agriculture, forestry, animal husbandry and fishery'],
  B: ['采矿业', 'Mining'],
  C: ['制造业', 'Manufacturing'],
  D: ['电力、热力、燃气及水生产和供应业', 'Production and supply of electricity, heat, gas and water'],
  E: ['建筑业', 'Construction'],
  F: ['批发和零售业', 'Wholesale and retail trade'],
  G: ['交通运输、仓储和邮政业', 'Transport, storage and postal services'],
  H: ['住宿和餐饮业', 'Accommodation and catering'],
  I: ['信息传输、软件和信息技术服务业', 'Information transmission, software and IT services'],
  J: ['金融业', 'Finance'],
  K: ['房地产业', 'Real estate'],
  L: ['租赁和商务服务业', 'Leasing and business services'],
  M: ['科学研究和技术服务业', 'Scientific research and technical services'],
  N: ['水利、环境和公共设施管理业', 'Water conservancy, environment and public facilities management'],
  O: ['居民服务、修理和其他服务业', 'Resident services, repair and other services'],
  P: ['教育', 'Education'],
  Q: ['卫生和社会工作', 'Health and social work'],
  R: ['文化、体育和娱乐业', 'Culture, sports and entertainment'],
  S: ['公共管理、社会保障和社会组织', 'Public administration, social security and social organisations'],
  T: ['国际组织', 'International organisations'],
});

export const CLASS_5CAT_ENUM = enumeration(CLASS_5CAT, {
  正常: ['正常（1）', 'Normal / Pass (1)'],
  关注: ['关注（2）', 'Special mention (2)'],
  次级: ['次级（3，不良）', 'Substandard (3, NPL)'],
  可疑: ['可疑（4，不良）', 'Doubtful (4, NPL)'],
  损失: ['损失（5，不良）', 'Loss (5, NPL)'],
});

export const IFRS9_STAGE_ENUM = enumeration([1, 2, 3], {
  1: ['第一阶段：12个月预期信用损失', 'Stage 1: 12-month ECL'],
  2: ['第二阶段：信用风险显著增加', 'Stage 2: SICR, lifetime ECL'],
  3: ['第三阶段：已发生信用减值', 'Stage 3: credit-impaired'],
});

export const SEVERITY_ENUM = enumeration(SEVERITIES, {
  blue: ['蓝色（提示）', 'Blue (information)'],
  yellow: ['黄色（一般）', 'Yellow (emerging weakness)'],
  orange: ['橙色（较重）', 'Orange (material deterioration)'],
  red: ['红色（严重）', 'Red (default likely or occurred)'],
});

export const COLLATERAL_TYPE_ENUM = enumeration(COLLATERAL_TYPES, {
  residential_property: ['住宅', 'Residential property'],
  commercial_property: ['商业用房/写字楼', 'Commercial property / offices'],
  industrial_property: ['工业厂房及土地', 'Industrial plant and land'],
  land_use_rights: ['土地使用权', 'Land-use rights'],
  machinery: ['机器设备', 'Machinery / equipment'],
  receivables: ['应收账款质押', 'Receivables'],
  inventory: ['存货/货物', 'Inventory / goods'],
  deposits_bonds: ['存单/国债', 'Deposits, CDs, government bonds'],
  listed_shares: ['上市公司股权', 'Listed shares'],
  unlisted_equity: ['非上市股权', 'Unlisted equity'],
  resource_rights: ['矿业权/海域使用权/船舶/航空器', 'Mining or sea-area rights, vessels, aircraft'],
  project_package: ['项目融资担保包', 'Project-finance security package'],
  other: ['其他', 'Other'],
});

export const SIZE_CLASS_ENUM = enumeration(SIZE_CLASSES, {
  large: ['大型', 'Large'],
  medium: ['中型', 'Medium'],
  small: ['小型', 'Small'],
  micro: ['微型', 'Micro'],
});

export const OWNERSHIP_ENUM = enumeration(OWNERSHIPS, {
  soe_central: ['央企', 'Central SOE'],
  soe_local: ['地方国企', 'Local SOE'],
  lgfv: ['地方融资平台', 'LGFV'],
  private: ['民营', 'Private'],
  foreign: ['外资', 'Foreign'],
  mixed: ['混合所有制', 'Mixed'],
});

export const AUDIT_OPINION_ENUM = enumeration(AUDIT_OPINIONS, {
  standard: ['标准无保留意见', 'Unqualified'],
  emphasis: ['带强调事项段的无保留意见', 'Unqualified with emphasis of matter'],
  qualified: ['保留意见', 'Qualified'],
  adverse: ['否定意见', 'Adverse'],
  disclaimer: ['无法表示意见', 'Disclaimer'],
});

export const ALTMAN_ZONE_ENUM = enumeration(['distress', 'grey', 'safe'], {
  distress: ['困境区', 'Distress'],
  grey: ['灰色区', 'Grey'],
  safe: ['安全区', 'Safe'],
});

export const ALTMAN_VARIANT_ENUM = enumeration(['Z', 'Z_PRIME', 'Z_DOUBLE_PRIME'], {
  Z: ['Z（1968，上市制造业）', 'Z (1968, listed manufacturers)'],
  Z_PRIME: ["Z′（非上市企业）", "Z′ (private firms)"],
  Z_DOUBLE_PRIME: ['Z″（非制造业/新兴市场）', 'Z″ (non-manufacturers, emerging markets)'],
});

export const EVENT_TYPE_ENUM = enumeration(
  EVENT_TYPE_NAMES,
  Object.fromEntries(EVENT_TYPE_NAMES.map((t) => [t, { zh: EVENT_TYPES[t].zh, en: EVENT_TYPES[t].en }])),
);

export const SIGNAL_ID_ENUM = enumeration(['F07', 'B02', 'B05', 'B06', 'N01', 'N02', 'N03', 'N04', 'N05', 'N06', 'N09', 'I01', 'I02'], {
  F07: ['报表质量', 'Reporting quality'],
  B02: ['他行逾期/不良', 'Past due / NPL at other banks'],
  B05: ['担保圈/链', 'Guarantee chain'],
  B06: ['账户行为', 'Account behaviour'],
  N01: ['关键人失联', 'Key person missing'],
  N02: ['资产查封冻结', 'Assets seized or frozen'],
  N03: ['涉诉', 'Litigation'],
  N04: ['行政处罚', 'Administrative penalty'],
  N05: ['负面舆情', 'Negative news'],
  N06: ['评级下调', 'Rating downgrade'],
  N09: ['股权事件', 'Shareholder / equity events'],
  I01: ['行业风险', 'Industry stress'],
  I02: ['区域/宏观风险', 'Regional / macro'],
});

export const USCC_REASON_ENUM = enumeration(['empty', 'length', 'charset', 'registration_authority', 'check_character'], {
  empty: ['代码为空', 'Empty'],
  length: ['长度不是18位', 'Not 18 characters'],
  charset: ['含非法字符（I、O、S、V、Z等）', 'Characters outside the set (I, O, S, V, Z …)'],
  registration_authority: ['登记管理部门代码无效', 'Unknown registration authority'],
  check_character: ['校验码错误', 'Wrong check character'],
});

export const PROJECT_SECTOR_ENUM = enumeration(PROJECT_SECTORS, {
  solar: ['光伏', 'Solar'],
  onshore_wind: ['陆上风电', 'Onshore wind'],
  offshore_wind: ['海上风电', 'Offshore wind'],
  hydro: ['水电', 'Hydro'],
  toll_road: ['收费公路', 'Toll road'],
  rail: ['铁路/城市轨道交通', 'Rail / urban rail'],
  port_logistics: ['港口/物流', 'Port / logistics'],
  airport: ['机场', 'Airport'],
  water_waste: ['水务/固废', 'Water / waste'],
  data_centre: ['数据中心', 'Data centre'],
  lng_petrochem: ['LNG/石化', 'LNG / petrochemicals'],
  mining: ['采矿', 'Mining'],
  coal: ['煤炭', 'Coal'],
  steel: ['钢铁', 'Steel'],
  aluminium: ['电解铝', 'Electrolytic aluminium'],
  cement: ['水泥', 'Cement'],
  housing: ['保障性住房和普通商品住房', 'Affordable and ordinary housing'],
  real_estate_other: ['其他房地产', 'Other real estate'],
  ppp_availability: ['PPP可用性付费', 'PPP availability payment'],
  other: ['其他', 'Other'],
});

export const PROJECT_PHASE_ENUM = enumeration(PROJECT_PHASES, {
  development: ['开发期', 'Development'],
  construction: ['建设期', 'Construction'],
  operation: ['运营期', 'Operation'],
});

export const FLOW_BASIS_ENUM = enumeration(['ttm', 'annualised'], {
  ttm: ['近十二个月（TTM）', 'Trailing twelve months'],
  annualised: ['年初至今年化（×4/q）', 'YTD annualised (× 4/q)'],
});

/** Every enumeration by name, for pickers that are not tied to one fact (GET /api/v1/facts returns them). */
export const ENUMERATIONS: Record<string, Enumeration> = {
  industrySection: INDUSTRY_SECTION_ENUM,
  class5cat: CLASS_5CAT_ENUM,
  ifrs9Stage: IFRS9_STAGE_ENUM,
  severity: SEVERITY_ENUM,
  collateralType: COLLATERAL_TYPE_ENUM,
  sizeClass: SIZE_CLASS_ENUM,
  ownership: OWNERSHIP_ENUM,
  auditOpinion: AUDIT_OPINION_ENUM,
  altmanZone: ALTMAN_ZONE_ENUM,
  altmanVariant: ALTMAN_VARIANT_ENUM,
  eventType: EVENT_TYPE_ENUM,
  signalId: SIGNAL_ID_ENUM,
  usccReason: USCC_REASON_ENUM,
  projectSector: PROJECT_SECTOR_ENUM,
  projectPhase: PROJECT_PHASE_ENUM,
  flowBasis: FLOW_BASIS_ENUM,
};
