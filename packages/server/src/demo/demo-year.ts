// One year of the demo department: fiscal year, goals with their indicator trees (locked before the year),
// projects and budget lines, the report narrative and the expenditure ledger. 2023 (plan.json, ledger.csv) and
// 2024 (year-2024.json, ledger-2024.csv) both go in through here.
import { d, fenToYuanString, parseWanYuan, type Fen } from '@jixiao/core';
import type { Tx } from '../db/open-db.ts';
import * as s from '../db/schema/index.ts';
import type { Operator } from '../db/schema/goals.ts';
import type { DemoGoal, DemoNarrative, DemoPlan } from './demo-data.ts';
import { parseLedgerCsvText } from './parse-demo-ledger.ts';

const OPERATORS: Record<string, Operator> = { '≥': 'GE', '＞': 'GT', '＝': 'EQ', '＜': 'LT', '≤': 'LE', 定性: 'QUAL' };

export function wanToYuanString(wan: string): string {
  const f = parseWanYuan(wan);
  if (f === null) {
    throw new Error(`demo: bad 万元 amount ${wan}`);
  }
  return fenToYuanString(f);
}

export interface DemoYearScope {
  region: string;
  year: number;
}

function indicatorRow(scope: DemoYearScope, deptCode: string, goalId: string, ind: DemoGoal['indicators'][number], sort: number) {
  const operator = OPERATORS[ind.operator];
  if (!operator) {
    throw new Error(`demo: unknown operator ${ind.operator}`);
  }
  return {
    regionCode: scope.region,
    fiscalYear: scope.year,
    departmentCode: deptCode,
    goalId,
    level1: ind.level1,
    level2: ind.level2,
    name: ind.name,
    operator,
    target: ind.target,
    unit: ind.unit,
    weight: d(ind.weight).toFixed(2),
    targetBasis: ind.targetBasis ?? null,
    dataSource: ind.dataSource ?? null,
    sort,
    actual: ind.actual ?? null,
    actualEnteredAt: ind.actual ? new Date(`${scope.year + 1}-01-15T08:00:00Z`) : null,
    evidence: ind.evidence ?? null,
    deviationNote: ind.deviationNote ?? null,
    qualScore: ind.qualScore ?? null,
    metricKey: ind.metric?.key ?? null,
    metricParams: ind.metric?.params ?? null,
    illustrative: ind.illustrative ?? false,
  };
}

/** A goal set locked before the year (28 December of the year before), its indicators and mid-year progress. */
export async function insertDemoGoal(tx: Tx, scope: DemoYearScope, goal: DemoGoal, projectId: string | null, deptCode: string): Promise<void> {
  const lockedAt = new Date(`${scope.year - 1}-12-28T08:00:00Z`);
  const [g] = await tx
    .insert(s.goals)
    .values({ regionCode: scope.region, fiscalYear: scope.year, departmentCode: deptCode, projectId, targetText: goal.target, actualText: goal.actual, status: 'locked', lockedAt, illustrative: goal.illustrative ?? false })
    .returning({ id: s.goals.id });
  let sort = 0;
  for (const ind of goal.indicators) {
    const [row] = await tx.insert(s.indicators).values(indicatorRow(scope, deptCode, g!.id, ind, sort++)).returning({ id: s.indicators.id });
    for (const [month, value] of Object.entries(ind.progress ?? {})) {
      await tx.insert(s.indicatorProgress).values({ regionCode: scope.region, fiscalYear: scope.year, departmentCode: deptCode, indicatorId: row!.id, month: Number(month), value });
    }
  }
}

/** The department goal, each project with its budget lines and goal. */
export async function insertDemoPlan(tx: Tx, scope: DemoYearScope, dept: string, plan: DemoPlan): Promise<void> {
  await insertDemoGoal(tx, scope, plan.departmentGoal, null, dept);
  for (const p of plan.projects) {
    const [proj] = await tx
      .insert(s.projects)
      .values({ regionCode: scope.region, fiscalYear: scope.year, departmentCode: dept, code: p.code, name: p.name, level: 1, fundSource: p.fundSource, expenditureType: p.expenditureType, implementingUnit: p.implementingUnit, illustrative: p.illustrative })
      .returning({ id: s.projects.id });
    await tx.insert(s.budgetLines).values(
      p.budget.map((b) => ({
        regionCode: scope.region,
        fiscalYear: scope.year,
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
      await insertDemoGoal(tx, scope, p.goal, proj!.id, dept);
    }
  }
}

export async function insertDemoNarrative(tx: Tx, scope: DemoYearScope, dept: string, narrative: DemoNarrative): Promise<void> {
  await tx.insert(s.reportNarratives).values({
    regionCode: scope.region,
    fiscalYear: scope.year,
    departmentCode: dept,
    keyTasks: narrative.keyTasks,
    achievements: narrative.achievements,
    problems: narrative.problems,
    managementPractice: narrative.managementPractice,
    income: narrative.income.map((i) => ({ label: i.label, amountYuan: wanToYuanString(i.amountWan) })),
  });
}

/** The year's ledger file as one import batch (the way a clerk's upload lands). */
export async function insertDemoLedger(tx: Tx, scope: DemoYearScope, dept: string, csv: string, fileName: string): Promise<void> {
  const ledger = parseLedgerCsvText(csv);
  const [batch] = await tx
    .insert(s.importBatches)
    .values({
      regionCode: scope.region,
      fiscalYear: scope.year,
      departmentCode: dept,
      kind: 'ledger',
      fileName,
      sha256: `demo-${scope.year}`,
      months: [...new Set(ledger.map((r) => r.month))].sort((a, b) => a - b),
      rowCount: ledger.length,
      totalAmount: fenToYuanString(ledger.reduce((t, r) => t + r.amountFen, 0) as Fen),
    })
    .returning({ id: s.importBatches.id });
  for (let i = 0; i < ledger.length; i += 500) {
    await tx.insert(s.ledgerEntries).values(
      ledger.slice(i, i + 500).map((r) => ({
        regionCode: scope.region,
        fiscalYear: scope.year,
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
}
