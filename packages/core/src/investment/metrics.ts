// Live metrics: the ONE definition of each business figure an indicator may take its actual value
// from (key, Chinese name, unit, meaning, and the computation over plain records). The server loads
// the records; the UI, the CLI, the scoring input and the target decomposition all call these.
//
// Every metric is measured over a window: 1 January of the year up to the as-of date (at most
// 31 December). A stage "reached in the year" means its reached date lies in that window.
import { d, divExact, percentOf, toFixed2 } from '../decimal.ts';
import { fenToWanString, formatWan, parseWanYuan } from '../money.ts';
import { err, ok, type Bilingual, type Result } from '../result.ts';
import { isIsoDate } from './iso-date.ts';
import type { PipelineStage, StageDates } from './pipeline-stages.ts';
import { REQUEST_CATEGORIES, type RequestCategory, type RequestStatus } from './vocabulary.ts';
import {
  calendarCovers,
  CN_WORKDAY_CALENDAR,
  workingDaysBetween,
  type WorkdayCalendar,
} from './workdays.ts';

export const METRIC_KEYS = [
  'investment.negotiatedKeyProjects',
  'investment.registeredProjects',
  'investment.signedInvestmentWan',
  'services.requestsClosedOnTimeRate',
  'services.meanDaysToClose',
  'services.medianDaysToClose',
  'services.satisfiedShare',
  'services.policyBeneficiaries',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export function isMetricKey(x: unknown): x is MetricKey {
  return typeof x === 'string' && (METRIC_KEYS as readonly string[]).includes(x);
}

// ---- the records a metric is computed over (plain values, as the server loads them) ----

export interface InvestmentProjectRecord {
  id: string;
  isKeyProject: boolean;
  /** 计划（协议）投资额 in 分. */
  plannedInvestmentFen: number;
  responsibleUnitCode: string | null;
  dates: StageDates;
}

export interface EnterpriseRequestRecord {
  id: string;
  category: RequestCategory;
  receivedOn: string;
  dueOn: string;
  closedOn: string | null;
  status: RequestStatus;
}

export interface SatisfactionSurveyRecord {
  id: string;
  requestId: string;
  surveyedOn: string;
  /** 1–5 (5 = 非常满意); 4 and 5 count as satisfied. */
  score: number | null;
  /** A yes/no survey; when given it decides. */
  satisfied: boolean | null;
}

export interface PolicyGrantRecord {
  id: string;
  enterpriseId: string;
  packageId: string;
  grantedOn: string;
  amountFen: number;
}

export interface MetricRecords {
  investmentProjects: readonly InvestmentProjectRecord[];
  enterpriseRequests: readonly EnterpriseRequestRecord[];
  satisfactionSurveys: readonly SatisfactionSurveyRecord[];
  policyGrants: readonly PolicyGrantRecord[];
}

export type MetricSource = keyof MetricRecords;

export const EMPTY_METRIC_RECORDS: MetricRecords = {
  investmentProjects: [],
  enterpriseRequests: [],
  satisfactionSurveys: [],
  policyGrants: [],
};

// ---- window and params ----

export interface MetricWindow {
  year: number;
  /** First day counted: YYYY-01-01. */
  from: string;
  /** Last day counted: the as-of date, at most YYYY-12-31 (before `from` = an empty window). */
  to: string;
}

/** The window of `year` as of `asOf` (default: the whole year). */
export function metricWindow(year: number, asOf?: string | null): MetricWindow {
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  const to = asOf && asOf < end ? asOf : end;
  return { year, from, to };
}

export function inWindow(date: string | null, w: MetricWindow): boolean {
  return date !== null && date >= w.from && date <= w.to;
}

export interface MetricParams {
  /** Pipeline metrics: count key projects (重点项目) only. */
  keyOnly?: boolean;
  /** Request metrics: one category only. */
  category?: RequestCategory;
  /** The as-of date bound with the indicator (the caller's as-of date wins). */
  asOf?: string;
}

type ParamName = 'keyOnly' | 'category';

// ---- results ----

export type MetricRecordKind =
  'investmentProject' | 'enterpriseRequest' | 'satisfactionSurvey' | 'enterprise';

export interface MetricValue {
  /** Decimal string ("336", "93.50", "8.60", "12345.67"); null when there is nothing to measure (a rate over no records). */
  value: string | null;
  recordKind: MetricRecordKind;
  /** The records behind the value (for counts: exactly the records counted). */
  recordIds: string[];
  /** For rates and means: what was divided by what. */
  numerator?: string;
  denominator?: string;
  note?: Bilingual;
}

export interface MetricDefinition {
  key: MetricKey;
  name: Bilingual;
  unit: Bilingual;
  description: Bilingual;
  source: MetricSource;
  params: readonly ParamName[];
  /** 'count' values are whole numbers; 'money' values are 万元; 'decimal' values have 2 decimals. */
  kind: 'count' | 'money' | 'decimal';
  compute(
    records: MetricRecords,
    window: MetricWindow,
    params: MetricParams,
    calendar?: WorkdayCalendar,
  ): MetricValue;
}

// ---- pipeline metrics ----

export type PipelineMetricKey =
  | 'investment.negotiatedKeyProjects'
  | 'investment.registeredProjects'
  | 'investment.signedInvestmentWan';

export interface PipelineRule {
  stage: PipelineStage;
  /** Key projects only, whatever the params say. */
  alwaysKeyOnly: boolean;
  measure: 'count' | 'plannedInvestment';
}

export const PIPELINE_RULES: Readonly<Record<PipelineMetricKey, PipelineRule>> = {
  'investment.negotiatedKeyProjects': {
    stage: 'NEGOTIATING',
    alwaysKeyOnly: true,
    measure: 'count',
  },
  'investment.registeredProjects': { stage: 'REGISTERED', alwaysKeyOnly: false, measure: 'count' },
  'investment.signedInvestmentWan': {
    stage: 'SIGNED',
    alwaysKeyOnly: false,
    measure: 'plannedInvestment',
  },
};

/** The projects a pipeline metric counts, with the date each reached the stage and what it adds (1, or 分). */
export function pipelineMatches(
  key: PipelineMetricKey,
  projects: readonly InvestmentProjectRecord[],
  window: MetricWindow,
  params: MetricParams = {},
): { project: InvestmentProjectRecord; date: string; amount: number }[] {
  const rule = PIPELINE_RULES[key];
  const keyOnly = rule.alwaysKeyOnly || params.keyOnly === true;
  const out: { project: InvestmentProjectRecord; date: string; amount: number }[] = [];
  for (const p of projects) {
    const date = p.dates[rule.stage];
    if (date === null || !inWindow(date, window) || (keyOnly && !p.isKeyProject)) {
      continue;
    }
    out.push({ project: p, date, amount: rule.measure === 'count' ? 1 : p.plannedInvestmentFen });
  }
  return out;
}

function countProjects(key: PipelineMetricKey) {
  return (records: MetricRecords, window: MetricWindow, params: MetricParams): MetricValue => {
    const ids = pipelineMatches(key, records.investmentProjects, window, params).map(
      (m) => m.project.id,
    );
    return { value: String(ids.length), recordKind: 'investmentProject', recordIds: ids };
  };
}

// ---- enterprise-service metrics ----

function requestsOf(records: MetricRecords, params: MetricParams): EnterpriseRequestRecord[] {
  return records.enterpriseRequests.filter(
    (r) =>
      r.status !== 'withdrawn' && (params.category === undefined || r.category === params.category),
  );
}

/** Requests closed within the window, with their working days from receipt to closure. */
export function closedRequestDurations(
  records: MetricRecords,
  window: MetricWindow,
  params: MetricParams = {},
  calendar: WorkdayCalendar = CN_WORKDAY_CALENDAR,
): { request: EnterpriseRequestRecord; workingDays: number }[] {
  return requestsOf(records, params)
    .filter((r) => r.status === 'closed' && inWindow(r.closedOn, window))
    .map((r) => ({
      request: r,
      workingDays: workingDaysBetween(r.receivedOn, r.closedOn!, calendar),
    }));
}

function calendarNote(
  rows: readonly { request: EnterpriseRequestRecord }[],
  calendar: WorkdayCalendar,
): Bilingual | undefined {
  const uncovered = rows.some(
    (r) =>
      !calendarCovers(r.request.receivedOn, r.request.closedOn ?? r.request.receivedOn, calendar),
  );
  return uncovered
    ? {
        zh: '部分年份缺少国务院节假日安排，按周一至周五计算工作日',
        en: 'Some years lack the official holiday notice: working days counted Monday–Friday',
      }
    : undefined;
}

function withNote(v: MetricValue, note: Bilingual | undefined): MetricValue {
  return note ? { ...v, note } : v;
}

function percentValue(part: number, whole: number): string | null {
  const p = percentOf(d(part), d(whole));
  return p === null ? null : toFixed2(p);
}

/** Median of whole numbers as a 2-decimal string (mean of the two middle values for an even count). */
export function medianOf(values: readonly number[]): string | null {
  if (values.length === 0) {
    return null;
  }
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? toFixed2(d(s[mid]!))
    : toFixed2(
        d(s[mid - 1]!)
          .plus(s[mid]!)
          .div(2),
      );
}

export function isSatisfied(s: SatisfactionSurveyRecord): boolean {
  return s.satisfied !== null ? s.satisfied : s.score !== null && s.score >= 4;
}

// ---- the catalogue ----

export const METRICS: readonly MetricDefinition[] = [
  {
    key: 'investment.negotiatedKeyProjects',
    name: { zh: '新洽谈重点招商项目数', en: 'New key projects negotiated' },
    unit: { zh: '个', en: 'projects' },
    description: {
      zh: '统计期内（当年1月1日至截止日期）进入「洽谈」阶段的重点招商项目数，按洽谈日期计；其后已签约、落地的项目同样计入。',
      en: 'Key projects whose negotiation began in the window (by negotiation date), including those that went on to sign or register.',
    },
    source: 'investmentProjects',
    params: [],
    kind: 'count',
    compute: countProjects('investment.negotiatedKeyProjects'),
  },
  {
    key: 'investment.registeredProjects',
    name: { zh: '注册落地项目数', en: 'Projects registered' },
    unit: { zh: '个', en: 'projects' },
    description: {
      zh: '统计期内达到「注册落地」阶段的招商项目数，按注册落地日期计；参数 keyOnly=true 时只计重点项目。',
      en: 'Projects registered in the district in the window (by registration date); keyOnly=true counts key projects only.',
    },
    source: 'investmentProjects',
    params: ['keyOnly'],
    kind: 'count',
    compute: countProjects('investment.registeredProjects'),
  },
  {
    key: 'investment.signedInvestmentWan',
    name: { zh: '签约项目计划投资额', en: 'Investment signed' },
    unit: { zh: '万元', en: '10k yuan' },
    description: {
      zh: '统计期内签约的招商项目计划（协议）投资额合计，单位万元，精确到分；参数 keyOnly=true 时只计重点项目。',
      en: 'Planned (contracted) investment of the projects signed in the window, in 10k yuan, exact to the fen.',
    },
    source: 'investmentProjects',
    params: ['keyOnly'],
    kind: 'money',
    compute(records, window, params) {
      const m = pipelineMatches(
        'investment.signedInvestmentWan',
        records.investmentProjects,
        window,
        params,
      );
      const fen = m.reduce((t, x) => t + x.amount, 0);
      return {
        value: fenToWanString(fen),
        recordKind: 'investmentProject',
        recordIds: m.map((x) => x.project.id),
      };
    },
  },
  {
    key: 'services.requestsClosedOnTimeRate',
    name: { zh: '企业诉求按期办结率', en: 'Requests closed on time' },
    unit: { zh: '%', en: '%' },
    description: {
      zh: '办理期限在统计期内届满的企业诉求（不含撤回）中，在期限当日或之前办结的比例；逾期未办结的计为未按期。按期办结数 ÷ 应办结数 × 100，保留两位小数。',
      en: 'Of the requests (not withdrawn) due in the window, the share closed on or before the due date; open overdue requests count as late.',
    },
    source: 'enterpriseRequests',
    params: ['category'],
    kind: 'decimal',
    compute(records, window, params) {
      const due = requestsOf(records, params).filter((r) => inWindow(r.dueOn, window));
      const onTime = due.filter(
        (r) => r.status === 'closed' && r.closedOn !== null && r.closedOn <= r.dueOn,
      );
      return {
        value: percentValue(onTime.length, due.length),
        recordKind: 'enterpriseRequest',
        recordIds: due.map((r) => r.id),
        numerator: String(onTime.length),
        denominator: String(due.length),
      };
    },
  },
  {
    key: 'services.meanDaysToClose',
    name: { zh: '企业诉求平均办结时长', en: 'Mean working days to close a request' },
    unit: { zh: '个工作日', en: 'working days' },
    description: {
      zh: '统计期内办结的企业诉求，从受理到办结所用工作日（按国务院节假日安排，不含受理当日）的算术平均数，保留两位小数。',
      en: 'Mean working days from receipt to closure of the requests closed in the window (national holiday calendar; the day of receipt not counted).',
    },
    source: 'enterpriseRequests',
    params: ['category'],
    kind: 'decimal',
    compute(records, window, params, calendar = CN_WORKDAY_CALENDAR) {
      const rows = closedRequestDurations(records, window, params, calendar);
      const sum = rows.reduce((t, r) => t + r.workingDays, 0);
      const value = rows.length === 0 ? null : toFixed2(divExact(d(sum), d(rows.length)));
      return withNote(
        {
          value,
          recordKind: 'enterpriseRequest',
          recordIds: rows.map((r) => r.request.id),
          numerator: String(sum),
          denominator: String(rows.length),
        },
        calendarNote(rows, calendar),
      );
    },
  },
  {
    key: 'services.medianDaysToClose',
    name: { zh: '企业诉求办结时长中位数', en: 'Median working days to close a request' },
    unit: { zh: '个工作日', en: 'working days' },
    description: {
      zh: '统计期内办结的企业诉求，从受理到办结所用工作日的中位数（偶数条时取中间两条的平均），保留两位小数。',
      en: 'Median working days from receipt to closure of the requests closed in the window.',
    },
    source: 'enterpriseRequests',
    params: ['category'],
    kind: 'decimal',
    compute(records, window, params, calendar = CN_WORKDAY_CALENDAR) {
      const rows = closedRequestDurations(records, window, params, calendar);
      return withNote(
        {
          value: medianOf(rows.map((r) => r.workingDays)),
          recordKind: 'enterpriseRequest',
          recordIds: rows.map((r) => r.request.id),
          denominator: String(rows.length),
        },
        calendarNote(rows, calendar),
      );
    },
  },
  {
    key: 'services.satisfiedShare',
    name: { zh: '企业满意度', en: 'Enterprises satisfied' },
    unit: { zh: '%', en: '%' },
    description: {
      zh: '统计期内诉求办结后满意度回访中，回答「满意」（或评分 4–5 分）的比例，满意数 ÷ 回访数 × 100，保留两位小数。',
      en: 'Share of the follow-up surveys in the window answering satisfied (or scoring 4–5 of 5).',
    },
    source: 'satisfactionSurveys',
    params: [],
    kind: 'decimal',
    compute(records, window) {
      const surveys = records.satisfactionSurveys.filter((s) => inWindow(s.surveyedOn, window));
      const yes = surveys.filter(isSatisfied).length;
      return {
        value: percentValue(yes, surveys.length),
        recordKind: 'satisfactionSurvey',
        recordIds: surveys.map((s) => s.id),
        numerator: String(yes),
        denominator: String(surveys.length),
      };
    },
  },
  {
    key: 'services.policyBeneficiaries',
    name: { zh: '政策兑现企业数', en: 'Enterprises that received policy support' },
    unit: { zh: '家', en: 'enterprises' },
    description: {
      zh: '统计期内获得惠企政策包资金兑现的企业数（同一企业多次兑现只计一次）。',
      en: 'Distinct enterprises paid under a policy package in the window (an enterprise paid twice counts once).',
    },
    source: 'policyGrants',
    params: [],
    kind: 'count',
    compute(records, window) {
      const ids = [
        ...new Set(
          records.policyGrants
            .filter((g) => g.amountFen > 0 && inWindow(g.grantedOn, window))
            .map((g) => g.enterpriseId),
        ),
      ];
      return { value: String(ids.length), recordKind: 'enterprise', recordIds: ids };
    },
  },
];

const BY_KEY = new Map(METRICS.map((m) => [m.key, m]));

export function findMetric(key: string): MetricDefinition | undefined {
  return BY_KEY.get(key as MetricKey);
}

/** Checks an indicator's metric_params against what the metric understands. */
export function parseMetricParams(
  def: MetricDefinition,
  raw: unknown,
): Result<MetricParams, Bilingual> {
  if (raw === null || raw === undefined) {
    return ok({});
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return err({ zh: '指标取数参数必须是对象', en: 'Metric params must be an object' });
  }
  const out: { keyOnly?: boolean; category?: RequestCategory; asOf?: string } = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (k === 'asOf') {
      if (typeof v !== 'string' || !isIsoDate(v)) {
        return err({
          zh: '截止日期 asOf 须为 YYYY-MM-DD 格式的有效日期',
          en: 'asOf must be a valid date (YYYY-MM-DD)',
        });
      }
      out.asOf = v;
    } else if (k === 'keyOnly' && def.params.includes('keyOnly')) {
      if (typeof v !== 'boolean') {
        return err({ zh: '参数 keyOnly 须为 true 或 false', en: 'keyOnly must be true or false' });
      }
      out.keyOnly = v;
    } else if (k === 'category' && def.params.includes('category')) {
      if (typeof v !== 'string' || !(REQUEST_CATEGORIES as readonly string[]).includes(v)) {
        return err({
          zh: `参数 category 须为 ${REQUEST_CATEGORIES.join('、')} 之一`,
          en: `category must be one of ${REQUEST_CATEGORIES.join(', ')}`,
        });
      }
      out.category = v as RequestCategory;
    } else {
      return err({
        zh: `指标「${def.name.zh}」不支持参数「${k}」`,
        en: `Metric ${def.key} has no parameter "${k}"`,
      });
    }
  }
  return ok(out);
}

/** A metric value for people: "336 个", "93.50%", "8.60 个工作日", "12,345.67 万元"; "—" when null. */
export function formatMetricValue(def: MetricDefinition, value: string | null): string {
  if (value === null) {
    return '—';
  }
  if (def.kind === 'money') {
    const fen = parseWanYuan(value);
    return fen === null ? value : `${formatWan(fen)} 万元`;
  }
  return def.unit.zh === '%' ? `${value}%` : `${value} ${def.unit.zh}`;
}
