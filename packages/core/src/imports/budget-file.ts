// The checks of a whole budget file for one department (after each row passed its own): names agree with the
// projects already there, one 年初 per project, a project code once per 一体化 export, every 一级项目 named by a
// row exists (in the file or already); and the plan of what to write — new projects (一级 first), lines.
import { rowError, type RowError } from '../ledger/ledger-row.ts';
import { BUDGET_FILE_HEADERS } from './budget-columns.ts';
import type { ExpenditureTypeCode, FundSourceCode } from './budget-words.ts';
import type { BudgetLineIn, BudgetRowIn } from './budget-rows.ts';

export interface ExistingProject {
  code: string;
  name: string;
  level: 1 | 2;
  hasInitial: boolean;
}

export interface NewProject {
  code: string;
  name: string;
  level: 1 | 2;
  /** The 一级项目's code (a 二级项目 only). */
  parentCode: string | null;
  expenditureType: ExpenditureTypeCode;
  fundSource: FundSourceCode;
  /** 所属单位 named by the row (null: the department itself). */
  unitName: string | null;
}

export interface BudgetPlan {
  newProjects: NewProject[];
  lines: { projectCode: string; line: BudgetLineIn }[];
}

interface PlanContext {
  layout: 'lines' | 'annual';
  existing: ReadonlyMap<string, ExistingProject>;
  /** The year's lines are replaced: existing 年初 lines do not count. */
  replace: boolean;
  /** The department's own name (a row of the department itself keeps no unit). */
  departmentName: string;
}

function nameChecks(rows: readonly BudgetRowIn[], ctx: PlanContext, errors: RowError[]) {
  const newNames = new Map<string, string>();
  for (const r of rows) {
    const known = ctx.existing.get(r.projectCode);
    const err = (code: 'NAME_MISMATCH' | 'REQUIRED', zh: string, en: string) =>
      errors.push(
        rowError(r.row, BUDGET_FILE_HEADERS.projectName, r.projectName, code, { zh, en }),
      );
    if (known) {
      if (r.projectName !== '' && r.projectName !== known.name) {
        err(
          'NAME_MISMATCH',
          `与已有项目「${r.projectCode} ${known.name}」的名称不一致：请核对项目编码`,
          `differs from the existing project "${known.name}": check the code`,
        );
      }
    } else if (r.projectName === '' && !newNames.has(r.projectCode)) {
      err('REQUIRED', '新项目须填写项目名称', 'a new project needs its name');
    } else if (r.projectName !== '') {
      const prev = newNames.get(r.projectCode);
      if (prev !== undefined && prev !== r.projectName) {
        err(
          'NAME_MISMATCH',
          `同一项目编码在文件中有不同名称（「${prev}」）`,
          `the same code has another name in this file ("${prev}")`,
        );
      } else {
        newNames.set(r.projectCode, r.projectName);
      }
    }
  }
  return newNames;
}

function initialChecks(rows: readonly BudgetRowIn[], ctx: PlanContext, errors: RowError[]) {
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    const seen = firstRow.get(r.projectCode);
    if (ctx.layout === 'annual' && seen !== undefined) {
      errors.push(
        rowError(r.row, BUDGET_FILE_HEADERS.projectCode, r.projectCode, 'DUPLICATE_CODE', {
          zh: `项目编码与第 ${seen} 行重复`,
          en: `the project code repeats row ${seen}`,
        }),
      );
      continue;
    }
    if (seen === undefined) {
      firstRow.set(r.projectCode, r.row);
    }
    if (!r.lines.some((l) => l.kind === 'initial')) {
      continue;
    }
    if (!ctx.replace && ctx.existing.get(r.projectCode)?.hasInitial) {
      errors.push(
        rowError(r.row, BUDGET_FILE_HEADERS.kind, '年初', 'DUPLICATE_INITIAL', {
          zh: '该项目已有年初预算；如需整体替换本年度预算，请使用 --replace（replace=true）',
          en: 'the project already has an initial budget; use --replace to replace the year’s budget',
        }),
      );
    } else if (ctx.layout === 'lines' && seen !== undefined && initialSeen(rows, r)) {
      errors.push(
        rowError(r.row, BUDGET_FILE_HEADERS.kind, '年初', 'DUPLICATE_INITIAL', {
          zh: '同一项目在文件中有多行年初预算',
          en: 'more than one initial line for the project in this file',
        }),
      );
    }
  }
}

function initialSeen(rows: readonly BudgetRowIn[], r: BudgetRowIn): boolean {
  return rows.some(
    (o) =>
      o.row < r.row && o.projectCode === r.projectCode && o.lines.some((l) => l.kind === 'initial'),
  );
}

/** 一级项目 named by code or name → its code; null when no such 一级 project exists. */
function parentResolver(
  rows: readonly BudgetRowIn[],
  ctx: PlanContext,
  names: Map<string, string>,
) {
  const level1 = new Map<string, string>();
  for (const [code, p] of ctx.existing) {
    if (p.level === 1) {
      level1.set(code, code).set(p.name, code);
    }
  }
  for (const r of rows) {
    if (r.parentProject === '' && !ctx.existing.has(r.projectCode)) {
      level1.set(r.projectCode, r.projectCode);
      const name = names.get(r.projectCode);
      if (name !== undefined) {
        level1.set(name, r.projectCode);
      }
    }
  }
  return (text: string) => level1.get(text) ?? null;
}

/** Every problem of the file for this department, or the plan of what to write. */
export function planBudgetImport(
  rows: readonly BudgetRowIn[],
  ctx: PlanContext,
): { ok: true; plan: BudgetPlan } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const names = nameChecks(rows, ctx, errors);
  initialChecks(rows, ctx, errors);
  const parentOf = parentResolver(rows, ctx, names);
  const newProjects = new Map<string, NewProject>();
  for (const r of rows) {
    const parentCode = r.parentProject === '' ? null : parentOf(r.parentProject);
    if (r.parentProject !== '' && (parentCode === null || parentCode === r.projectCode)) {
      errors.push(
        rowError(r.row, BUDGET_FILE_HEADERS.parentProject, r.parentProject, 'UNKNOWN_PARENT', {
          zh: '找不到该一级项目：一级项目须在文件中有自己的一行，或已经导入',
          en: 'no such level-1 project in this file or already imported',
        }),
      );
    }
    const name = names.get(r.projectCode);
    if (!ctx.existing.has(r.projectCode) && name !== undefined && !newProjects.has(r.projectCode)) {
      newProjects.set(r.projectCode, {
        code: r.projectCode,
        name,
        level: parentCode === null ? 1 : 2,
        parentCode,
        expenditureType: r.expenditureType ?? 'project',
        fundSource: r.fundSource ?? 'general',
        unitName: r.unitName === '' || r.unitName === ctx.departmentName ? null : r.unitName,
      });
    }
  }
  if (errors.length > 0) {
    return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  }
  const ordered = [...newProjects.values()].sort((a, b) => a.level - b.level);
  const lines = rows.flatMap((r) => r.lines.map((line) => ({ projectCode: r.projectCode, line })));
  return { ok: true, plan: { newProjects: ordered, lines } };
}
