// 结果应用: the 预算安排建议 of a region's budget year (grades of the year before linked to the budget by the region's
// rules), the bureau's confirmation or override of each line with a reason (every decision kept and audited), and
// the rules themselves (per region and year; the §C.1 defaults until the bureau saves its own).
import {
  DEFAULT_LINKAGE_RULES,
  actionLabel,
  asLinkageGrade,
  checkLinkageRules,
  fenToYuanString,
  parseYuan,
  type LinkageAction,
  type LinkageRuleSet,
} from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import { isCli, type Actor } from '../../auth/actor.ts';
import { assertPermission, canReadDepartment } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError } from '../../http/service-error.ts';
import * as deptRepo from '../departments/departments.repository.ts';
import * as repo from './linkage.repository.ts';
import { departmentLines, objectKey, type LinkageRow, type LookupMaps } from './linkage-table.ts';

export interface LinkageRulesView {
  regionCode: string;
  year: number;
  source: 'default' | 'region';
  rules: LinkageRuleSet;
}

export interface LinkageTable extends LinkageRulesView {
  /** The year whose grades and execution are linked (year − 1). */
  gradesYear: number;
  rows: LinkageRow[];
}

/** The region an actor works in: its own; the CLI (all regions) names one. */
export function linkageRegion(actor: Actor, regionCode: string | undefined): string {
  if (!isCli(actor)) {
    return actor.regionCode;
  }
  if (!regionCode) {
    throw new ServiceError('LINKAGE_REGION_REQUIRED');
  }
  return regionCode;
}

async function rulesView(db: Db, regionCode: string, year: number): Promise<LinkageRulesView> {
  const row = await repo.findRules(db, regionCode, year);
  return row
    ? { regionCode, year, source: 'region', rules: row.rules }
    : { regionCode, year, source: 'default', rules: DEFAULT_LINKAGE_RULES };
}

export async function getLinkageRules(
  db: Db,
  actor: Actor,
  year: number,
  regionCode?: string,
): Promise<LinkageRulesView> {
  assertPermission(actor, 'linkage.read');
  return rulesView(db, linkageRegion(actor, regionCode), year);
}

export async function setLinkageRules(
  db: Db,
  actor: Actor,
  year: number,
  rules: LinkageRuleSet,
  regionCode?: string,
): Promise<LinkageRulesView> {
  assertPermission(actor, 'linkage.decide');
  const region = linkageRegion(actor, regionCode);
  const checked = checkLinkageRules(rules);
  if (!checked.ok) {
    throw new ServiceError('LINKAGE_RULES_INVALID', {
      count: checked.error.length,
      first: checked.error[0]?.zh ?? '',
      firstEn: checked.error[0]?.en ?? '',
    });
  }
  await db.transaction(async (tx) => {
    const before = await repo.findRules(tx, region, year);
    const row = await repo.upsertRules(tx, {
      regionCode: region,
      fiscalYear: year,
      rules,
      updatedBy: actor.userId,
    });
    await auditInTx(tx, actor, {
      action: 'linkage.rules',
      entity: 'linkage_rules',
      entityId: row.id,
      departmentCode: null,
      before: before?.rules ?? null,
      after: rules,
    });
  });
  return rulesView(db, region, year);
}

async function lookupMaps(db: Db, region: string, year: number): Promise<LookupMaps> {
  const [external, open, decisions] = await Promise.all([
    repo.concludedExternalGrades(db, region, year - 1),
    repo.openRectifications(db, region, year - 1),
    repo.listDecisions(db, region, year),
  ]);
  const latest = new Map<string, repo.DecisionRow>();
  for (const d of decisions) {
    const key = objectKey(d.departmentCode, d.projectCode);
    if (!latest.has(key)) {
      latest.set(key, d);
    }
  }
  return {
    external: new Map(external.map((e) => [objectKey(e.departmentCode, e.projectCode), e])),
    rectifications: new Map(open.map((r) => [objectKey(r.departmentCode, r.projectCode), r.open])),
    decisions: latest,
  };
}

/**
 * GET /api/linkage, `jixiao linkage`: the 预算安排建议 of budget year `year`. The bureau sees every department of
 * its region (or one); a department role only its own department's lines.
 */
export async function getLinkageTable(
  db: Db,
  actor: Actor,
  opts: { year: number; regionCode?: string; departmentCode?: string },
): Promise<LinkageTable> {
  assertPermission(actor, 'linkage.read');
  const region = linkageRegion(actor, opts.regionCode);
  const own = actor.role === 'clerk' || actor.role === 'deptHead' ? actor.departmentCode : null;
  const wanted = own ?? opts.departmentCode ?? null;
  const depts = (await deptRepo.listDepartmentsOfRegion(db, region)).filter(
    (d) => canReadDepartment(actor, d) && (wanted === null || d.code === wanted),
  );
  const view = await rulesView(db, region, opts.year);
  const maps = await lookupMaps(db, region, opts.year);
  const rows: LinkageRow[] = [];
  for (const dept of depts) {
    const years = await deptRepo.listDepartmentYears(db, dept.code);
    if (years.includes(opts.year - 1)) {
      rows.push(...(await departmentLines(db, dept, opts.year, view.rules, maps)));
    }
  }
  return { ...view, gradesYear: opts.year - 1, rows };
}

export interface DecisionInput {
  departmentCode: string;
  projectCode: string | null;
  decision: 'confirm' | 'override';
  action?: LinkageAction;
  amountYuan?: string;
  reason?: string;
}

function decidedFigures(row: LinkageRow, input: DecisionInput) {
  const reason = (input.reason ?? '').trim();
  if (input.decision === 'confirm') {
    return { action: row.proposedAction, amount: row.proposedAmountYuan, reason };
  }
  const amount = input.amountYuan === undefined ? null : parseYuan(input.amountYuan);
  if (amount === null || amount < 0) {
    throw new ServiceError('LINKAGE_AMOUNT_INVALID');
  }
  if (!input.action || reason === '') {
    throw new ServiceError('LINKAGE_REASON_REQUIRED');
  }
  return { action: input.action, amount: fenToYuanString(amount), reason };
}

/** POST /api/linkage/decisions: the bureau confirms a line's proposal or overrides it with a reason. */
export async function decideLinkage(
  db: Db,
  actor: Actor,
  year: number,
  input: DecisionInput,
  regionCode?: string,
): Promise<LinkageRow> {
  assertPermission(actor, 'linkage.decide');
  const find = async () =>
    (
      await getLinkageTable(db, actor, { year, regionCode, departmentCode: input.departmentCode })
    ).rows.find((r) => r.projectCode === input.projectCode);
  const row = await find();
  if (!row) {
    throw new ServiceError('LINKAGE_OBJECT_UNKNOWN', {
      year,
      object: input.projectCode ?? input.departmentCode,
    });
  }
  const f = decidedFigures(row, input);
  await db.transaction(async (tx) => {
    const saved = await repo.insertDecision(tx, {
      regionCode: linkageRegion(actor, regionCode),
      fiscalYear: year,
      departmentCode: row.departmentCode,
      projectCode: row.projectCode,
      objectType: row.objectType,
      grade: asLinkageGrade(row.grade),
      gradeSource: row.gradeSource,
      proposedAction: row.proposedAction,
      proposedCutPct: row.proposedCutPct,
      proposedAmount: row.proposedAmountYuan,
      decision: input.decision === 'confirm' ? 'confirmed' : 'overridden',
      action: f.action,
      amount: f.amount,
      reason: f.reason,
      decidedBy: actor.userId,
      decidedByName: actor.displayName,
    });
    await auditInTx(tx, actor, {
      action: `linkage.${input.decision}`,
      entity: 'linkage_decisions',
      entityId: saved.id,
      departmentCode: row.departmentCode,
      before: row.decision,
      after: {
        object: row.projectCode ?? row.departmentCode,
        proposed: { action: row.proposedAction, amount: row.proposedAmountYuan },
        decided: { action: f.action, text: actionLabel(f.action, null).zh, amount: f.amount },
        reason: f.reason,
      },
    });
  });
  const after = await find();
  return after!;
}
