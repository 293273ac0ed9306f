// `jixiao import budgets` for one department or region-wide (one 一体化 项目年度预算 export whose rows name their
// unit): every row checked, every department's file checks run (names, 年初 once, 一级项目 known), then — only
// when nothing is wrong anywhere — one transaction writes each department's new projects (一级 before 二级), its
// budget lines, its import batch and its audit entry.
import { randomUUID } from 'node:crypto';
import {
  fenToYuanString,
  parseYuan,
  planBudgetImport,
  type BudgetPlan,
  type BudgetRowIn,
  type MoneyUnit,
} from '@jixiao/core';
import type { Database, Tx } from '../../db/open-db.ts';
import { sha256Of, type ImportSource } from '../../import/import-source.ts';
import { ErrorList } from '../../import/row-errors.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRole } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import * as ledgerRepo from '../execution/ledger.repository.ts';
import { readBudgetFile, rowsByDepartment, type DepartmentRows } from './budget-read.ts';
import {
  editableDepartment,
  noRows,
  refuseDuplicate,
  type ImportInput,
  type ImportResult,
} from './import-common.ts';
import * as repo from './imports.repository.ts';
import { assertExanteAllowsBudget } from '../exante/exante-gate.ts';

interface DepartmentPlan {
  dept: { code: string; name: string; regionCode: string };
  plan: BudgetPlan;
  existing: Map<string, repo.ProjectOfYear>;
}

interface Scope {
  layout: 'lines' | 'annual';
  year: number;
  source: ImportSource;
  replace: boolean;
  unit?: MoneyUnit;
  mapping?: Readonly<Record<string, string>>;
}

async function planDepartment(
  tx: Tx,
  dept: DepartmentPlan['dept'],
  rows: readonly BudgetRowIn[],
  scope: Scope,
  errors: ErrorList,
): Promise<DepartmentPlan | null> {
  const projects = await repo.listProjectsOfYear(tx, dept.code, scope.year);
  const withInitial = await repo.projectsWithInitial(tx, dept.code, scope.year);
  const existing = new Map(projects.map((p) => [p.code, p]));
  const r = planBudgetImport(rows, {
    layout: scope.layout,
    existing: new Map(projects.map((p) => [p.code, { ...p, hasInitial: withInitial.has(p.id) }])),
    replace: scope.replace,
    departmentName: dept.name,
  });
  if (!r.ok) {
    errors.add(r.errors);
    return null;
  }
  return { dept, plan: r.plan, existing };
}

async function writeDepartment(
  tx: Tx,
  actor: Actor,
  p: DepartmentPlan,
  scope: Scope & { sha256: string },
): Promise<ImportResult> {
  const { dept, plan, existing } = p;
  await assertExanteAllowsBudget(
    tx,
    dept.code,
    scope.year,
    plan.lines.filter((l) => l.line.kind === 'initial').map((l) => l.projectCode),
  );
  const batchId = randomUUID();
  let replaced: ImportResult['replaced'] = null;
  if (scope.replace) {
    const r = await repo.replaceBudgetLines(tx, dept.code, scope.year);
    replaced = { months: [], batches: r.batches, deletedRows: r.deletedRows };
  }
  const ids = new Map([...existing].map(([code, x]) => [code, x.id]));
  for (const np of plan.newProjects) {
    const row = await repo.insertProject(tx, {
      regionCode: dept.regionCode,
      fiscalYear: scope.year,
      departmentCode: dept.code,
      code: np.code,
      name: np.name,
      level: np.level,
      parentId: np.parentCode === null ? null : (ids.get(np.parentCode) ?? null),
      fundSource: np.fundSource,
      expenditureType: np.expenditureType,
      implementingUnit: np.unitName ?? dept.name,
    });
    ids.set(row.code, row.id);
  }
  let totalFen = 0;
  await repo.insertBudgetLines(
    tx,
    plan.lines.map(({ projectCode, line }) => {
      totalFen += line.amountFen;
      return {
        regionCode: dept.regionCode,
        fiscalYear: scope.year,
        departmentCode: dept.code,
        projectId: ids.get(projectCode)!,
        kind: line.kind,
        amount: fenToYuanString(line.amountFen),
        effectiveDate: line.date,
        documentNo: line.documentNo,
        reason: line.reason,
        importBatchId: batchId,
      };
    }),
  );
  const totalYuan = fenToYuanString(totalFen);
  const created = plan.newProjects.map((x) => x.code);
  await ledgerRepo.insertBatch(tx, {
    id: batchId,
    regionCode: dept.regionCode,
    fiscalYear: scope.year,
    departmentCode: dept.code,
    kind: 'budget',
    fileName: scope.source.fileName,
    sha256: scope.sha256,
    months: [],
    rowCount: plan.lines.length,
    totalAmount: totalYuan,
    createdBy: actor.userId,
  });
  await auditInTx(tx, actor, {
    action: 'budget.import',
    entity: 'import_batches',
    entityId: batchId,
    departmentCode: dept.code,
    before: replaced
      ? { replacedBatches: replaced.batches, deletedLines: replaced.deletedRows }
      : null,
    after: {
      fileName: scope.source.fileName,
      sha256: scope.sha256,
      lines: plan.lines.length,
      totalYuan,
      createdProjects: created,
    },
  });
  return {
    batchId,
    kind: 'budget',
    fileName: scope.source.fileName,
    sha256: scope.sha256,
    format: 'rows',
    encoding: null,
    rows: plan.lines.length,
    months: [],
    totalYuan,
    createdProjects: created,
    replaced,
  };
}

/** Plans every department, refuses the file on any error anywhere, else writes them all (one transaction). */
async function importGroups(
  database: Database,
  actor: Actor,
  groups: readonly DepartmentRows[],
  depts: ReadonlyMap<string, DepartmentPlan['dept']>,
  scope: Scope & { sha256: string },
  errors: ErrorList,
): Promise<ImportResult[]> {
  for (const g of groups) {
    await refuseDuplicate(database.db, g.departmentCode, scope.year, 'budget', scope.sha256);
  }
  return database.db.transaction(async (tx) => {
    const plans: DepartmentPlan[] = [];
    for (const g of groups) {
      const p = await planDepartment(tx, depts.get(g.departmentCode)!, g.rows, scope, errors);
      if (p) {
        plans.push(p);
      }
    }
    errors.throwIfAny(scope.source.fileName);
    if (plans.every((p) => p.plan.lines.length === 0)) {
      throw noRows(scope.source.fileName);
    }
    const out: ImportResult[] = [];
    for (const p of plans) {
      await refuseDuplicate(tx, p.dept.code, scope.year, 'budget', scope.sha256);
      out.push(await writeDepartment(tx, actor, p, scope));
    }
    return out;
  });
}

/** `jixiao import budgets FILE --department CODE --year Y`: 年初/调整 lines or an 一体化 export of one department. */
export async function importBudgets(
  database: Database,
  actor: Actor,
  input: ImportInput,
): Promise<ImportResult> {
  const dept = await editableDepartment(database, actor, input.departmentCode);
  const sha256 = await sha256Of(input.source);
  await refuseDuplicate(database.db, dept.code, input.year, 'budget', sha256);
  const errors = new ErrorList();
  const file = await readBudgetFile(input.source, input, errors);
  const scope = { ...input, layout: file.layout, replace: input.replace ?? false };
  const agencies = await repo.listAgenciesOfRegion(database.db, dept.regionCode);
  const groups = rowsByDepartment(file.rows, agencies, dept.code, errors);
  if (groups.length === 0) {
    errors.throwIfAny(input.source.fileName);
    throw noRows(input.source.fileName);
  }
  const [r] = await importGroups(
    database,
    actor,
    groups,
    new Map([[dept.code, dept]]),
    { ...scope, sha256 },
    errors,
  );
  return { ...r!, format: file.info.format, encoding: file.info.encoding };
}

export interface RegionBudgetInput extends Omit<ImportInput, 'departmentCode'> {
  regionCode: string;
}

export interface RegionBudgetResult {
  fileName: string;
  sha256: string;
  format: string;
  encoding: string | null;
  rows: number;
  totalYuan: string;
  createdProjects: string[];
  departments: (ImportResult & { departmentCode: string })[];
}

/** `jixiao import budgets FILE --region R --year Y`: the finance bureau's region-wide 一体化 export. */
export async function importRegionBudgets(
  database: Database,
  actor: Actor,
  input: RegionBudgetInput,
): Promise<RegionBudgetResult> {
  requireRole(actor, 'financeReviewer');
  if (actor.regionCode !== '*' && actor.regionCode !== input.regionCode) {
    throw new ServiceError('FISCAL_YEAR_OTHER_REGION');
  }
  if (!(await repo.findRegion(database.db, input.regionCode))) {
    throw notFound(`地区「${input.regionCode}」`, `Region ${input.regionCode}`);
  }
  const sha256 = await sha256Of(input.source);
  const errors = new ErrorList();
  const file = await readBudgetFile(input.source, input, errors);
  const agencies = await repo.listAgenciesOfRegion(database.db, input.regionCode);
  const groups = rowsByDepartment(file.rows, agencies, null, errors);
  const depts = new Map(
    agencies.filter((a) => a.kind === 'department').map((a) => [a.code, a] as const),
  );
  if (groups.length === 0) {
    errors.throwIfAny(input.source.fileName);
    throw noRows(input.source.fileName);
  }
  const scope = { ...input, layout: file.layout, replace: input.replace ?? false, sha256 };
  const results = await importGroups(database, actor, groups, depts, scope, errors);
  const departments = results.map((r, i) => ({ ...r, departmentCode: groups[i]!.departmentCode }));
  const totalFen = results.reduce((a, r) => a + (parseYuan(r.totalYuan) ?? 0), 0);
  return {
    fileName: input.source.fileName,
    sha256,
    format: file.info.format,
    encoding: file.info.encoding,
    rows: file.rows.length,
    totalYuan: fenToYuanString(totalFen),
    createdProjects: results.flatMap((r) => r.createdProjects),
    departments,
  };
}
