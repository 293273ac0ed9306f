// Demo business data of 广州市海珠区投资促进局 for 2023 (illustrative, deterministic PRNG): the district's
// responsible units (4 departments + the 18 街道), the project pipeline — exactly 336 key projects
// reaching 洽谈 in 2023, 170 of them reaching 注册落地 in 2023, plus lead-stage, non-key and 2022 projects —
// the city's targets and their split, key enterprises with chief service officers, enterprise requests
// and surveys, and the policy grants paid from TZCJ-XM-002. The department's metric-bound indicators then
// read 336, 170, 93.50 %, 8.60 working days, 92.40 % and 652 from these records, not from typed numbers.
// Investors, enterprises and people are invented (illustrative = true); unit names are real.
import {
  addWorkingDays,
  findMetric,
  metricWindow,
  minDate,
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
  type RequestCategory,
  type SatisfactionSurveyRecord,
} from '@jixiao/core/investment/index';
import {
  fenToYuanString,
  parseYuan,
} from '@jixiao/core';
import {
  and,
  eq,
} from 'drizzle-orm';
import type {
  Tx,
} from '../db/open-db.ts';
import * as s from '../db/schema/index.ts';
import type {
  DemoData,
} from './demo-data.ts';
import {
  Rand,
} from './demo-random.ts';
import {
  amountFen,
  buildPipeline,
  buildRequests,
} from './investment-demo-build.ts';
import {
  BRANDS,
  CITIES,
  INDUSTRIES,
  PROJECT_KINDS,
  SOURCES,
  SURNAMES,
  GIVEN,
  REQUEST_TEXT,
  PACKAGES,
  GRANTS_TOTAL_FEN,
  BATCH_MONTHS,
  creditCode,
} from './investment-demo-names.ts';
import {
  DEPARTMENT_UNITS,
  HAIZHU_SUBDISTRICTS,
} from './investment-demo-units.ts';


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


function fen(yuan: string): number {
  const f = parseYuan(yuan);
  if (f === null) {
    throw new Error(`investment demo: bad amount ${yuan}`);
  }
  return f;
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

