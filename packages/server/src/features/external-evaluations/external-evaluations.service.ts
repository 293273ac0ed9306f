// 财政重点评价 / 部门评价: the bureau lists and picks objects (projects with a submitted self-evaluation — §B.1 — or
// a department's whole expenditure), assigns the evaluator (an in-house finance reviewer or a registered 第三方机构),
// and keeps the region's editable indicator template. Access check + one transaction + audit entry per change.
import {
  checkExtEvalTemplate,
  defaultExtEvalTemplate,
  EMPTY_EXT_EVAL_NARRATIVE,
  type ExtEvalInput,
  type ExtEvalObjectKind,
  type ExtEvalTemplate,
} from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { isCli } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError } from '../../http/service-error.ts';
import { getDepartment } from '../departments/departments.service.ts';
import * as repo from './external-evaluations.repository.ts';
import { agencyOf, isThirdParty } from './external-evaluations.access.ts';
import {
  evaluationView,
  namesOf,
  templateIssueText,
  templateWarnings,
  type EvaluationView,
} from './external-evaluations.views.ts';

/** The region the bureau works in; the command line (all regions) must name it. */
export function regionFor(actor: Actor, region?: string): string {
  if (isCli(actor) || actor.regionCode === '*') {
    if (!region) {
      throw new ServiceError('EXTEVAL_REGION_REQUIRED');
    }
    return region;
  }
  return actor.regionCode;
}

export async function viewsOf(
  db: Queryable,
  rows: repo.EvaluationRow[],
): Promise<EvaluationView[]> {
  const out: EvaluationView[] = [];
  for (const ev of rows) {
    out.push(evaluationView(ev, await namesOf(db, ev)));
  }
  return out;
}

/** GET /api/external-evaluations: the region's (bureau), the assigned (third party), the concluded own (department). */
export async function listEvaluations(
  db: Db,
  actor: Actor,
  q: { year?: number | undefined; region?: string | undefined; department?: string | undefined },
): Promise<EvaluationView[]> {
  if (isThirdParty(actor)) {
    const agency = await agencyOf(db, actor);
    return viewsOf(db, await repo.listEvaluations(db, { agencyId: agency.id, year: q.year }));
  }
  if (!isCli(actor) && (actor.role === 'clerk' || actor.role === 'deptHead')) {
    const dept = await getDepartment(db, actor, q.department ?? actor.departmentCode ?? '');
    assertPermission(actor, 'externalEvaluation.read', dept);
    const rows = await repo.listEvaluations(db, { departmentCode: dept.code, year: q.year });
    return viewsOf(
      db,
      rows.filter((r) => r.status === 'concluded'),
    );
  }
  assertPermission(actor, 'externalEvaluation.read');
  const regionCode = regionFor(actor, q.region);
  const rows = await repo.listEvaluations(db, {
    regionCode,
    year: q.year,
    ...(q.department ? { departmentCode: q.department } : {}),
  });
  return viewsOf(db, rows);
}

/** GET /api/external-evaluations/candidates: what the bureau may pick (and what is already picked). */
export async function listCandidates(db: Db, actor: Actor, year: number, region?: string) {
  assertPermission(actor, 'externalEvaluation.manage');
  const regionCode = regionFor(actor, region);
  const [depts, projects, selfs, existing] = await Promise.all([
    repo.departmentsOf(db, regionCode),
    repo.projectsOf(db, regionCode, year),
    repo.selfEvaluatedProjects(db, regionCode, year),
    repo.listEvaluations(db, { regionCode, year }),
  ]);
  const names = new Map(depts.map((d) => [d.code, d.name]));
  const selfOf = new Map(selfs.map((s) => [s.projectId, s]));
  const picked = (dept: string, projectId: string | null) =>
    existing.find((e) => e.departmentCode === dept && e.projectId === projectId)?.id ?? null;
  const projectRows = projects.flatMap((p) => {
    const s = selfOf.get(p.id);
    return s
      ? [
          {
            kind: 'project' as const,
            departmentCode: p.departmentCode,
            departmentName: names.get(p.departmentCode) ?? p.departmentCode,
            projectId: p.id,
            projectCode: p.code,
            name: p.name,
            selfEvaluation: { status: s.status, total: s.total, grade: s.grade },
            evaluationId: picked(p.departmentCode, p.id),
          },
        ]
      : [];
  });
  const deptRows = depts.map((d) => ({
    kind: 'department' as const,
    departmentCode: d.code,
    departmentName: d.name,
    projectId: null,
    projectCode: null,
    name: `${d.name}部门整体支出`,
    selfEvaluation: null,
    evaluationId: picked(d.code, null),
  }));
  return [...projectRows, ...deptRows];
}

/** GET /api/external-evaluations/evaluators: in-house reviewers and registered agencies of the region. */
export async function listEvaluators(db: Db, actor: Actor, region?: string) {
  assertPermission(actor, 'externalEvaluation.manage');
  const regionCode = regionFor(actor, region);
  const [reviewers, agencies] = await Promise.all([
    repo.reviewersOf(db, regionCode),
    repo.agenciesOf(db, regionCode),
  ]);
  return {
    reviewers: reviewers.map((r) => ({ username: r.username, displayName: r.displayName })),
    agencies: agencies.map((a) => ({ id: a.id, code: a.code, name: a.name })),
  };
}

/** The template of a region, year and object kind: the region's own, else the built-in 10号 framework. */
export async function templateFor(
  db: Queryable,
  regionCode: string,
  year: number,
  kind: ExtEvalObjectKind,
): Promise<{ template: ExtEvalTemplate; isDefault: boolean }> {
  const row = await repo.findTemplate(db, regionCode, year, kind);
  return row
    ? { template: row.template, isDefault: false }
    : { template: defaultExtEvalTemplate(), isDefault: true };
}

export async function getTemplate(
  db: Db,
  actor: Actor,
  q: { year: number; kind: ExtEvalObjectKind; region?: string | undefined },
) {
  assertPermission(actor, 'externalEvaluation.manage');
  const { template, isDefault } = await templateFor(db, regionFor(actor, q.region), q.year, q.kind);
  return { year: q.year, kind: q.kind, template, isDefault, warnings: templateWarnings(template) };
}

/** Refuses a template with errors (every problem listed), returns its warnings. */
export function assertTemplate(t: ExtEvalTemplate): void {
  const { errors } = checkExtEvalTemplate(t);
  if (errors.length > 0) {
    const texts = errors.map((e) => templateIssueText(t, e));
    throw new ServiceError(
      'EXTEVAL_TEMPLATE_INVALID',
      { count: errors.length, first: texts[0] ?? '', firstEn: errors[0]?.code ?? '' },
      { problems: texts },
    );
  }
}

/** PUT /api/external-evaluations/template: the region's own template for a year and object kind. */
export async function setTemplate(
  db: Db,
  actor: Actor,
  q: { year: number; kind: ExtEvalObjectKind; region?: string | undefined },
  template: ExtEvalTemplate,
) {
  assertPermission(actor, 'externalEvaluation.manage');
  const regionCode = regionFor(actor, q.region);
  assertTemplate(template);
  await db.transaction(async (tx) => {
    const before = await repo.findTemplate(tx, regionCode, q.year, q.kind);
    const row = await repo.upsertTemplate(tx, {
      regionCode,
      fiscalYear: q.year,
      objectKind: q.kind,
      template,
      updatedBy: actor.userId,
    });
    await auditInTx(tx, actor, {
      action: 'externalEvaluation.template',
      entity: 'external_evaluation_templates',
      entityId: row.id,
      departmentCode: null,
      before: before?.template ?? null,
      after: template,
    });
  });
  return getTemplate(db, actor, q);
}

/** Initial inputs from data: the 预算执行率 row gets 实际支出 and 全年预算数 (the evaluator checks 到位资金). */
export function prefill(
  template: ExtEvalTemplate,
  money: { budget: string; spent: string },
): (ExtEvalInput | null)[] {
  return template.indicators.map((i) =>
    i.metric === 'budgetExecution'
      ? {
          kind: 'execution',
          spent: money.spent,
          available: money.budget,
          adjustedBudget: money.budget,
        }
      : null,
  );
}

export { EMPTY_EXT_EVAL_NARRATIVE };
