// 示例数据: the demo department's 2024 (demo/haizhu-2023/year-2024.json, ledger-2024.csv): targets set before the
// year with 2023's actuals as 历史标准, the budget (with the new project that passed its ex-ante assessment), the
// year's ledger and actuals, and the self-evaluation submitted by the department and accepted by the bureau.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/open-db.ts';
import * as s from '../db/schema/index.ts';
import type { AuditActor } from '../audit/audit-log.ts';
import type { DemoNarrative, DemoOrganization, DemoPlan } from './demo-data.ts';
import { insertDemoLedger, insertDemoNarrative, insertDemoPlan } from './demo-year.ts';
import { acceptInTx } from '../features/evaluations/evaluation-review.service.ts';
import { headApproveInTx, submitToHeadInTx } from '../features/evaluations/evaluation-signoff.service.ts';

interface DemoYear {
  fiscalYear: DemoOrganization['fiscalYear'];
  plan: DemoPlan;
  narrative: DemoNarrative;
}

/** A demo account as the actor of a step of the 2024 history (accounts from demo-accounts.ts). */
async function demoActor(tx: Tx, username: string): Promise<AuditActor> {
  const [u] = await tx.select({ id: s.users.id, role: s.users.role }).from(s.users).where(eq(s.users.username, username));
  if (!u) {
    throw new Error(`demo: account ${username} missing`);
  }
  return { userId: u.id, username, role: u.role, ip: null };
}

export async function loadDemoYear2024(tx: Tx, dir: string, region: string, dept: string): Promise<void> {
  const file = path.join(dir, 'year-2024.json');
  if (!fs.existsSync(file)) {
    return;
  }
  const y = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoYear;
  const scope = { region, year: y.fiscalYear.year };
  await tx.insert(s.fiscalYears).values({
    regionCode: region,
    year: scope.year,
    scoringPreset: y.fiscalYear.scoringPreset,
    basisNotice: y.fiscalYear.basisNotice,
    financeApprovalRequired: y.fiscalYear.financeApprovalRequired,
  });
  await insertDemoPlan(tx, scope, dept, y.plan);
  await insertDemoNarrative(tx, scope, dept, y.narrative);
  const csv = fs.readFileSync(path.join(dir, 'ledger-2024.csv'), 'utf8');
  await insertDemoLedger(tx, scope, dept, csv, 'demo/haizhu-2023/ledger-2024.csv');
  // clerk → 部门负责人审核 → 财政局 (the sign-off every year of the demo region needs)
  const evaluation = { regionCode: region, departmentCode: dept, year: scope.year };
  const at = (date: string) => new Date(`${scope.year + 1}-${date}T02:00:00Z`);
  await submitToHeadInTx(tx, await demoActor(tx, 'tzcj_clerk'), evaluation, at('02-18'));
  await headApproveInTx(tx, await demoActor(tx, 'tzcj_head'), evaluation, '已核对实际值与佐证材料，同意报送。', at('02-20'));
  await acceptInTx(tx, await demoActor(tx, 'czj_reviewer'), evaluation, at('03-10'));
}
