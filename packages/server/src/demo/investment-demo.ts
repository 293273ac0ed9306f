// Demo business data of 广州市海珠区投资促进局 for 2023 (illustrative, deterministic PRNG): the district's
// responsible units (4 departments + the 18 街道), the project pipeline — exactly 336 key projects
// reaching 洽谈 in 2023, 170 of them reaching 注册落地 in 2023, plus lead-stage, non-key and 2022 projects —
// the city's targets and their split, key enterprises with chief service officers, enterprise requests
// and surveys, and the policy grants paid from TZCJ-XM-002. The department's metric-bound indicators then
// read 336, 170, 93.50 %, 8.60 working days, 92.40 % and 652 from these records, not from typed numbers.
// Investors, enterprises and people are invented (illustrative = true); unit names are real.
import {
  addDays,
  addWorkingDays,
  COMMON_INDUSTRIES,
  creditCodeCheckChar,
  findMetric,
  isWorkingDay,
  metricWindow,
  NO_STAGE_DATES,
  PIPELINE_STAGES,
  splitProportionally,
  validateStageDates,
  yearOf,
  type EnterpriseRequestRecord,
  type InvestmentProjectRecord,
  type MetricKey,
  type MetricRecords,
  type PipelineStage,
  type PolicyGrantRecord,
  type ProjectSource,
  type RequestCategory,
  type SatisfactionSurveyRecord,
  type StageDates,
} from '@jixiao/core/investment/index';
import { fenToYuanString, parseYuan } from '@jixiao/core';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/open-db.ts';
import * as s from '../db/schema/index.ts';
import type { DemoData } from './demo-data.ts';

/** The figures the demo must produce (plan.json's actual values of the metric-bound indicators). */
export const INVESTMENT_DEMO_EXPECTED: Readonly<Record<MetricKey, string | null>> = {
  'investment.negotiatedKeyProjects': '336',
  'investment.registeredProjects': '170',
  'investment.signedInvestmentWan': null, // whatever the generated amounts add up to
  'services.requestsClosedOnTimeRate': '93.50',
  'services.meanDaysToClose': '8.60',
  'services.medianDaysToClose': null,
  'services.satisfiedShare': '92.40',
  'services.policyBeneficiaries': '652',
};

/** The 18 街道 of 海珠区 (code = pinyin). */
export const HAIZHU_SUBDISTRICTS: readonly { code: string; name: string; weight: number }[] = [
  { code: 'JD-CHIGANG', name: '赤岗街道', weight: 8 },
  { code: 'JD-XINGANG', name: '新港街道', weight: 9 },
  { code: 'JD-CHANGGANG', name: '昌岗街道', weight: 5 },
  { code: 'JD-JIANGNANZHONG', name: '江南中街道', weight: 6 },
  { code: 'JD-BINJIANG', name: '滨江街道', weight: 7 },
  { code: 'JD-SUSHE', name: '素社街道', weight: 4 },
  { code: 'JD-HAIZHUANG', name: '海幢街道', weight: 4 },
  { code: 'JD-NANHUAXI', name: '南华西街道', weight: 3 },
  { code: 'JD-LONGFENG', name: '龙凤街道', weight: 3 },
  { code: 'JD-SHAYUAN', name: '沙园街道', weight: 4 },
  { code: 'JD-NANSHITOU', name: '南石头街道', weight: 3 },
  { code: 'JD-FENGYANG', name: '凤阳街道', weight: 6 },
  { code: 'JD-RUIBAO', name: '瑞宝街道', weight: 5 },
  { code: 'JD-JIANGHAI', name: '江海街道', weight: 5 },
  { code: 'JD-PAZHOU', name: '琶洲街道', weight: 20 },
  { code: 'JD-NANZHOU', name: '南洲街道', weight: 6 },
  { code: 'JD-HUAZHOU', name: '华洲街道', weight: 7 },
  { code: 'JD-GUANZHOU', name: '官洲街道', weight: 5 },
];

const DEPARTMENT_UNITS: readonly { code: string; name: string; departmentCode: string | null; weight: number }[] = [
  { code: 'BM-TZCJ', name: '区投资促进局', departmentCode: '440105-TZCJ', weight: 24 },
  { code: 'BM-FGJ', name: '区发展和改革局', departmentCode: null, weight: 6 },
  { code: 'BM-KGXJ', name: '区科技工业商务和信息化局', departmentCode: '440105-KGXJ', weight: 12 },
  { code: 'BM-WGLT', name: '区文化广电旅游体育局', departmentCode: '440105-WGLT', weight: 5 },
];

/** mulberry32: a small deterministic PRNG (same data on every load). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Rand {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  weighted<T extends { weight: number }>(xs: readonly T[]): T {
    const total = xs.reduce((t, x) => t + x.weight, 0);
    let r = this.next() * total;
    for (const x of xs) {
      r -= x.weight;
      if (r < 0) {
        return x;
      }
    }
    return xs[xs.length - 1]!;
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  /** A date between two ISO dates (inclusive), on a working day. */
  workday(from: string, to: string): string {
    const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    for (let tries = 0; tries < 50; tries++) {
      const d = addDays(from, this.int(0, span));
      if (isWorkingDay(d)) {
        return d;
      }
    }
    return addWorkingDays(addDays(from, -1), 1);
  }
}

function fen(yuan: string): number {
  const f = parseYuan(yuan);
  if (f === null) {
    throw new Error(`investment demo: bad amount ${yuan}`);
  }
  return f;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

// ---- vocabulary for invented names ----

const BRANDS = ['星河', '瀚海', '云帆', '启明', '卓越', '恒信', '鼎盛', '博远', '智汇', '领航', '天枢', '晨曦', '远景', '华章', '锦程', '青岚', '汇通', '海纳', '明德', '嘉禾', '润泽', '宏图', '睿思', '悦达', '金穗', '珠联', '粤海', '岭南', '新洲', '晴川', '知行', '致远', '凌云', '广润', '泰和', '安澜', '若水', '拓维', '德馨', '长风'];
const CITIES = [
  { name: '广州', weight: 40 },
  { name: '深圳', weight: 18 },
  { name: '香港', weight: 10 },
  { name: '上海', weight: 9 },
  { name: '北京', weight: 9 },
  { name: '杭州', weight: 6 },
  { name: '佛山', weight: 4 },
  { name: '东莞', weight: 4 },
];
const INDUSTRY_WORDS: Readonly<Record<string, { word: string; weight: number }>> = {
  '6511': { word: '基础软件', weight: 3 },
  '6513': { word: '软件科技', weight: 14 },
  '6520': { word: '微电子', weight: 4 },
  '6531': { word: '信息系统', weight: 6 },
  '6532': { word: '物联科技', weight: 5 },
  '6550': { word: '数据服务', weight: 6 },
  '6560': { word: '信息咨询', weight: 4 },
  '6572': { word: '互动娱乐', weight: 7 },
  '6429': { word: '网络科技', weight: 6 },
  '6431': { word: '产业互联网', weight: 6 },
  '6450': { word: '数据科技', weight: 5 },
  '7211': { word: '控股', weight: 5 },
  '7212': { word: '投资管理', weight: 4 },
  '7224': { word: '供应链管理', weight: 6 },
  '7251': { word: '数字营销', weight: 4 },
  '7281': { word: '会展服务', weight: 6 },
  '7340': { word: '医药研发', weight: 3 },
  '5131': { word: '纺织', weight: 3 },
  '5132': { word: '服饰', weight: 3 },
};
const INDUSTRIES = COMMON_INDUSTRIES.map((i) => ({ ...i, word: INDUSTRY_WORDS[i.code]?.word ?? '科技', weight: INDUSTRY_WORDS[i.code]?.weight ?? 1 }));
const PROJECT_KINDS = ['华南总部', '区域总部', '研发中心', '结算中心', '创新中心', '数字经济产业基地', '运营中心', '技术服务中心'];
const SOURCES: readonly { code: ProjectSource; weight: number }[] = [
  { code: 'BUILDING_CHIEF', weight: 22 },
  { code: 'CHAIN_LEADER', weight: 18 },
  { code: 'BUSINESS_REFERRAL', weight: 22 },
  { code: 'AGENCY', weight: 12 },
  { code: 'EXHIBITION', weight: 16 },
  { code: 'FUND', weight: 6 },
  { code: 'OTHER', weight: 4 },
];
const SURNAMES = ['陈', '李', '黄', '张', '梁', '林', '刘', '吴', '何', '罗', '郑', '周', '谢', '杨', '冯', '邓', '麦', '区'];
const GIVEN = ['志明', '海燕', '建华', '晓东', '丽娟', '伟强', '敏', '静', '嘉豪', '颖', '文杰', '慧玲', '国栋', '思远', '雅琪', '永康', '俊峰', '婉婷'];
const REQUEST_TEXT: Readonly<Record<RequestCategory, { weight: number; summaries: string[]; closures: string[] }>> = {
  POLICY: { weight: 30, summaries: ['咨询“10+1”楼宇经济政策申报条件', '申请新落地企业开办补贴', '咨询产业互联网扶持政策兑现进度', '了解惠企政策包奖励申报材料'], closures: ['已上门解读政策并指导完成申报', '已协调区财政局按批次兑现', '已答复申报条件及材料清单'] },
  LAND_SPACE: { weight: 16, summaries: ['新增研发办公场地需求', '寻找琶洲片区总部办公楼宇', '协调厂房租赁续期', '申请人才公寓配套'], closures: ['已推荐3处楼宇并组织看楼', '已协调业主达成续租', '已纳入楼宇招商资源库对接'] },
  LABOUR_TALENT: { weight: 14, summaries: ['高层次人才子女入学咨询', '协助招聘软件研发人员', '人才绿卡办理咨询'], closures: ['已对接区人社局专场招聘', '已协调教育部门安排学位', '已指导办理人才绿卡'] },
  FINANCING: { weight: 10, summaries: ['申请科技信贷风险补偿', '对接产业基金融资', '咨询上市培育政策'], closures: ['已对接合作银行完成授信', '已推荐产业基金并安排路演', '已纳入上市后备企业库'] },
  APPROVAL: { weight: 14, summaries: ['协调消防验收进度', '办理食品经营许可证', '变更注册地址咨询'], closures: ['已协调相关部门完成验收', '已指导通过一网通办办结', '已完成地址变更登记'] },
  MARKET: { weight: 10, summaries: ['参加进出口商品交易会展位需求', '对接链主企业采购需求', '拓展应用场景合作'], closures: ['已推荐参加琶洲会展对接活动', '已组织供需对接会', '已发布应用场景需求'] },
  OTHER: { weight: 6, summaries: ['周边交通配套改善建议', '企业用电增容申请'], closures: ['已转交属地街道跟进办结', '已协调供电部门完成增容'] },
};
const PACKAGES = [
  { code: 'HZ-2023-LYJJ', name: '“10+1”政策（楼宇经济）', description: '支持楼宇经济高质量发展，对新入驻重点楼宇的企业给予租金和经营贡献奖励（示例）', weight: 30 },
  { code: 'HZ-2023-CYHLW', name: '“10+1”政策（产业互联网）', description: '支持产业互联网平台建设和应用场景落地（示例）', weight: 22 },
  { code: 'HZ-2023-KBBT', name: '新落地企业开办补贴', description: '对新注册落地的重点招商项目给予开办补贴（示例）', weight: 28 },
  { code: 'HZ-2023-HQJL', name: '惠企政策包奖励资金', description: '对营收和纳税增长达标的企业给予奖励（示例）', weight: 20 },
];
/** TZCJ-XM-002 executed 354,001,100.00 元 in 2023 (the ledger): the grants of 2023 add up to it exactly. */
const GRANTS_TOTAL_FEN = 35_400_110_000;
const BATCH_MONTHS = [3, 6, 9, 12];

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCode(r: Rand): string {
  let body = '91440105MA';
  for (let i = 0; i < 7; i++) {
    body += r.pick([...CREDIT_CHARS]);
  }
  return body + creditCodeCheckChar(body)!;
}

/** Adjusts whole numbers within [lo, hi] by ±1 steps until they sum to `target` (deterministic). */
function fitSum(values: number[], target: number, lo: number, hi: number, r: Rand): number[] {
  const out = [...values];
  let sum = out.reduce((t, v) => t + v, 0);
  let guard = 0;
  while (sum !== target) {
    const i = r.int(0, out.length - 1);
    if (sum < target && out[i]! < hi) {
      out[i]!++;
      sum++;
    } else if (sum > target && out[i]! > lo) {
      out[i]!--;
      sum--;
    }
    if (++guard > 10_000_000) {
      throw new Error('investment demo: cannot reach the target sum');
    }
  }
  return out;
}

// ---- the pipeline ----

interface DemoProject {
  code: string;
  isKey: boolean;
  stage: PipelineStage;
  dates: StageDates;
  unitCode: string;
  fiscalYear: number;
}

/** Stage dates of a project that reached 洽谈 on `neg` and went as far as `last` (later dates within `until`). */
function datesFrom(r: Rand, neg: string, last: PipelineStage, until: string, registerWindow?: [string, string]): StageDates {
  const lead = r.workday(addDays(neg, -75), addDays(neg, -5));
  const dates: Record<PipelineStage, string | null> = { ...NO_STAGE_DATES, LEAD: lead, NEGOTIATING: neg };
  if (last === 'NEGOTIATING') {
    return dates;
  }
  if (last === 'REGISTERED' || last === 'OPERATING') {
    const [from, to] = registerWindow ?? [addDays(neg, 20), until];
    const reg = r.workday(from > addDays(neg, 20) ? from : addDays(neg, 20), to);
    dates.SIGNED = r.workday(addDays(neg, 10), addDays(reg, -3) > addDays(neg, 10) ? addDays(reg, -3) : addDays(neg, 10));
    dates.REGISTERED = reg;
    if (last === 'OPERATING') {
      dates.OPERATING = r.workday(addDays(reg, 15), until);
    }
    return dates;
  }
  dates.SIGNED = r.workday(addDays(neg, 10), until);
  return dates;
}

export function buildPipeline(r: Rand, year: number): DemoProject[] {
  const units = [...DEPARTMENT_UNITS, ...HAIZHU_SUBDISTRICTS];
  const end = `${year}-12-29`;
  const h1 = [`${year}-01-03`, `${year}-06-30`] as const;
  const h2 = [`${year}-07-03`, `${year}-12-22`] as const;
  const list: Omit<DemoProject, 'code' | 'unitCode' | 'fiscalYear'>[] = [];
  const add = (n: number, isKey: boolean, negFrom: string, negTo: string, last: PipelineStage, registerWindow?: [string, string]) => {
    for (let i = 0; i < n; i++) {
      const neg = r.workday(negFrom, negTo);
      list.push({ isKey, stage: last, dates: datesFrom(r, neg, last, end, registerWindow) });
    }
  };
  // 336 key projects reaching 洽谈 in the year: 152 by the end of June, 184 after.
  // 170 of them registered in the year: 61 by the end of June (plan.json progress 152 / 61).
  add(40, true, h1[0], `${year}-04-28`, 'OPERATING', [`${year}-03-01`, `${year}-06-30`]);
  add(21, true, h1[0], `${year}-05-19`, 'REGISTERED', [`${year}-03-01`, `${year}-06-30`]);
  add(55, true, h1[0], h1[1], 'REGISTERED', [`${year}-07-03`, `${year}-12-22`]);
  add(20, true, h1[0], h1[1], 'SIGNED');
  add(16, true, h1[0], h1[1], 'NEGOTIATING');
  add(54, true, h2[0], `${year}-09-29`, 'REGISTERED', [`${year}-09-01`, `${year}-12-22`]);
  add(38, true, h2[0], `${year}-11-30`, 'SIGNED');
  add(92, true, h2[0], h2[1], 'NEGOTIATING');
  // Key projects at the lead stage only, key projects negotiated the year before, and non-key projects
  // (never registered in the year, so 注册落地 stays 170).
  for (let i = 0; i < 40; i++) {
    list.push({ isKey: true, stage: 'LEAD', dates: { ...NO_STAGE_DATES, LEAD: r.workday(`${year}-02-01`, `${year}-12-22`) } });
  }
  add(14, true, `${year - 1}-03-01`, `${year - 1}-11-30`, 'NEGOTIATING');
  for (let i = 0; i < 11; i++) {
    const neg = r.workday(`${year - 1}-03-01`, `${year - 1}-10-31`);
    const dates = datesFrom(r, neg, 'SIGNED', `${year}-10-31`);
    list.push({ isKey: true, stage: 'SIGNED', dates: { ...dates, SIGNED: r.workday(`${year}-01-03`, `${year}-10-31`) } });
  }
  add(12, true, `${year - 1}-01-04`, `${year - 1}-06-30`, 'REGISTERED', [`${year - 1}-07-01`, `${year - 1}-12-20`]);
  for (let i = 0; i < 50; i++) {
    list.push({ isKey: false, stage: 'LEAD', dates: { ...NO_STAGE_DATES, LEAD: r.workday(`${year}-01-03`, `${year}-12-22`) } });
  }
  add(45, false, h1[0], h2[1], 'NEGOTIATING');
  add(15, false, h1[0], `${year}-10-31`, 'SIGNED');
  add(10, false, `${year - 1}-01-04`, `${year - 1}-06-30`, 'REGISTERED', [`${year - 1}-07-01`, `${year - 1}-12-20`]);
  // Stable codes in the order of entry into the pipeline.
  const ordered = list.map((p, i) => ({ p, i })).sort((a, b) => (a.p.dates.LEAD! < b.p.dates.LEAD! ? -1 : a.p.dates.LEAD! > b.p.dates.LEAD! ? 1 : a.i - b.i));
  const counter = new Map<number, number>();
  return ordered.map(({ p }) => {
    const fy = yearOf(p.dates.LEAD!);
    const n = (counter.get(fy) ?? 0) + 1;
    counter.set(fy, n);
    return { ...p, code: `ZS-${fy}-${String(n).padStart(4, '0')}`, unitCode: r.weighted(units).code, fiscalYear: fy };
  });
}

function amountFen(r: Rand, isKey: boolean): number {
  // Key projects 5,000–300,000 万元 (skewed small), others 200–5,000 万元; whole 万元 with 2 decimals.
  const wan = isKey ? Math.round(5000 * Math.pow(60, r.float() * r.float())) : r.int(200, 5000);
  const cents = r.int(0, 99);
  return wan * 1_000_000 + cents * 10_000;
}

// ---- enterprise requests ----

interface DemoRequest {
  category: RequestCategory;
  receivedOn: string;
  dueOn: string;
  closedOn: string | null;
  status: 'open' | 'closed' | 'withdrawn';
}

/** 400 requests due and closed in the year: 374 on time (93.50 %), 3,440 working days in all (8.60 each). */
export function buildRequests(r: Rand, year: number): DemoRequest[] {
  const LIMIT = 10;
  const out: DemoRequest[] = [];
  const late = 26;
  const onTime = 374;
  const lateDays = Array.from({ length: late }, () => r.int(11, 18));
  const lateSum = lateDays.reduce((t, v) => t + v, 0);
  const onTimeDays = fitSum(
    Array.from({ length: onTime }, () => r.int(5, LIMIT)),
    3440 - lateSum,
    1,
    LIMIT,
    r,
  );
  const days = r.shuffle([...onTimeDays.map((d) => ({ d })), ...lateDays.map((d) => ({ d }))]);
  for (const { d } of days) {
    const receivedOn = r.workday(`${year}-01-03`, d > LIMIT ? `${year}-11-10` : `${year}-11-30`);
    const category = r.weighted(Object.entries(REQUEST_TEXT).map(([k, v]) => ({ k: k as RequestCategory, weight: v.weight }))).k;
    out.push({ category, receivedOn, dueOn: addWorkingDays(receivedOn, LIMIT), closedOn: addWorkingDays(receivedOn, d), status: 'closed' });
  }
  // Still open at the year end (due next year) and withdrawn: in neither figure.
  for (let i = 0; i < 12; i++) {
    const receivedOn = r.workday(`${year}-12-18`, `${year}-12-29`);
    out.push({ category: 'POLICY', receivedOn, dueOn: addWorkingDays(receivedOn, LIMIT), closedOn: null, status: 'open' });
  }
  for (let i = 0; i < 8; i++) {
    const receivedOn = r.workday(`${year}-02-01`, `${year}-11-30`);
    out.push({ category: r.pick(['LAND_SPACE', 'FINANCING', 'MARKET'] as const), receivedOn, dueOn: addWorkingDays(receivedOn, LIMIT), closedOn: null, status: 'withdrawn' });
  }
  // The year before: received, due and closed in that year.
  for (let i = 0; i < 30; i++) {
    const receivedOn = r.workday(`${year - 1}-03-01`, `${year - 1}-11-20`);
    const closedOn = addWorkingDays(receivedOn, r.int(3, 12));
    out.push({ category: r.pick(['POLICY', 'APPROVAL', 'LABOUR_TALENT'] as const), receivedOn, dueOn: addWorkingDays(receivedOn, LIMIT), closedOn, status: 'closed' });
  }
  return out;
}

// ---- the hook ----

export async function loadInvestmentDemo(tx: Tx, data: DemoData): Promise<void> {
  const region = data.organization.department.regionCode;
  const year = data.organization.fiscalYear.year;
  const dept = data.organization.department.code;
  const r = new Rand(20230336);
  const demoUser = { changedBy: 'demo', changedByName: '示例数据' };
  const at = (date: string) => new Date(`${date}T09:30:00+08:00`);

  // Units: 4 departments + the 18 街道.
  await tx.insert(s.investmentUnits).values([
    ...DEPARTMENT_UNITS.map((u, i) => ({ regionCode: region, code: u.code, name: u.name, kind: 'department' as const, departmentCode: u.departmentCode, sort: i })),
    ...HAIZHU_SUBDISTRICTS.map((u, i) => ({ regionCode: region, code: u.code, name: u.name, kind: 'subdistrict' as const, departmentCode: null, sort: 10 + i })),
  ]);

  // Pipeline.
  const pipeline = buildPipeline(r, year);
  const today = `${year + 1}-01-31`;
  const brandsUsed = new Set<string>();
  const projectRows = pipeline.map((p) => {
    const errors = validateStageDates(p.stage, p.dates, today);
    if (errors.length > 0) {
      throw new Error(`investment demo: ${p.code} ${errors[0]!.en}`);
    }
    const ind = r.weighted(INDUSTRIES);
    let brand = r.pick(BRANDS);
    for (let k = 0; brandsUsed.has(`${brand}${ind.word}`) && k < 20; k++) {
      brand = r.pick(BRANDS) + r.pick(BRANDS).slice(0, 1);
    }
    brandsUsed.add(`${brand}${ind.word}`);
    const city = r.weighted(CITIES).name;
    const investor = `${city}${brand}${ind.word}${city === '香港' ? '集团有限公司' : '有限公司'}`;
    return {
      regionCode: region,
      fiscalYear: p.fiscalYear,
      departmentCode: dept,
      code: p.code,
      name: `${brand}${ind.word}${r.pick(PROJECT_KINDS)}项目`,
      investor,
      industryCode: ind.code,
      industryName: ind.name,
      plannedInvestment: fenToYuanString(amountFen(r, p.isKey)),
      isKeyProject: p.isKey,
      responsibleUnitCode: p.unitCode,
      source: r.weighted(SOURCES).code,
      stage: p.stage,
      leadOn: p.dates.LEAD!,
      negotiatingOn: p.dates.NEGOTIATING,
      signedOn: p.dates.SIGNED,
      registeredOn: p.dates.REGISTERED,
      operatingOn: p.dates.OPERATING,
      note: '示例数据（illustrative）',
      illustrative: true,
      createdBy: 'demo',
      updatedBy: 'demo',
      createdAt: at(p.dates.LEAD!),
      updatedAt: at(p.dates[p.stage]!),
    };
  });
  const inserted: (typeof s.investmentProjects.$inferSelect)[] = [];
  for (let i = 0; i < projectRows.length; i += 200) {
    inserted.push(...(await tx.insert(s.investmentProjects).values(projectRows.slice(i, i + 200)).returning()));
  }
  const history: (typeof s.investmentStageChanges.$inferInsert)[] = [];
  for (const p of inserted) {
    let prev: PipelineStage | null = null;
    for (const stage of PIPELINE_STAGES) {
      const d = { LEAD: p.leadOn, NEGOTIATING: p.negotiatingOn, SIGNED: p.signedOn, REGISTERED: p.registeredOn, OPERATING: p.operatingOn }[stage];
      if (d === null) {
        break;
      }
      history.push({ regionCode: region, fiscalYear: yearOf(d), departmentCode: dept, projectId: p.id, kind: prev === null ? 'create' : 'forward', fromStage: prev, toStage: stage, reachedOn: d, reason: null, ...demoUser, changedAt: at(d) });
      prev = stage;
    }
  }
  for (let i = 0; i < history.length; i += 500) {
    await tx.insert(s.investmentStageChanges).values(history.slice(i, i + 500));
  }

  // Targets from the city and their split (加压: the units carry 110 %).
  const projectRecords: InvestmentProjectRecord[] = inserted.map((p) => ({
    id: p.id,
    isKeyProject: p.isKeyProject,
    plannedInvestmentFen: fen(p.plannedInvestment),
    responsibleUnitCode: p.responsibleUnitCode,
    dates: { LEAD: p.leadOn, NEGOTIATING: p.negotiatingOn, SIGNED: p.signedOn, REGISTERED: p.registeredOn, OPERATING: p.operatingOn },
  }));
  const signedWan = findMetric('investment.signedInvestmentWan')!.compute({ investmentProjects: projectRecords, enterpriseRequests: [], satisfactionSurveys: [], policyGrants: [] }, metricWindow(year), {}).value!;
  const signedWanWhole = Number(signedWan.split('.')[0]);
  const signedTargetFen = Math.floor((signedWanWhole * 9) / 10 / 10_000) * 10_000 * 1_000_000; // ≈ 90 %, in whole 亿元
  const units = [...DEPARTMENT_UNITS, ...HAIZHU_SUBDISTRICTS];
  const targets: { kind: string; target: number; stored: (n: number) => string; allocateTotal: number }[] = [
    { kind: 'negotiatedKeyProjects', target: 300, stored: (n) => fenToYuanString(n * 100), allocateTotal: 330 },
    { kind: 'registeredProjects', target: 150, stored: (n) => fenToYuanString(n * 100), allocateTotal: 165 },
    { kind: 'signedInvestment', target: signedTargetFen, stored: (n) => fenToYuanString(n), allocateTotal: (signedTargetFen / 10) * 11 },
  ];
  for (const t of targets) {
    const [row] = await tx
      .insert(s.investmentTargets)
      .values({ regionCode: region, fiscalYear: year, departmentCode: dept, kind: t.kind, targetValue: t.stored(t.target), documentNo: '穗投促〔2023〕5号（示例）', note: '市下达核心招商指标，分解至各部门、街道（示例）', illustrative: true, updatedBy: 'demo', updatedAt: at(`${year}-02-15`) })
      .returning({ id: s.investmentTargets.id });
    // Weights differ a little from where the projects fell, so some units lead and some lag.
    const lines = splitProportionally(t.allocateTotal, units.map((u) => ({ unitCode: u.code, weight: u.weight * 10 + r.int(-3, 3) })));
    await tx.insert(s.investmentAllocations).values(lines.map((l) => ({ regionCode: region, fiscalYear: year, departmentCode: dept, targetId: row!.id, unitCode: l.unitCode, value: t.stored(l.value) })));
  }

  // Enterprises: the 170 registered in the year, plus the district's other served enterprises.
  const registeredThisYear = inserted.filter((p) => p.registeredOn !== null && yearOf(p.registeredOn) === year);
  const usedCodes = new Set<string>();
  const freshCode = () => {
    let c = creditCode(r);
    while (usedCodes.has(c)) {
      c = creditCode(r);
    }
    usedCodes.add(c);
    return c;
  };
  const officer = () => `${r.pick(SURNAMES)}${r.pick(GIVEN)}`;
  const enterpriseRows: (typeof s.enterprises.$inferInsert)[] = [];
  for (const p of registeredThisYear) {
    const key = r.float() < 0.55;
    enterpriseRows.push({
      regionCode: region,
      fiscalYear: year,
      departmentCode: dept,
      name: p.investor.replace(/^(深圳|香港|上海|北京|杭州|佛山|东莞)/, '广州').replace('集团有限公司', '有限公司').replace('有限公司', '（海珠）有限公司'),
      creditCode: freshCode(),
      industryCode: p.industryCode,
      industryName: p.industryName,
      subdistrictCode: p.responsibleUnitCode.startsWith('JD-') ? p.responsibleUnitCode : r.weighted(HAIZHU_SUBDISTRICTS).code,
      isKeyEnterprise: key,
      serviceOfficer: key ? officer() : null,
      serviceOfficerUnit: key ? r.pick(['区投资促进局企业服务科', '区投资促进局投资促进一科', '区投资促进局投资促进二科']) : null,
      serviceOfficerSince: key ? p.registeredOn : null,
      investmentProjectId: p.id,
      illustrative: true,
    });
  }
  const names = new Set(enterpriseRows.map((e) => e.name));
  while (enterpriseRows.length < 720) {
    const ind = r.weighted(INDUSTRIES);
    const name = `广州${r.pick(BRANDS)}${r.pick(BRANDS)}${ind.word}有限公司`;
    if (names.has(name)) {
      continue;
    }
    names.add(name);
    const key = r.float() < 0.12;
    enterpriseRows.push({
      regionCode: region,
      fiscalYear: r.float() < 0.7 ? year - 1 : year,
      departmentCode: dept,
      name,
      creditCode: freshCode(),
      industryCode: ind.code,
      industryName: ind.name,
      subdistrictCode: r.weighted(HAIZHU_SUBDISTRICTS).code,
      isKeyEnterprise: key,
      serviceOfficer: key ? officer() : null,
      serviceOfficerUnit: key ? '区投资促进局企业服务科' : null,
      serviceOfficerSince: key ? r.workday(`${year - 1}-03-01`, `${year}-03-31`) : null,
      investmentProjectId: null,
      illustrative: true,
    });
  }
  const enterprises: (typeof s.enterprises.$inferSelect)[] = [];
  for (let i = 0; i < enterpriseRows.length; i += 300) {
    enterprises.push(...(await tx.insert(s.enterprises).values(enterpriseRows.slice(i, i + 300)).returning()));
  }
  const keyEnterprises = enterprises.filter((e) => e.isKeyEnterprise);

  // Requests, mostly from key enterprises.
  const requests = buildRequests(r, year);
  const requestRows = requests.map((q) => {
    const ent = r.float() < 0.6 ? r.pick(keyEnterprises) : r.pick(enterprises);
    const text = REQUEST_TEXT[q.category];
    return {
      regionCode: region,
      fiscalYear: yearOf(q.receivedOn),
      departmentCode: dept,
      enterpriseId: ent.id,
      category: q.category,
      summary: r.pick(text.summaries),
      receivedOn: q.receivedOn,
      dueOn: q.dueOn,
      closedOn: q.closedOn,
      status: q.status,
      closureNote: q.status === 'closed' ? r.pick(text.closures) : q.status === 'withdrawn' ? '企业撤回：需求已自行解决' : null,
      handledBy: ent.serviceOfficer ?? '区投资促进局企业服务科',
      illustrative: true,
      createdAt: at(q.receivedOn),
      updatedAt: at(q.closedOn ?? q.receivedOn),
    };
  });
  const insertedRequests: (typeof s.enterpriseRequests.$inferSelect)[] = [];
  for (let i = 0; i < requestRows.length; i += 300) {
    insertedRequests.push(...(await tx.insert(s.enterpriseRequests).values(requestRows.slice(i, i + 300)).returning()));
  }

  // Surveys: 250 follow-ups of requests closed by mid-December, 231 satisfied (92.40 %).
  const surveyable = r.shuffle(insertedRequests.filter((q) => q.status === 'closed' && q.closedOn !== null && yearOf(q.closedOn) === year && q.closedOn <= `${year}-12-15`)).slice(0, 250);
  const satisfiedFlags = r.shuffle([...new Array<boolean>(231).fill(true), ...new Array<boolean>(19).fill(false)]);
  const surveyRows = surveyable.map((q, i) => {
    const yes = satisfiedFlags[i]!;
    const scored = r.float() < 0.6;
    const surveyedOn = minDate(addWorkingDays(q.closedOn!, r.int(1, 5)), `${year}-12-29`);
    return {
      regionCode: region,
      fiscalYear: yearOf(surveyedOn),
      departmentCode: dept,
      requestId: q.id,
      surveyedOn,
      score: scored ? (yes ? r.pick([4, 5, 5]) : r.pick([1, 2, 3, 3])) : null,
      satisfied: scored ? null : yes,
      comment: yes ? null : r.pick(['办理周期偏长', '希望加强政策解读', '问题未完全解决']),
      illustrative: true,
    };
  });
  const insertedSurveys: (typeof s.satisfactionSurveys.$inferSelect)[] = [];
  for (let i = 0; i < surveyRows.length; i += 300) {
    insertedSurveys.push(...(await tx.insert(s.satisfactionSurveys).values(surveyRows.slice(i, i + 300)).returning()));
  }

  // Policy packages (paid from TZCJ-XM-002) and grants: 652 enterprises, 712 payments in 4 batches,
  // adding up to the project's 2023 execution, 354,001,100.00 元.
  const [budgetProject] = await tx
    .select({ id: s.projects.id })
    .from(s.projects)
    .where(and(eq(s.projects.departmentCode, dept), eq(s.projects.fiscalYear, year), eq(s.projects.code, 'TZCJ-XM-002')));
  const packages = await tx
    .insert(s.policyPackages)
    .values([
      ...PACKAGES.map((p) => ({ regionCode: region, fiscalYear: year, departmentCode: dept, code: p.code, name: p.name, description: p.description, projectId: budgetProject?.id ?? null, illustrative: true })),
      { regionCode: region, fiscalYear: year - 1, departmentCode: dept, code: 'HZ-2022-LYJJ', name: '楼宇经济扶持政策（2022年）', description: '上一年度政策兑现（示例）', projectId: null, illustrative: true },
    ])
    .returning();
  const beneficiaries = r.shuffle(enterprises).slice(0, 652);
  const payees = [...beneficiaries, ...r.shuffle(beneficiaries).slice(0, 60)];
  const amounts = splitProportionally(GRANTS_TOTAL_FEN, payees.map((_, i) => ({ unitCode: String(i), weight: r.int(20, 400) })));
  const grantRows: (typeof s.policyGrants.$inferInsert)[] = payees.map((e, i) => {
    const batch = (i % 4) + 1;
    const month = BATCH_MONTHS[batch - 1]!;
    const pkgCode = r.weighted(PACKAGES).code;
    const pkg = packages.find((p) => p.code === pkgCode)!;
    const grantedOn = r.workday(`${year}-${String(month).padStart(2, '0')}-05`, `${year}-${String(month).padStart(2, '0')}-25`);
    return { regionCode: region, fiscalYear: year, departmentCode: dept, packageId: pkg.id, enterpriseId: e.id, grantedOn, amount: fenToYuanString(amounts[i]!.value), batch, note: `第${batch}批兑现（示例）`, illustrative: true };
  });
  const lastYear = packages.find((p) => p.code === 'HZ-2022-LYJJ')!;
  for (const e of r.shuffle(enterprises).slice(0, 40)) {
    grantRows.push({ regionCode: region, fiscalYear: year - 1, departmentCode: dept, packageId: lastYear.id, enterpriseId: e.id, grantedOn: r.workday(`${year - 1}-11-01`, `${year - 1}-12-20`), amount: fenToYuanString(r.int(5, 80) * 1_000_000), batch: 1, note: '2022年兑现（示例）', illustrative: true });
  }
  const insertedGrants: (typeof s.policyGrants.$inferSelect)[] = [];
  for (let i = 0; i < grantRows.length; i += 300) {
    insertedGrants.push(...(await tx.insert(s.policyGrants).values(grantRows.slice(i, i + 300)).returning()));
  }

  // The figures the demo promises, checked with the same metric definitions the system uses.
  const records: MetricRecords = {
    investmentProjects: projectRecords,
    enterpriseRequests: insertedRequests.map((q): EnterpriseRequestRecord => ({ id: q.id, category: q.category as RequestCategory, receivedOn: q.receivedOn, dueOn: q.dueOn, closedOn: q.closedOn, status: q.status })),
    satisfactionSurveys: insertedSurveys.map((v): SatisfactionSurveyRecord => ({ id: v.id, requestId: v.requestId, surveyedOn: v.surveyedOn, score: v.score, satisfied: v.satisfied })),
    policyGrants: insertedGrants.map((g): PolicyGrantRecord => ({ id: g.id, enterpriseId: g.enterpriseId, packageId: g.packageId, grantedOn: g.grantedOn, amountFen: fen(g.amount) })),
  };
  for (const [key, expected] of Object.entries(INVESTMENT_DEMO_EXPECTED)) {
    if (expected === null) {
      continue;
    }
    const got = findMetric(key)!.compute(records, metricWindow(year), {}).value;
    if (got !== expected) {
      throw new Error(`investment demo: ${key} came out ${got}, expected ${expected}`);
    }
  }
}
