// `jixiao import goals`: 绩效目标申报表 (the flat 一体化 grid, or the 项目支出 / 部门整体 forms, one per sheet) → draft
// goal sets with their indicator trees. Weights the file lacks are spread by the year's preset; the goal-set
// checks of core run and come back as warnings. A set submitted, approved or locked is never replaced; a draft
// only with `replace`. Every problem of the file refuses it whole; `preview` checks without writing.
import {
  GOAL_ALIASES,
  GOAL_HEADERS,
  GOAL_REQUIRED,
  readGoalSheet,
  rowError,
  settleWeights,
  validateGoalSet,
  type GoalField,
  type GoalSetDraft,
  type GoalSetIssue,
} from '@jixiao/core';
import type { Database, Tx } from '../../db/open-db.ts';
import {
  findHeaderRow,
  headersMissingError,
  type HeaderSearch,
} from '../../import/header-match.ts';
import type { ImportSource } from '../../import/import-source.ts';
import { readGridsOffloaded } from '../../import/read-offloaded.ts';
import { ErrorList } from '../../import/row-errors.ts';
import { withMapping } from '../../import/column-mapping.ts';
import type { Actor } from '../../auth/actor.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import * as goalsRepo from '../goals/goals.repository.ts';
import { yearRules } from '../goals/goals.service.ts';
import { editableDepartment, noRows, unreadable } from './import-common.ts';
import * as repo from './imports.repository.ts';

export interface GoalImportInput {
  departmentCode: string;
  year: number;
  source: ImportSource;
  /** Replace draft (or returned) sets of the same project. */
  replace?: boolean;
  /** Check and report only; nothing is written. */
  preview?: boolean;
  mapping?: Readonly<Record<string, string>>;
}

export interface GoalSetImported {
  projectCode: string | null;
  projectName: string | null;
  targetText: string;
  indicators: number;
  weightsSpread: boolean;
  replaced: boolean;
  goalId: string | null;
  warnings: Pick<GoalSetIssue, 'code' | 'severity' | 'message' | 'messageEn'>[];
}

export interface GoalImportResult {
  fileName: string;
  preview: boolean;
  sets: GoalSetImported[];
}

async function readSets(input: GoalImportInput, errors: ErrorList): Promise<GoalSetDraft[]> {
  const { sheets } = await readGridsOffloaded(input.source).catch(unreadable);
  const aliases = withMapping(GOAL_ALIASES, input.mapping);
  const sets: GoalSetDraft[] = [];
  let firstSearch: HeaderSearch<GoalField> | null = null;
  for (const grid of sheets) {
    const rows = grid.rows.map((cells, i) => ({ row: i + 1, cells: [...cells] }));
    const nonBlank = rows.filter((r) => r.cells.some((c) => c !== ''));
    const search = findHeaderRow(nonBlank, aliases, GOAL_REQUIRED);
    firstSearch ??= search;
    if (!search.header) {
      continue;
    }
    const h = search.header;
    const r = readGoalSheet(grid, { row: h.row, cells: h.headers, columns: h.columns });
    errors.add(r.errors);
    sets.push(...r.sets);
  }
  if (sets.length === 0 && errors.count === 0) {
    if (firstSearch && !firstSearch.header) {
      throw headersMissingError(input.source.fileName, firstSearch, aliases, GOAL_REQUIRED);
    }
    throw noRows(input.source.fileName);
  }
  return sets;
}

interface ResolvedSet {
  draft: GoalSetDraft;
  projectId: string | null;
  existing: goalsRepo.GoalRow | null;
}

async function resolveSets(
  tx: Tx,
  dept: { code: string },
  input: GoalImportInput,
  sets: readonly GoalSetDraft[],
  errors: ErrorList,
): Promise<ResolvedSet[]> {
  const projects = await repo.listProjectsOfYear(tx, dept.code, input.year);
  const byCode = new Map(projects.map((p) => [p.code, p]));
  const byName = new Map(projects.map((p) => [p.name, p]));
  const seen = new Map<string, GoalSetDraft>();
  const out: ResolvedSet[] = [];
  for (const draft of sets) {
    const where = { row: draft.row, sheet: draft.sheet };
    const project =
      draft.projectCode !== null
        ? byCode.get(draft.projectCode)
        : draft.projectName !== null
          ? byName.get(draft.projectName)
          : null;
    const named = draft.projectCode ?? draft.projectName;
    if (named !== null && !project) {
      errors.add([
        rowError(where.row, GOAL_HEADERS.projectCode, named, 'UNKNOWN_PROJECT', {
          zh: `工作表「${where.sheet}」：本部门 ${input.year} 年度没有该项目（请先导入项目预算）`,
          en: `sheet "${where.sheet}": no such project of the department in ${input.year}`,
        }),
      ]);
      continue;
    }
    draft.projectCode = project?.code ?? null;
    draft.projectName = project?.name ?? null;
    const key = draft.projectCode ?? '';
    if (seen.has(key)) {
      errors.add([
        rowError(where.row, GOAL_HEADERS.projectCode, named ?? '部门整体', 'DUPLICATE_CODE', {
          zh: '同一项目（或部门整体）在文件中有两套绩效目标',
          en: 'two goal sets for the same project (or the department) in this file',
        }),
      ]);
      continue;
    }
    seen.set(key, draft);
    const existing = await goalsRepo.findGoalFor(tx, dept.code, input.year, project?.id ?? null);
    if (existing && existing.status !== 'draft' && existing.status !== 'returned') {
      errors.add([
        rowError(where.row, GOAL_HEADERS.projectCode, named ?? '部门整体', 'GOAL_SET_LOCKED', {
          zh: '该绩效目标已提交、审核或锁定，不能用导入替换',
          en: 'this goal set is submitted, approved or locked: an import cannot replace it',
        }),
      ]);
    } else if (existing && !input.replace) {
      errors.add([
        rowError(where.row, GOAL_HEADERS.projectCode, named ?? '部门整体', 'GOAL_SET_LOCKED', {
          zh: '已有该绩效目标的草稿：如需用本文件替换，请使用 --replace',
          en: 'a draft of this goal set exists: use --replace to replace it',
        }),
      ]);
    }
    out.push({ draft, projectId: project?.id ?? null, existing });
  }
  return out;
}

async function writeSet(
  tx: Tx,
  actor: Actor,
  dept: { code: string; regionCode: string },
  year: number,
  s: ResolvedSet,
): Promise<string> {
  const now = new Date();
  if (s.existing) {
    await goalsRepo.deleteGoal(tx, s.existing.id);
  }
  const g = await goalsRepo.insertGoal(tx, {
    regionCode: dept.regionCode,
    fiscalYear: year,
    departmentCode: dept.code,
    projectId: s.projectId,
    targetText: s.draft.targetText,
    status: 'draft',
    createdAt: now,
    updatedAt: now,
  });
  await repo.insertIndicators(
    tx,
    s.draft.indicators.map((i, k) => ({
      regionCode: dept.regionCode,
      fiscalYear: year,
      departmentCode: dept.code,
      goalId: g.id,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      operator: i.operator,
      target: i.target,
      unit: i.unit,
      weight: i.weight ?? '0',
      targetBasis: i.targetBasis,
      dataSource: i.dataSource,
      sort: k + 1,
    })),
  );
  await auditInTx(tx, actor, {
    action: 'goal.import',
    entity: 'goals',
    entityId: g.id,
    departmentCode: dept.code,
    before: s.existing ? { replacedGoalId: s.existing.id, status: s.existing.status } : null,
    after: {
      projectCode: s.draft.projectCode,
      targetText: s.draft.targetText,
      indicators: s.draft.indicators.length,
    },
  });
  return g.id;
}

/** `jixiao import goals FILE --department CODE --year Y [--replace]` / POST …/imports/goals. */
export async function importGoals(
  database: Database,
  actor: Actor,
  input: GoalImportInput,
): Promise<GoalImportResult> {
  const dept = await editableDepartment(database, actor, input.departmentCode);
  const errors = new ErrorList();
  const drafts = await readSets(input, errors);
  const rules = await yearRules(database.db, dept.regionCode, input.year);
  for (const d of drafts) {
    errors.add(settleWeights(d, rules.goalSet.level1Weights));
  }
  const write = async (tx: Tx) => {
    const sets = await resolveSets(tx, dept, input, drafts, errors);
    errors.throwIfAny(input.source.fileName);
    const out: GoalSetImported[] = [];
    for (const s of sets) {
      const goalId = input.preview ? null : await writeSet(tx, actor, dept, input.year, s);
      const issues = validateGoalSet(
        {
          targetText: s.draft.targetText,
          indicators: s.draft.indicators.map((i) => ({
            ...i,
            id: String(i.row),
            weight: i.weight ?? '0',
          })),
        },
        rules.goalSet,
      );
      out.push({
        projectCode: s.draft.projectCode,
        projectName: s.draft.projectName,
        targetText: s.draft.targetText,
        indicators: s.draft.indicators.length,
        weightsSpread: s.draft.weightsSpread,
        replaced: s.existing !== null,
        goalId,
        warnings: issues.map(({ code, severity, message, messageEn }) => ({
          code,
          severity,
          message,
          messageEn,
        })),
      });
    }
    return out;
  };
  // A preview runs the same checks in a transaction that writes nothing.
  const sets = await database.db.transaction(write);
  return { fileName: input.source.fileName, preview: input.preview ?? false, sets };
}
