// Projects of a department-year: create and edit (clerk or head of that department). A project's code is unique
// per department and year; a 二级 project hangs under a 一级 project of the same department-year; the code cannot
// change once ledger rows name it (the ledger references projects by code). One transaction + audit per change.
import type { Db, Queryable } from '../../db/open-db.ts';
import type { ExpenditureType, FundSource } from '../../db/schema/projects.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import * as repo from './projects.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission, hiddenRefusal } from '../../auth/access.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import { EXPENDITURE_TYPE_TEXT, FUND_SOURCE_TEXT } from '../execution/execution.service.ts';

export interface ProjectInput {
  code: string;
  name: string;
  level: 1 | 2;
  /** Required for level 2 (a level-1 project of the same department and year); null for level 1. */
  parentId: string | null;
  fundSource: FundSource;
  expenditureType: ExpenditureType;
}

export interface ProjectView {
  id: string;
  departmentCode: string;
  fiscalYear: number;
  code: string;
  name: string;
  level: 1 | 2;
  parentId: string | null;
  parentCode: string | null;
  fundSource: FundSource;
  fundSourceName: string;
  expenditureType: ExpenditureType;
  expenditureTypeName: string;
}

function snapshot(p: repo.ProjectRow): Record<string, unknown> {
  return {
    code: p.code,
    name: p.name,
    level: p.level,
    parentId: p.parentId,
    fundSource: p.fundSource,
    expenditureType: p.expenditureType,
  };
}

async function view(db: Queryable, p: repo.ProjectRow): Promise<ProjectView> {
  const parent = p.parentId ? await repo.findProject(db, p.parentId) : null;
  return {
    id: p.id,
    departmentCode: p.departmentCode,
    fiscalYear: p.fiscalYear,
    code: p.code,
    name: p.name,
    level: p.level,
    parentId: p.parentId,
    parentCode: parent?.code ?? null,
    fundSource: p.fundSource,
    fundSourceName: FUND_SOURCE_TEXT[p.fundSource] ?? p.fundSource,
    expenditureType: p.expenditureType,
    expenditureTypeName: EXPENDITURE_TYPE_TEXT[p.expenditureType] ?? p.expenditureType,
  };
}

function codeTaken(code: string, year: number): ServiceError {
  return new ServiceError(
    'PROJECT_CODE_TAKEN',
    { code, year },
    {
      fields: [
        {
          field: 'code',
          message: `项目编码「${code}」已被使用`,
          messageEn: `code ${code} is taken`,
        },
      ],
    },
  );
}

/** Unique-key violation from either driver (drizzle may wrap the driver's error in `cause`). */
function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e, i = 0; x && i < 3; i += 1) {
    if (typeof x === 'object' && (x as { code?: unknown }).code === '23505') {
      return true;
    }
    x = (x as { cause?: unknown }).cause;
  }
  return false;
}

/** Level/parent rules: 一级 has no parent; 二级 has a 一级 parent of the same department-year (not itself). */
async function checkParent(
  db: Queryable,
  dept: string,
  year: number,
  level: 1 | 2,
  parentId: string | null,
  selfId: string | null,
): Promise<void> {
  if (level === 1) {
    if (parentId !== null) {
      throw new ServiceError(
        'PROJECT_LEVEL1_HAS_PARENT',
        {},
        { fields: [{ field: 'parentId', message: '一级项目不能有上级项目' }] },
      );
    }
    return;
  }
  if (parentId === null) {
    throw new ServiceError(
      'PROJECT_PARENT_REQUIRED',
      {},
      { fields: [{ field: 'parentId', message: '请选择所属的一级项目' }] },
    );
  }
  const parent = await repo.findProject(db, parentId);
  if (!parent || parent.departmentCode !== dept || parent.fiscalYear !== year) {
    throw new ServiceError(
      'PROJECT_PARENT_OTHER',
      { parent: parentId, year },
      { fields: [{ field: 'parentId', message: '上级项目不属于本部门本年度' }] },
    );
  }
  if (parent.id === selfId) {
    throw new ServiceError(
      'PROJECT_OWN_PARENT',
      {},
      { fields: [{ field: 'parentId', message: '不能以自己为上级项目' }] },
    );
  }
  if (parent.level !== 1) {
    throw new ServiceError(
      'PROJECT_PARENT_NOT_LEVEL1',
      { parent: parent.code },
      { fields: [{ field: 'parentId', message: '上级项目须为一级项目' }] },
    );
  }
}

/** POST /api/departments/{code}/projects. */
export async function createProject(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  input: ProjectInput,
): Promise<ProjectView> {
  const dept = await getDepartment(db, actor, departmentCode);
  assertPermission(actor, 'project.edit', dept);
  const code = input.code.trim();
  const name = input.name.trim();
  try {
    const row = await db.transaction(async (tx) => {
      if (await repo.findProjectByCode(tx, dept.code, year, code)) {
        throw codeTaken(code, year);
      }
      await checkParent(tx, dept.code, year, input.level, input.parentId, null);
      const p = await repo.insertProject(tx, {
        regionCode: dept.regionCode,
        fiscalYear: year,
        departmentCode: dept.code,
        code,
        name,
        level: input.level,
        parentId: input.parentId,
        fundSource: input.fundSource,
        expenditureType: input.expenditureType,
        implementingUnit: dept.name,
      });
      await recordAudit(tx, actor, {
        action: 'project.create',
        entity: 'projects',
        entityId: p.id,
        departmentCode: dept.code,
        before: null,
        after: { fiscalYear: year, ...snapshot(p) },
      });
      return p;
    });
    return view(db, row);
  } catch (e) {
    throw isUniqueViolation(e) ? codeTaken(code, year) : e;
  }
}

/** PATCH /api/departments/{code}/projects/{id}: only the fields given change. */
export async function updateProject(
  db: Db,
  actor: Actor,
  departmentCode: string,
  id: string,
  patch: Partial<ProjectInput>,
): Promise<ProjectView> {
  const dept = await getDepartment(db, actor, departmentCode);
  assertPermission(actor, 'project.edit', dept);
  const pre = await repo.findProject(db, id);
  if (!pre || pre.departmentCode !== dept.code) {
    const e = notFound(`项目「${id}」`, `Project ${id}`);
    throw pre ? hiddenRefusal(e, { reason: 'department', departmentCode: pre.departmentCode }) : e;
  }
  const code = patch.code?.trim() ?? pre.code;
  try {
    const row = await db.transaction(async (tx) => {
      const cur = (await repo.lockProject(tx, id))!;
      const next = {
        code,
        name: patch.name?.trim() ?? cur.name,
        level: patch.level ?? cur.level,
        parentId:
          patch.parentId !== undefined ? patch.parentId : patch.level === 1 ? null : cur.parentId,
        fundSource: patch.fundSource ?? cur.fundSource,
        expenditureType: patch.expenditureType ?? cur.expenditureType,
      };
      if (next.code !== cur.code) {
        const refs = await repo.countLedgerRows(tx, cur.departmentCode, cur.fiscalYear, cur.code);
        if (refs > 0) {
          throw new ServiceError(
            'PROJECT_CODE_IN_LEDGER',
            { code: cur.code, rows: refs },
            {
              ledgerRows: refs,
              fields: [
                {
                  field: 'code',
                  message: `已有 ${refs} 条台账记录引用该编码，不能修改`,
                  messageEn: `${refs} ledger rows use this code`,
                },
              ],
            },
          );
        }
        if (await repo.findProjectByCode(tx, cur.departmentCode, cur.fiscalYear, next.code)) {
          throw codeTaken(next.code, cur.fiscalYear);
        }
      }
      if (next.level === 2 && cur.level === 1) {
        const children = await repo.countChildren(tx, id);
        if (children > 0) {
          throw new ServiceError(
            'PROJECT_HAS_CHILDREN',
            { code: cur.code, children },
            {
              fields: [{ field: 'level', message: `下有 ${children} 个二级项目，不能改为二级` }],
            },
          );
        }
      }
      await checkParent(tx, cur.departmentCode, cur.fiscalYear, next.level, next.parentId, id);
      const p = await repo.updateProject(tx, id, next);
      await recordAudit(tx, actor, {
        action: 'project.update',
        entity: 'projects',
        entityId: id,
        departmentCode: cur.departmentCode,
        before: snapshot(cur),
        after: snapshot(p),
      });
      return p;
    });
    return view(db, row);
  } catch (e) {
    throw isUniqueViolation(e) ? codeTaken(code, pre.fiscalYear) : e;
  }
}
