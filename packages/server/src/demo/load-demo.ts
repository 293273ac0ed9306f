// Loads the haizhu-2023 demo (demo/haizhu-2023/*.json, ledger.csv) in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { d, parseWanYuan, fenToYuanString, type Fen } from '@jixiao/core';
import type { Db, Tx } from '../db/open-db.ts';
import * as s from '../db/schema/index.ts';
import type { Operator } from '../db/schema/goals.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit-log.ts';
import { loadExAnteDemo } from './exante-demo.ts';
import { parseLedgerCsvText } from './parse-demo-ledger.ts';
import type { DemoGoal, DemoOrganization, DemoPlan, DemoNarrative, DemoOtherDepartment, DemoData } from './demo-data.ts';
import { loadInvestmentDemo } from './investment-demo.ts';
import { loadDemoAccounts } from './demo-accounts.ts';
import { ensureIndicatorLibrary } from '../features/indicator-library/indicator-library.service.ts';
import { ensureRegion } from '../features/organisation/organisation.service.ts';
import { upsertAgencies } from '../features/organisation/agencies-import.service.ts';
import type { AgencyRow } from '../features/organisation/agencies-file.ts';

export const DEMO_NAME = 'haizhu-2023';
export type { DemoData } from './demo-data.ts';

export const demoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../demo', DEMO_NAME);


const OPERATORS: Record<string, Operator> = { '≥': 'GE', '＞': 'GT', '＝': 'EQ', '＜': 'LT', '≤': 'LE', 定性: 'QUAL' };

export function readDemoData(dir = demoDir): DemoData {
  const json = <T>(f: string): T => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as T;
  return {
    organization: json<DemoOrganization>('organization.json'),
    plan: json<DemoPlan>('plan.json'),
    narrative: json<DemoNarrative>('narrative.json'),
    ledgerCsv: fs.readFileSync(path.join(dir, 'ledger.csv'), 'utf8'),
    otherDepartments: json<{ departments: DemoOtherDepartment[] }>('other-departments.json').departments,
  };
}

function wanToYuanString(wan: string): string {
  const f = parseWanYuan(wan);
  if (f === null) {
    throw new Error(`demo: bad 万元 amount ${wan}`);
  }
  return fenToYuanString(f);
}

/** A demo department as a checked 单位名录 row (its 内设机构 and 下属事业单位 kept with their kinds). */
function agencyRow(
  d: { code: string; name: string; shortName: string; functions: string[]; units: { name: string; kind: string }[]; staffing: { authorizedStaff: number; activeStaff: number; retiredStaff: number } },
  illustrative: boolean,
): AgencyRow {
  return {
    row: 0,
    code: d.code,
    name: d.name,
    shortName: d.shortName,
    parentCode: null,
    agencyType: null,
    functions: d.functions,
    offices: d.units.map((u) => u.name),
    officeKinds: Object.fromEntries(d.units.map((u) => [u.name, u.kind])),
    staffing: { authorizedStaff: d.staffing.authorizedStaff, activeStaff: d.staffing.activeStaff, retiredStaff: d.staffing.retiredStaff },
    illustrative,
  };
}

/** True when the demo department already exists. */
export async function isDemoLoaded(db: Db): Promise<boolean> {
  const rows = await db.select({ code: s.departments.code }).from(s.departments).where(eq(s.departments.code, '440105-TZCJ'));
  return rows.length > 0;
}


/** Loads the demo into an empty database, in one transaction. */
export async function loadDemo(db: Db, data: DemoData = readDemoData()): Promise<void> {
  const { organization: org, plan, narrative } = data;
  const region = org.department.regionCode;
  const year = org.fiscalYear.year;
  const dept = org.department.code;
  await db.transaction(async (tx) => {
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'demo.load',
      entity: 'demo',
      entityId: DEMO_NAME,
      departmentCode: null,
      before: null,
      after: { regions: org.regions.map((r) => r.code), department: dept, year },
    });
    // The organisation goes in the way a real district's does: region create, then the 单位名录 rows.
    for (const r of org.regions) {
      await ensureRegion(tx, { code: r.code, name: r.name, financeBureau: r.code === region ? org.financeBureau : null });
    }
    const regionName = org.regions.find((r) => r.code === region)?.name ?? region;
    await upsertAgencies(tx, { code: region, name: regionName }, [
      agencyRow({ code: dept, name: org.department.name, shortName: org.department.shortName, functions: org.department.functions, units: org.units, staffing: org.staffing }, org.department.functionsIllustrative),
      ...data.otherDepartments.map((o) => agencyRow(o, true)),
    ], year);
    await tx.insert(s.fiscalYears).values({
      regionCode: region,
      year,
      scoringPreset: org.fiscalYear.scoringPreset,
      basisNotice: org.fiscalYear.basisNotice,
      financeApprovalRequired: org.fiscalYear.financeApprovalRequired,
    });

    const lockedAt = new Date(`${year - 1}-12-28T08:00:00Z`);
    const insertGoal = async (goal: DemoGoal, projectId: string | null, deptCode: string = dept): Promise<void> => {
      const [g] = await tx
        .insert(s.goals)
        .values({ regionCode: region, fiscalYear: year, departmentCode: deptCode, projectId, targetText: goal.target, actualText: goal.actual, status: 'locked', lockedAt, illustrative: goal.illustrative ?? false })
        .returning({ id: s.goals.id });
      let sort = 0;
      for (const ind of goal.indicators) {
        const operator = OPERATORS[ind.operator];
        if (!operator) {
          throw new Error(`demo: unknown operator ${ind.operator}`);
        }
        const [row] = await tx
          .insert(s.indicators)
          .values({
            regionCode: region,
            fiscalYear: year,
            departmentCode: deptCode,
            goalId: g!.id,
            level1: ind.level1,
            level2: ind.level2,
            name: ind.name,
            operator,
            target: ind.target,
            unit: ind.unit,
            weight: d(ind.weight).toFixed(2),
            targetBasis: ind.targetBasis ?? null,
            dataSource: ind.dataSource ?? null,
            sort: sort++,
            actual: ind.actual ?? null,
            actualEnteredAt: ind.actual ? new Date(`${year + 1}-01-15T08:00:00Z`) : null,
            evidence: ind.evidence ?? null,
            deviationNote: ind.deviationNote ?? null,
            qualScore: ind.qualScore ?? null,
            metricKey: ind.metric?.key ?? null,
            metricParams: ind.metric?.params ?? null,
            illustrative: ind.illustrative ?? false,
          })
          .returning({ id: s.indicators.id });
        for (const [month, value] of Object.entries(ind.progress ?? {})) {
          await tx.insert(s.indicatorProgress).values({ regionCode: region, fiscalYear: year, departmentCode: deptCode, indicatorId: row!.id, month: Number(month), value });
        }
      }
    };

    await insertGoal(plan.departmentGoal, null);
    for (const p of plan.projects) {
      const [proj] = await tx
        .insert(s.projects)
        .values({ regionCode: region, fiscalYear: year, departmentCode: dept, code: p.code, name: p.name, level: 1, fundSource: p.fundSource, expenditureType: p.expenditureType, implementingUnit: p.implementingUnit, illustrative: p.illustrative })
        .returning({ id: s.projects.id });
      await tx.insert(s.budgetLines).values(
        p.budget.map((b) => ({
          regionCode: region,
          fiscalYear: year,
          departmentCode: dept,
          projectId: proj!.id,
          kind: b.kind,
          amount: wanToYuanString(b.amountWan),
          effectiveDate: b.date,
          documentNo: b.documentNo ?? null,
          reason: b.reason ?? null,
        })),
      );
      if (p.goal) {
        await insertGoal(p.goal, proj!.id);
      }
    }

    await tx.insert(s.reportNarratives).values({
      regionCode: region,
      fiscalYear: year,
      departmentCode: dept,
      keyTasks: narrative.keyTasks,
      achievements: narrative.achievements,
      problems: narrative.problems,
      managementPractice: narrative.managementPractice,
      income: narrative.income.map((i) => ({ label: i.label, amountYuan: wanToYuanString(i.amountWan) })),
    });

    const ledger = parseLedgerCsvText(data.ledgerCsv);
    const [batch] = await tx
      .insert(s.importBatches)
      .values({
        regionCode: region,
        fiscalYear: year,
        departmentCode: dept,
        kind: 'ledger',
        fileName: 'demo/haizhu-2023/ledger.csv',
        sha256: 'demo',
        months: [...new Set(ledger.map((r) => r.month))].sort((a, b) => a - b),
        rowCount: ledger.length,
        totalAmount: fenToYuanString(ledger.reduce((t, r) => t + r.amountFen, 0) as Fen),
      })
      .returning({ id: s.importBatches.id });
    for (let i = 0; i < ledger.length; i += 500) {
      await tx.insert(s.ledgerEntries).values(
        ledger.slice(i, i + 500).map((r) => ({
          regionCode: region,
          fiscalYear: year,
          departmentCode: dept,
          projectCode: r.projectCode,
          payDate: r.payDate,
          month: r.month,
          economicClass: r.economicClass,
          amount: fenToYuanString(r.amountFen),
          summary: r.summary,
          voucherNo: r.voucherNo,
          importBatchId: batch!.id,
        })),
      );
    }
    for (const other of data.otherDepartments) {
      await insertOtherDepartment(tx, other, region, year, insertGoal);
    }
    await loadInvestmentDemo(tx, data);
    await ensureIndicatorLibrary(tx);
    await loadDemoAccounts(tx, data);
    await loadExAnteDemo(tx, demoDir, region, dept);
  });
}

async function insertOtherDepartment(
  tx: Tx,
  o: DemoOtherDepartment,
  region: string,
  year: number,
  insertGoal: (goal: DemoGoal, projectId: string | null, deptCode: string) => Promise<void>,
): Promise<void> {
  await insertGoal({ ...o.departmentGoal, illustrative: true, indicators: o.departmentGoal.indicators.map((i) => ({ ...i, illustrative: true })) }, null, o.code);
  for (const p of o.projects) {
    const [proj] = await tx
      .insert(s.projects)
      .values({ regionCode: region, fiscalYear: year, departmentCode: o.code, code: p.code, name: p.name, level: 1, fundSource: 'general', expenditureType: p.expenditureType, implementingUnit: o.name, illustrative: true })
      .returning({ id: s.projects.id });
    await tx.insert(s.budgetLines).values(
      p.budget.map((b) => ({ regionCode: region, fiscalYear: year, departmentCode: o.code, projectId: proj!.id, kind: b.kind, amount: wanToYuanString(b.amountWan), effectiveDate: `${year}-01-10` })),
    );
    if (p.goal) {
      await insertGoal({ ...p.goal, illustrative: true, indicators: p.goal.indicators.map((i) => ({ ...i, illustrative: true })) }, proj!.id, o.code);
    }
    const rows = p.executedByMonthWan
      .map((wan, i) => ({ wan, month: i + 1 }))
      .filter((r) => r.wan !== '0.00')
      .map((r) => ({
        regionCode: region,
        fiscalYear: year,
        departmentCode: o.code,
        projectCode: p.code,
        payDate: `${year}-${String(r.month).padStart(2, '0')}-25`,
        month: r.month,
        economicClass: p.economicClass,
        amount: wanToYuanString(r.wan),
        summary: `${p.name}${r.month}月支出`,
        voucherNo: `${o.code.slice(7)}-${year}-${String(r.month).padStart(2, '0')}`,
      }));
    if (rows.length > 0) {
      await tx.insert(s.ledgerEntries).values(rows);
    }
  }
}
