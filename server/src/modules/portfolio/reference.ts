/**
 * Reference tables of the synthetic portfolio (portfolio-spec.md §4). Every share here is `[CAL]`: an indicative
 * default to be calibrated to the bank's own book. Division codes are GB/T 2260, industry classes GB/T 4754-2017.
 */
import type { IndustrySection, Ownership } from '../facts/client-profile';

export interface Province {
  code: string;
  zh: string;
  en: string;
  /** ≈ share of national GDP (§4.2 province_code). */
  weight: number;
  region: 'east' | 'south' | 'central' | 'west' | 'northeast';
  coastalManufacturing: boolean;
  /** [GB/T 2260 code, 中文, pinyin] of prefecture-level cities (districts for the municipalities). */
  cities: [string, string, string][];
}

export const PROVINCES: Province[] = [
  { code: '11', zh: '北京', en: 'Beijing', weight: 3.5, region: 'east', coastalManufacturing: false, cities: [['110105', '北京', 'Beijing'], ['110108', '北京', 'Beijing'], ['110102', '北京', 'Beijing']] },
  { code: '12', zh: '天津', en: 'Tianjin', weight: 1.3, region: 'east', coastalManufacturing: false, cities: [['120116', '天津', 'Tianjin'], ['120101', '天津', 'Tianjin']] },
  { code: '13', zh: '河北', en: 'Hebei', weight: 3.4, region: 'east', coastalManufacturing: false, cities: [['130100', '石家庄', 'Shijiazhuang'], ['130200', '唐山', 'Tangshan'], ['130600', '保定', 'Baoding']] },
  { code: '14', zh: '山西', en: 'Shanxi', weight: 2.0, region: 'central', coastalManufacturing: false, cities: [['140100', '太原', 'Taiyuan'], ['140200', '大同', 'Datong']] },
  { code: '15', zh: '内蒙古', en: 'Inner Mongolia', weight: 1.9, region: 'west', coastalManufacturing: false, cities: [['150100', '呼和浩特', 'Hohhot'], ['150200', '包头', 'Baotou'], ['150600', '鄂尔多斯', 'Ordos']] },
  { code: '21', zh: '辽宁', en: 'Liaoning', weight: 2.4, region: 'northeast', coastalManufacturing: false, cities: [['210100', '沈阳', 'Shenyang'], ['210200', '大连', 'Dalian']] },
  { code: '22', zh: '吉林', en: 'Jilin', weight: 1.1, region: 'northeast', coastalManufacturing: false, cities: [['220100', '长春', 'Changchun'], ['220200', '吉林', 'Jilin']] },
  { code: '23', zh: '黑龙江', en: 'Heilongjiang', weight: 1.3, region: 'northeast', coastalManufacturing: false, cities: [['230100', '哈尔滨', 'Harbin'], ['230600', '大庆', 'Daqing']] },
  { code: '31', zh: '上海', en: 'Shanghai', weight: 3.8, region: 'east', coastalManufacturing: false, cities: [['310115', '上海', 'Shanghai'], ['310104', '上海', 'Shanghai'], ['310101', '上海', 'Shanghai']] },
  { code: '32', zh: '江苏', en: 'Jiangsu', weight: 10, region: 'east', coastalManufacturing: true, cities: [['320100', '南京', 'Nanjing'], ['320500', '苏州', 'Suzhou'], ['320200', '无锡', 'Wuxi'], ['320400', '常州', 'Changzhou'], ['320600', '南通', 'Nantong']] },
  { code: '33', zh: '浙江', en: 'Zhejiang', weight: 6.5, region: 'east', coastalManufacturing: true, cities: [['330100', '杭州', 'Hangzhou'], ['330200', '宁波', 'Ningbo'], ['330300', '温州', 'Wenzhou'], ['330700', '金华', 'Jinhua'], ['330600', '绍兴', 'Shaoxing']] },
  { code: '34', zh: '安徽', en: 'Anhui', weight: 3.7, region: 'central', coastalManufacturing: false, cities: [['340100', '合肥', 'Hefei'], ['340200', '芜湖', 'Wuhu']] },
  { code: '35', zh: '福建', en: 'Fujian', weight: 4.2, region: 'east', coastalManufacturing: true, cities: [['350100', '福州', 'Fuzhou'], ['350200', '厦门', 'Xiamen'], ['350500', '泉州', 'Quanzhou']] },
  { code: '36', zh: '江西', en: 'Jiangxi', weight: 2.6, region: 'central', coastalManufacturing: false, cities: [['360100', '南昌', 'Nanchang'], ['360700', '赣州', 'Ganzhou']] },
  { code: '37', zh: '山东', en: 'Shandong', weight: 7, region: 'east', coastalManufacturing: true, cities: [['370100', '济南', 'Jinan'], ['370200', '青岛', 'Qingdao'], ['370600', '烟台', 'Yantai'], ['370700', '潍坊', 'Weifang']] },
  { code: '41', zh: '河南', en: 'Henan', weight: 5, region: 'central', coastalManufacturing: false, cities: [['410100', '郑州', 'Zhengzhou'], ['410300', '洛阳', 'Luoyang']] },
  { code: '42', zh: '湖北', en: 'Hubei', weight: 4.5, region: 'central', coastalManufacturing: false, cities: [['420100', '武汉', 'Wuhan'], ['420500', '宜昌', 'Yichang'], ['420600', '襄阳', 'Xiangyang']] },
  { code: '43', zh: '湖南', en: 'Hunan', weight: 4, region: 'central', coastalManufacturing: false, cities: [['430100', '长沙', 'Changsha'], ['430200', '株洲', 'Zhuzhou']] },
  { code: '44', zh: '广东', en: 'Guangdong', weight: 11, region: 'south', coastalManufacturing: true, cities: [['440100', '广州', 'Guangzhou'], ['440300', '深圳', 'Shenzhen'], ['440600', '佛山', 'Foshan'], ['441900', '东莞', 'Dongguan'], ['440400', '珠海', 'Zhuhai']] },
  { code: '45', zh: '广西', en: 'Guangxi', weight: 2.1, region: 'south', coastalManufacturing: false, cities: [['450100', '南宁', 'Nanning'], ['450200', '柳州', 'Liuzhou']] },
  { code: '46', zh: '海南', en: 'Hainan', weight: 0.6, region: 'south', coastalManufacturing: false, cities: [['460100', '海口', 'Haikou']] },
  { code: '50', zh: '重庆', en: 'Chongqing', weight: 2.4, region: 'west', coastalManufacturing: false, cities: [['500103', '重庆', 'Chongqing'], ['500112', '重庆', 'Chongqing']] },
  { code: '51', zh: '四川', en: 'Sichuan', weight: 4.8, region: 'west', coastalManufacturing: false, cities: [['510100', '成都', 'Chengdu'], ['510700', '绵阳', 'Mianyang']] },
  { code: '52', zh: '贵州', en: 'Guizhou', weight: 1.7, region: 'west', coastalManufacturing: false, cities: [['520100', '贵阳', 'Guiyang'], ['520300', '遵义', 'Zunyi']] },
  { code: '53', zh: '云南', en: 'Yunnan', weight: 2.4, region: 'west', coastalManufacturing: false, cities: [['530100', '昆明', 'Kunming']] },
  { code: '54', zh: '西藏', en: 'Tibet', weight: 0.2, region: 'west', coastalManufacturing: false, cities: [['540100', '拉萨', 'Lhasa']] },
  { code: '61', zh: '陕西', en: 'Shaanxi', weight: 2.7, region: 'west', coastalManufacturing: false, cities: [['610100', '西安', "Xi'an"], ['610300', '宝鸡', 'Baoji']] },
  { code: '62', zh: '甘肃', en: 'Gansu', weight: 0.9, region: 'west', coastalManufacturing: false, cities: [['620100', '兰州', 'Lanzhou']] },
  { code: '63', zh: '青海', en: 'Qinghai', weight: 0.3, region: 'west', coastalManufacturing: false, cities: [['630100', '西宁', 'Xining']] },
  { code: '64', zh: '宁夏', en: 'Ningxia', weight: 0.4, region: 'west', coastalManufacturing: false, cities: [['640100', '银川', 'Yinchuan']] },
  { code: '65', zh: '新疆', en: 'Xinjiang', weight: 1.5, region: 'west', coastalManufacturing: false, cities: [['650100', '乌鲁木齐', 'Urumqi']] },
];

export const REGIONS = ['east', 'south', 'central', 'west', 'northeast', 'international'] as const;

/**
 * Industry ratio priors, §4.3 table: means and standard deviations. Two margins sit above the table [CAL]: F
 * (EBITDA 5 %, gross 11 %, for 3 % and 8 %) and E (EBITDA 8 %, gross 13 %, for 5 % and 10 %). At the table's values
 * a typical trader or contractor has cash flow from operations below a tenth of its current liabilities, so the
 * shipped F03 signal (domain.md §4.2) would fire on most of them, against the §7 early-warning targets.
 */
export interface RatioPrior {
  debtToAsset: [number, number];
  grossMargin: [number, number];
  ebitdaMargin: [number, number];
  assetTurnover: [number, number];
  dso: [number, number];
  dio: [number, number];
}

export interface Industry {
  section: IndustrySection;
  /** Share of the corporate book by exposure (§4.2.1). */
  exposureShare: number;
  /** [4-digit class, word in the name (中文), English word]. */
  classes: [string, string, string][];
  prior: RatioPrior;
  /** Quarterly seasonality of revenue (Q1…Q4), mean 1 (§4.3 generation rule 1). */
  season: [number, number, number, number];
  /** Annual revenue drift. */
  drift: number;
}

const P = (da: number, gm: number, em: number, at: number, dso: number, dio: number, s: number[] = [12, 8, 5, 0.3, 30, 30]): RatioPrior => ({
  debtToAsset: [da, s[0] / 100],
  grossMargin: [gm, s[1] / 100],
  ebitdaMargin: [em, s[2] / 100],
  assetTurnover: [at, s[3]],
  dso: [dso, s[4]],
  dio: [dio, s[5]],
});
const FLAT: [number, number, number, number] = [0.96, 1, 1, 1.04];

export const INDUSTRIES: Industry[] = [
  { section: 'C', exposureShare: 18, drift: 0.04, season: FLAT, prior: P(0.55, 0.18, 0.1, 0.9, 70, 75, [12, 8, 5, 0.3, 30, 30]),
    classes: [['1391', '食品', 'Food'], ['2614', '化工', 'Chemical'], ['2710', '医药', 'Pharmaceutical'], ['3011', '建材', 'Building Materials'], ['3120', '钢铁', 'Steel'], ['3311', '金属制品', 'Metal Products'], ['3441', '机械制造', 'Machinery'], ['3511', '专用设备', 'Equipment'], ['3670', '汽车零部件', 'Auto Parts'], ['3825', '电气', 'Electric'], ['3911', '电子科技', 'Electronics'], ['2927', '塑料制品', 'Plastics'], ['1761', '纺织', 'Textile']] },
  { section: 'L', exposureShare: 17, drift: 0.03, season: FLAT, prior: P(0.62, 0.2, 0.15, 0.15, 120, 20, [12, 10, 10, 0.1, 60, 15]),
    classes: [['7212', '投资控股', 'Investment Holding'], ['7221', '城市建设投资', 'Urban Construction Investment'], ['7111', '融资租赁', 'Leasing'], ['7281', '会展服务', 'Exhibition Services']] },
  { section: 'G', exposureShare: 13, drift: 0.04, season: FLAT, prior: P(0.6, 0.25, 0.3, 0.3, 40, 10, [12, 10, 12, 0.15, 20, 8]),
    classes: [['5411', '运输', 'Transport'], ['5521', '航运', 'Shipping'], ['5912', '物流', 'Logistics'], ['5531', '港务', 'Port'], ['5442', '高速公路', 'Expressway']] },
  { section: 'N', exposureShare: 9, drift: 0.04, season: FLAT, prior: P(0.6, 0.25, 0.25, 0.1, 150, 30, [10, 10, 10, 0.05, 80, 20]),
    classes: [['7810', '市政工程', 'Municipal'], ['7721', '环保', 'Environmental'], ['7610', '水利', 'Water Conservancy']] },
  { section: 'K', exposureShare: 9, drift: -0.03, season: FLAT, prior: P(0.75, 0.25, 0.15, 0.2, 20, 0, [8, 10, 8, 0.1, 15, 0]),
    classes: [['7010', '置业', 'Property'], ['7010', '房地产开发', 'Real Estate Development'], ['7020', '物业服务', 'Property Management']] },
  { section: 'D', exposureShare: 8, drift: 0.05, season: [1, 1, 1, 1], prior: P(0.65, 0.25, 0.35, 0.3, 45, 15, [10, 8, 10, 0.1, 20, 10]),
    classes: [['4411', '电力', 'Power'], ['4415', '新能源', 'Renewable Energy'], ['4500', '燃气', 'Gas'], ['4610', '水务', 'Water']] },
  { section: 'F', exposureShare: 7, drift: 0.03, season: [0.9, 0.9, 0.95, 1.25], prior: P(0.65, 0.11, 0.05, 2.0, 45, 40, [12, 4, 2, 0.8, 25, 20]),
    classes: [['5161', '贸易', 'Trading'], ['5171', '商贸', 'Commerce'], ['5136', '医药商业', 'Pharma Distribution'], ['5212', '百货', 'Department Store']] },
  { section: 'E', exposureShare: 5, drift: 0.02, season: [0.8, 0.9, 0.9, 1.4], prior: P(0.75, 0.13, 0.08, 0.7, 120, 30, [8, 3, 2, 0.2, 50, 20]),
    classes: [['4811', '建设工程', 'Construction Engineering'], ['4812', '路桥建设', 'Road & Bridge'], ['4710', '建筑', 'Building']] },
  { section: 'B', exposureShare: 3, drift: 0.01, season: FLAT, prior: P(0.58, 0.3, 0.25, 0.5, 30, 40, [12, 12, 12, 0.2, 20, 20]),
    classes: [['0610', '煤业', 'Coal Mining'], ['0810', '矿业', 'Mining'], ['0710', '能源', 'Energy']] },
  { section: 'I', exposureShare: 3, drift: 0.08, season: FLAT, prior: P(0.4, 0.4, 0.15, 0.7, 100, 20, [15, 12, 8, 0.3, 40, 15]),
    classes: [['6513', '软件', 'Software'], ['6311', '通信', 'Telecom'], ['6450', '信息技术', 'IT Services']] },
  { section: 'A', exposureShare: 1, drift: 0.03, season: [0.8, 0.9, 1.3, 1], prior: P(0.55, 0.2, 0.1, 0.5, 30, 90),
    classes: [['0111', '农业', 'Agriculture'], ['0311', '牧业', 'Livestock'], ['0411', '渔业', 'Fishery']] },
  { section: 'H', exposureShare: 2, drift: 0.05, season: FLAT, prior: P(0.6, 0.4, 0.15, 0.4, 20, 10), classes: [['6110', '酒店', 'Hotel'], ['6210', '餐饮', 'Catering']] },
  { section: 'M', exposureShare: 1.5, drift: 0.06, season: FLAT, prior: P(0.45, 0.35, 0.15, 0.6, 90, 20), classes: [['7320', '科技', 'Technology'], ['7484', '工程设计', 'Engineering Design']] },
  { section: 'O', exposureShare: 0.5, drift: 0.04, season: FLAT, prior: P(0.5, 0.3, 0.12, 0.8, 40, 15), classes: [['8011', '家政服务', 'Home Services']] },
  { section: 'P', exposureShare: 1, drift: 0.05, season: FLAT, prior: P(0.5, 0.35, 0.2, 0.4, 20, 5), classes: [['8341', '教育', 'Education']] },
  { section: 'Q', exposureShare: 1.5, drift: 0.06, season: FLAT, prior: P(0.5, 0.3, 0.15, 0.6, 60, 20), classes: [['8411', '医疗', 'Healthcare']] },
  { section: 'R', exposureShare: 0.5, drift: 0.04, season: FLAT, prior: P(0.5, 0.35, 0.15, 0.5, 60, 15), classes: [['8710', '文化传媒', 'Media']] },
];

/** §4.2 `country`: the international 15 %, split. */
export const COUNTRIES: [string, number, string[]][] = [
  ['HK', 25, ['HKD', 'USD']],
  ['SG', 15, ['SGD', 'USD']],
  ['GB', 8, ['GBP', 'USD']],
  ['DE', 7, ['EUR']],
  ['US', 7, ['USD']],
  ['AE', 6, ['USD', 'AED']],
  ['SA', 5, ['USD', 'SAR']],
  ['ID', 6, ['USD', 'IDR']],
  ['VN', 5, ['USD', 'VND']],
  ['KZ', 4, ['USD', 'KZT']],
  ['BR', 4, ['USD', 'BRL']],
  ['MY', 3, ['USD', 'MYR']],
  ['TH', 2, ['USD', 'THB']],
  ['PK', 2, ['USD']],
  ['EG', 1, ['USD']],
];

/** Yuan per unit, to express amounts generated in RMB in a client's own currency [CAL]. */
export const FX_CNY: Record<string, number> = {
  CNY: 1, USD: 7.1, EUR: 7.7, HKD: 0.91, GBP: 9.0, SGD: 5.3, AED: 1.93, SAR: 1.89, IDR: 0.00045, VND: 0.00028, KZT: 0.014, BRL: 1.3, MYR: 1.55, THB: 0.2,
};

export const LEGAL_FORMS_CN: [string, number][] = [
  ['有限责任公司', 62],
  ['股份有限公司', 18],
  ['国有独资公司', 6],
  ['外商投资企业', 8],
  ['合伙企业', 6],
];

export const LEGAL_FORM_INTL: Record<string, [string, string]> = {
  HK: ['Ltd', 'Limited'], SG: ['Ltd', 'Pte. Ltd.'], GB: ['PLC', 'PLC'], DE: ['GmbH', 'GmbH'], US: ['LLC', 'LLC'], AE: ['LLC', 'L.L.C.'], SA: ['SA', 'Company'],
  ID: ['Ltd', 'Tbk'], VN: ['SA', 'JSC'], KZ: ['SA', 'JSC'], BR: ['SA', 'S.A.'], MY: ['Ltd', 'Sdn. Bhd.'], TH: ['Ltd', 'Co., Ltd.'], PK: ['Ltd', 'Limited'], EG: ['SA', 'S.A.E.'],
};

/** Group ownership types (§4.1 group_type). */
export const GROUP_TYPES: [Ownership, number][] = [
  ['soe_central', 8],
  ['soe_local', 22],
  ['lgfv', 6],
  ['private', 52],
  ['foreign', 9],
  ['mixed', 3],
];

/** 字号 characters with pinyin, for generated names (no real entity is meant). */
export const TRADE_NAME_CHARS: [string, string][] = [
  ['华', 'Hua'], ['盛', 'Sheng'], ['鑫', 'Xin'], ['泰', 'Tai'], ['恒', 'Heng'], ['瑞', 'Rui'], ['丰', 'Feng'], ['达', 'Da'], ['信', 'Xin'], ['隆', 'Long'],
  ['源', 'Yuan'], ['宏', 'Hong'], ['昌', 'Chang'], ['兴', 'Xing'], ['嘉', 'Jia'], ['和', 'He'], ['安', 'An'], ['德', 'De'], ['通', 'Tong'], ['博', 'Bo'],
  ['远', 'Yuan'], ['金', 'Jin'], ['中', 'Zhong'], ['新', 'Xin'], ['天', 'Tian'], ['海', 'Hai'], ['宇', 'Yu'], ['创', 'Chuang'], ['汇', 'Hui'], ['融', 'Rong'],
  ['联', 'Lian'], ['科', 'Ke'], ['正', 'Zheng'], ['永', 'Yong'], ['长', 'Chang'], ['成', 'Cheng'], ['东', 'Dong'], ['南', 'Nan'], ['北', 'Bei'], ['广', 'Guang'],
  ['明', 'Ming'], ['光', 'Guang'], ['立', 'Li'], ['祥', 'Xiang'], ['福', 'Fu'], ['宝', 'Bao'], ['富', 'Fu'], ['佳', 'Jia'], ['凯', 'Kai'], ['捷', 'Jie'],
  ['润', 'Run'], ['峰', 'Feng'], ['晟', 'Sheng'], ['弘', 'Hong'], ['诚', 'Cheng'], ['万', 'Wan'], ['合', 'He'], ['启', 'Qi'], ['辰', 'Chen'], ['航', 'Hang'],
];

export const INTL_NAME_WORDS = ['Harbour', 'Pacific', 'Summit', 'Crescent', 'Meridian', 'Atlas', 'Northstar', 'Golden Bridge', 'Silk Road', 'Orient', 'Evergreen', 'Bluewater', 'Sterling', 'Falcon', 'Zenith', 'Lotus', 'Cedar', 'Horizon', 'Keystone', 'Monsoon'];

/** §4.4 product mix (working-capital 38 %, fixed-asset 22 %, …); project finance is given to project SPVs only. */
export const PRODUCTS: [string, number][] = [
  ['working_capital', 38],
  ['fixed_asset', 22],
  ['m_and_a', 3],
  ['syndicated', 6],
  ['bank_acceptance', 8],
  ['letter_of_credit', 4],
  ['guarantee', 5],
  ['revolving', 6],
];

/** §4.6 collateral types for mortgages and pledges, with the share and the value volatility per quarter. */
export const COLLATERAL: { type: string; weight: number; pledge: boolean; drift: number; sigma: number }[] = [
  { type: 'residential_property', weight: 10, pledge: false, drift: 0, sigma: 0.02 },
  { type: 'commercial_property', weight: 18, pledge: false, drift: -0.008, sigma: 0.03 },
  { type: 'industrial_property', weight: 22, pledge: false, drift: 0, sigma: 0.02 },
  { type: 'land_use_rights', weight: 12, pledge: false, drift: 0, sigma: 0.03 },
  { type: 'machinery', weight: 8, pledge: false, drift: -0.025, sigma: 0.02 },
  { type: 'receivables', weight: 8, pledge: true, drift: 0, sigma: 0.03 },
  { type: 'inventory', weight: 4, pledge: true, drift: 0, sigma: 0.08 },
  { type: 'deposits_bonds', weight: 6, pledge: true, drift: 0, sigma: 0 },
  { type: 'listed_shares', weight: 5, pledge: true, drift: 0, sigma: 0.15 },
  { type: 'unlisted_equity', weight: 3, pledge: true, drift: 0, sigma: 0.06 },
  { type: 'resource_rights', weight: 2, pledge: false, drift: 0, sigma: 0.05 },
];

/** §4.9 project sectors with the CFADS volatility of §4.9 (σ of the actual/base shock) and a target DSCR range. */
export const PROJECT_SECTORS: { sector: string; weight: number; section: IndustrySection; sigma: number; dscr: [number, number] }[] = [
  { sector: 'solar', weight: 20, section: 'D', sigma: 0.06, dscr: [1.2, 1.35] },
  { sector: 'onshore_wind', weight: 15, section: 'D', sigma: 0.11, dscr: [1.25, 1.35] },
  { sector: 'offshore_wind', weight: 5, section: 'D', sigma: 0.13, dscr: [1.3, 1.4] },
  { sector: 'hydro', weight: 5, section: 'D', sigma: 0.08, dscr: [1.8, 1.9] },
  { sector: 'toll_road', weight: 15, section: 'G', sigma: 0.12, dscr: [1.25, 1.35] },
  { sector: 'port_logistics', weight: 8, section: 'G', sigma: 0.1, dscr: [1.25, 1.35] },
  { sector: 'water_waste', weight: 10, section: 'N', sigma: 0.06, dscr: [1.2, 1.3] },
  { sector: 'data_centre', weight: 5, section: 'I', sigma: 0.08, dscr: [1.3, 1.4] },
  { sector: 'lng_petrochem', weight: 7, section: 'C', sigma: 0.2, dscr: [1.5, 1.8] },
  { sector: 'mining', weight: 5, section: 'B', sigma: 0.2, dscr: [1.5, 1.8] },
  { sector: 'ppp_availability', weight: 5, section: 'N', sigma: 0.04, dscr: [1.2, 1.25] },
];

/** §4.10 target grade distribution at T0 (performing, by count). */
export const GRADE_SHARES = [3, 7, 12, 16, 18, 16, 12, 9, 5, 2];
/** Master-scale PD per grade (domain.md §3.2): the geometric middle of each band. */
export const GRADE_PD = [0.0004, 0.0007, 0.0014, 0.0028, 0.0057, 0.0113, 0.0226, 0.0453, 0.0905, 0.2];
/** A letter notch (AAA = 0 … on the 22-step S&P scale) per grade, for external ratings. */
export const GRADE_NOTCH = [1, 4, 7, 8, 10, 12, 13, 15, 17, 19];
export const SP_SCALE = ['AAA', 'AA+', 'AA', 'AA-', 'A+', 'A', 'A-', 'BBB+', 'BBB', 'BBB-', 'BB+', 'BB', 'BB-', 'B+', 'B', 'B-', 'CCC+', 'CCC', 'CCC-', 'CC', 'C', 'D'];
export const DOMESTIC_AGENCIES = ['中诚信国际', '联合资信', '东方金诚', '大公国际', '上海新世纪'];
export const GLOBAL_AGENCIES = ["S&P", "Moody's", 'Fitch'];
