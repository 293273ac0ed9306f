// Loads the haizhu-2023 demo (demo/haizhu-2023/*.json, ledger.csv) in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/open-db.ts';
import * as s from '../db/schema/index.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit-log.ts';
import { loadExAnteDemo } from './exante-demo.ts';
import { insertDemoGoal, insertDemoLedger, insertDemoNarrative, insertDemoPlan, wanToYuanString } from './demo-year.ts';
import { loadDemoYear2024 } from './demo-2024.ts';
import { loadRectificationDemo } from './rectification-demo.ts';
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

    const scope = { region, year };
    const insertGoal = (goal: DemoGoal, projectId: string | null, deptCode: string = dept): Promise<void> =>
      insertDemoGoal(tx, scope, goal, projectId, deptCode);
    await insertDemoPlan(tx, scope, dept, plan);
    await insertDemoNarrative(tx, scope, dept, narrative);
    await insertDemoLedger(tx, scope, dept, data.ledgerCsv, 'demo/haizhu-2023/ledger.csv');
    for (const other of data.otherDepartments) {
      await insertOtherDepartment(tx, other, region, year, insertGoal);
    }
    await loadInvestmentDemo(tx, data);
    await ensureIndicatorLibrary(tx);
    await loadDemoAccounts(tx, data);
    await loadExAnteDemo(tx, demoDir, region, dept);
    await loadDemoYear2024(tx, demoDir, region, dept);
    await loadRectificationDemo(tx, demoDir, region, dept);
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
