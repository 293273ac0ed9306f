// The investment demo's project pipeline and enterprise requests, drawn from the PRNG to the 2023 figures.
import {
  addDays,
  addWorkingDays,
  NO_STAGE_DATES,
  yearOf,
  type PipelineStage,
  type RequestCategory,
  type StageDates,
} from '@jixiao/core/investment/index';
import {
  Rand,
} from './demo-random.ts';
import {
  DEPARTMENT_UNITS,
  HAIZHU_SUBDISTRICTS,
} from './investment-demo-units.ts';
import {
  REQUEST_TEXT,
  fitSum,
} from './investment-demo-names.ts';

// ---- the pipeline ----

export interface DemoProject {
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

export function amountFen(r: Rand, isKey: boolean): number {
  // Key projects 5,000–300,000 万元 (skewed small), others 200–5,000 万元; whole 万元 with 2 decimals.
  const wan = isKey ? Math.round(5000 * Math.pow(60, r.float() * r.float())) : r.int(200, 5000);
  const cents = r.int(0, 99);
  return wan * 1_000_000 + cents * 10_000;
}

// ---- enterprise requests ----

export interface DemoRequest {
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

