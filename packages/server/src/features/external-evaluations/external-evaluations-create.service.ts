// Picking an object for external evaluation and reading one: the bureau creates the evaluation (draft) with a copy
// of the region's template as its score sheet and the evaluator assigned; GET returns it with the sheet scored.
import { EMPTY_EXT_EVAL_NARRATIVE, type ExtEvalEvaluatorKind } from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { isCli } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError } from '../../http/service-error.ts';
import { getDepartment } from '../departments/departments.service.ts';
import * as repo from './external-evaluations.repository.ts';
import { loadFor, mayScore } from './external-evaluations.access.ts';
import { prefill, templateFor } from './external-evaluations.service.ts';
import {
  evaluationView,
  indicatorViews,
  namesOf,
  sheetOf,
  templateWarnings,
} from './external-evaluations.views.ts';

export interface CreateInput {
  year: number;
  departmentCode: string;
  projectId: string | null;
  evaluatorKind: ExtEvalEvaluatorKind;
  evaluatorUsername?: string | undefined;
  agencyId?: string | undefined;
}

async function objectOf(
  db: Queryable,
  dept: { code: string; name: string; regionCode: string },
  input: CreateInput,
): Promise<string> {
  if (!input.projectId) {
    return `${dept.name}部门整体支出`;
  }
  const project = await repo.findProject(db, input.projectId);
  if (!project || project.departmentCode !== dept.code || project.fiscalYear !== input.year) {
    throw new ServiceError('REQUEST_INVALID', {
      problem: `${dept.name} ${input.year} 年度没有该项目`,
      problemEn: `no such project of ${dept.code} in ${input.year}`,
    });
  }
  const selfs = await repo.selfEvaluatedProjects(db, dept.regionCode, input.year);
  if (!selfs.some((s) => s.projectId === project.id)) {
    throw new ServiceError('EXTEVAL_NOT_SELF_EVALUATED', {
      project: project.name,
      year: input.year,
    });
  }
  return project.name;
}

async function evaluatorOf(
  db: Queryable,
  actor: Actor,
  regionCode: string,
  input: CreateInput,
): Promise<{ evaluatorUserId: string | null; agencyId: string | null }> {
  if (input.evaluatorKind === 'thirdParty') {
    const agency = input.agencyId ? await repo.findAgency(db, input.agencyId) : null;
    if (!agency || agency.regionCode !== regionCode) {
      throw new ServiceError('EXTEVAL_EVALUATOR_INVALID', {
        problem: '请选择本地区已登记的第三方机构',
        problemEn: 'choose an agency registered in the region',
      });
    }
    return { evaluatorUserId: null, agencyId: agency.id };
  }
  const username = input.evaluatorUsername ?? (isCli(actor) ? '' : actor.username);
  const user = await repo.findUser(db, { username });
  if (!user || user.role !== 'financeReviewer' || user.regionCode !== regionCode) {
    throw new ServiceError('EXTEVAL_EVALUATOR_INVALID', {
      problem: `账户「${username}」不是本地区的财政审核人员`,
      problemEn: `account "${username}" is not a finance reviewer of the region`,
    });
  }
  return { evaluatorUserId: user.id, agencyId: null };
}

/** POST /api/external-evaluations: pick a project (self-evaluated) or a department, assign the evaluator. */
export async function createEvaluation(db: Db, actor: Actor, input: CreateInput) {
  const dept = await getDepartment(db, actor, input.departmentCode);
  assertPermission(actor, 'externalEvaluation.manage', dept);
  const kind = input.projectId ? 'project' : 'department';
  const id = await db.transaction(async (tx) => {
    const objectName = await objectOf(tx, dept, input);
    if (await repo.findSameObject(tx, dept.code, input.year, input.projectId)) {
      throw new ServiceError('EXTEVAL_EXISTS', { object: objectName, year: input.year });
    }
    const evaluator = await evaluatorOf(tx, actor, dept.regionCode, input);
    const { template } = await templateFor(tx, dept.regionCode, input.year, kind);
    const ev = await repo.insertEvaluation(tx, {
      regionCode: dept.regionCode,
      fiscalYear: input.year,
      departmentCode: dept.code,
      projectId: input.projectId,
      objectName,
      evaluatorKind: input.evaluatorKind,
      ...evaluator,
      weights: template.weights,
      narrative: { ...EMPTY_EXT_EVAL_NARRATIVE },
      createdBy: actor.userId,
    });
    const inputs = prefill(
      template,
      await repo.moneyOf(tx, dept.code, input.year, input.projectId),
    );
    await repo.insertIndicators(
      tx,
      template.indicators.map((def, i) => ({
        regionCode: ev.regionCode,
        fiscalYear: ev.fiscalYear,
        departmentCode: ev.departmentCode,
        evaluationId: ev.id,
        position: i + 1,
        ...def,
        metric: def.metric ?? null,
        input: inputs[i] ?? null,
      })),
    );
    await auditInTx(tx, actor, {
      action: 'externalEvaluation.create',
      entity: 'external_evaluations',
      entityId: ev.id,
      departmentCode: ev.departmentCode,
      before: null,
      after: { objectName, evaluatorKind: ev.evaluatorKind, ...evaluator, year: input.year },
    });
    return ev.id;
  });
  return getEvaluation(db, actor, id);
}

/** The detail view of a loaded evaluation. */
export async function detailOf(db: Queryable, actor: Actor, ev: repo.EvaluationRow) {
  const rows = await repo.listIndicators(db, ev.id);
  const sheet = sheetOf(ev, rows);
  const manage =
    isCli(actor) || (actor.role === 'financeReviewer' && actor.regionCode === ev.regionCode);
  const template = { weights: ev.weights, resultWeightWarnBelow: '60', indicators: [] };
  return {
    ...evaluationView(ev, await namesOf(db, ev)),
    weights: ev.weights,
    narrative: ev.narrative,
    findings: ev.findings,
    conclusionOpinion: ev.conclusionOpinion,
    indicators: indicatorViews(rows, sheet),
    dimensions: sheet.dimensions,
    runningTotal: sheet.total,
    complete: sheet.complete,
    provisionalGrade: sheet.grade,
    warnings: templateWarnings(template),
    money: await repo.moneyOf(db, ev.departmentCode, ev.fiscalYear, ev.projectId),
    rectificationCount: ev.status === 'concluded' ? ev.findings.length : 0,
    canScore: ev.status === 'scoring' && (await mayScore(db, actor, ev)),
    canManage: manage,
  };
}

export type EvaluationDetail = Awaited<ReturnType<typeof detailOf>>;

/** GET /api/external-evaluations/{id}. */
export async function getEvaluation(db: Db, actor: Actor, id: string): Promise<EvaluationDetail> {
  return detailOf(db, actor, await loadFor(db, actor, id, 'read'));
}
