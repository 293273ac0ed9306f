// The department's responses to its monitoring warnings (reasons, likelihood, measures) and the submission of
// the form, which needs a complete response to every red and yellow warning. The response rules are core's
// (monitoring/responses.ts); each change is one transaction with its audit entry.
import type { CompletionLikelihood, DeviationReason } from '@jixiao/core';
import { missingResponseParts, responseProblems } from '@jixiao/core/monitoring/responses';
import type { Db, Queryable } from '../../db/open-db.ts';
import * as monRepo from './monitoring.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCanEdit } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError } from '../../http/service-error.ts';
import { loadMonitoringConfig } from '../execution/execution.service.ts';
import { computeMonitoring } from './monitoring-compute.ts';
import type { Coloured, MonitoringReport } from './monitoring.types.ts';

export interface ResponseInput {
  subjectKey: string;
  deviationReasons?: DeviationReason[];
  deviationNote?: string | null;
  completionLikelihood?: CompletionLikelihood | null;
  measures?: string | null;
  expectedAnnual?: string | null;
}

type Subject = Coloured & { v: string | null; label: string };

function allSubjects(r: MonitoringReport): Map<string, Subject> {
  const m = new Map<string, Subject>();
  m.set(r.department.subjectKey, { ...r.department, label: r.department.name });
  for (const p of r.projects) {
    m.set(p.subjectKey, { ...p, label: `${p.name}（预算执行）` });
  }
  for (const g of r.goals) {
    m.set(g.subjectKey, { ...g, v: null, label: `${g.projectName}（目标执行）` });
  }
  for (const i of r.indicators) {
    m.set(i.subjectKey, { ...i, label: `${i.projectName}：${i.name}` });
  }
  return m;
}

async function openRound(
  tx: Queryable,
  dept: { code: string; regionCode: string },
  year: number,
  month: number,
): Promise<monRepo.MonitoringRoundRow> {
  const existing = await monRepo.findRound(tx, dept.code, year, month);
  const round =
    existing ??
    (await monRepo.insertRound(tx, {
      regionCode: dept.regionCode,
      fiscalYear: year,
      departmentCode: dept.code,
      cutoffMonth: month,
    }));
  const locked = await monRepo.lockRound(tx, round.id);
  if (locked?.status === 'submitted') {
    throw new ServiceError('MONITORING_FORM_SUBMITTED', { year, month });
  }
  return locked ?? round;
}

/** The department, writable by the actor, at one of the year's cut-off months. */
async function editableDepartmentAt(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  month: number,
) {
  const dept = await getDepartment(db, actor, departmentCode);
  assertCanEdit(actor, dept);
  const config = await loadMonitoringConfig(db, dept.regionCode, year);
  if (!config.cutoffMonths.includes(month)) {
    throw new ServiceError('MONITORING_MONTH_NOT_CUTOFF', {
      month,
      year,
      months: config.cutoffMonths.join('、'),
      monthsEn: config.cutoffMonths.join(', '),
    });
  }
  return dept;
}

function assertResponsesValid(
  inputs: readonly ResponseInput[],
  subjects: Map<string, Subject>,
): void {
  const problems = responseProblems(inputs, new Set(subjects.keys()));
  if (problems.length > 0) {
    throw new ServiceError(
      'MONITORING_RESPONSES_INVALID',
      { count: problems.length, problems: problems.map((p) => p.message).join('；') },
      { problems },
    );
  }
}

async function upsertResponses(
  tx: Queryable,
  actor: Actor,
  round: monRepo.MonitoringRoundRow,
  subjects: Map<string, Subject>,
  inputs: readonly ResponseInput[],
): Promise<void> {
  for (const [n, i] of inputs.entries()) {
    const s = subjects.get(i.subjectKey)!;
    await monRepo.upsertItem(tx, {
      regionCode: round.regionCode,
      fiscalYear: round.fiscalYear,
      departmentCode: round.departmentCode,
      roundId: round.id,
      subjectKey: i.subjectKey,
      level: s.level,
      v: s.v,
      deviationReasons: [...new Set(i.deviationReasons ?? [])],
      deviationNote: i.deviationNote?.trim() || null,
      completionLikelihood: i.completionLikelihood ?? null,
      measures: i.measures?.trim() || null,
      expectedAnnual: i.expectedAnnual?.trim() || null,
      sort: n,
      updatedBy: actor.userId,
    });
  }
}

/** PUT …/monitoring/{month}/responses: records the department's responses (reasons, likelihood, measures). */
export async function saveResponses(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  month: number,
  inputs: readonly ResponseInput[],
): Promise<MonitoringReport> {
  const dept = await editableDepartmentAt(db, actor, departmentCode, year, month);
  await db.transaction(async (tx) => {
    const subjects = allSubjects(await computeMonitoring(tx, dept, year, month));
    assertResponsesValid(inputs, subjects);
    const round = await openRound(tx, dept, year, month);
    const before = await monRepo.listItems(tx, round.id);
    await upsertResponses(tx, actor, round, subjects, inputs);
    await monRepo.updateRound(tx, round.id, { updatedAt: new Date() });
    await auditInTx(tx, actor, {
      action: 'monitoring.respond',
      entity: 'monitoring_rounds',
      entityId: round.id,
      departmentCode: dept.code,
      before: before
        .filter((b) => inputs.some((i) => i.subjectKey === b.subjectKey))
        .map((b) => ({
          subjectKey: b.subjectKey,
          deviationReasons: b.deviationReasons,
          completionLikelihood: b.completionLikelihood,
          measures: b.measures,
        })),
      after: inputs,
    });
  });
  return computeMonitoring(db, dept, year, month);
}

/** Refuse the submission while a red or yellow warning (of a project or indicator) lacks its response. */
function assertResponsesComplete(report: MonitoringReport): void {
  const missing: { subjectKey: string; label: string; missing: string[] }[] = [];
  for (const [key, s] of allSubjects(report)) {
    if (!s.needsResponse || key.startsWith('goal:') || key === 'budget:department') {
      continue;
    }
    const lacks = missingResponseParts(s.response);
    if (lacks.length > 0) {
      missing.push({ subjectKey: key, label: s.label, missing: lacks });
    }
  }
  if (missing.length > 0) {
    const items = missing.map((x) => `${x.label}（缺${x.missing.join('、')}）`).join('；');
    throw new ServiceError(
      'MONITORING_RESPONSES_MISSING',
      { count: missing.length, items },
      { missing },
    );
  }
}

/** POST …/monitoring/{month}/submit: every red and yellow warning must have its reasons, likelihood and measures. */
export async function submitMonitoring(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  month: number,
  now: Date,
): Promise<MonitoringReport> {
  const dept = await editableDepartmentAt(db, actor, departmentCode, year, month);
  await db.transaction(async (tx) => {
    const report = await computeMonitoring(tx, dept, year, month);
    assertResponsesComplete(report);
    const round = await openRound(tx, dept, year, month);
    await monRepo.updateRound(tx, round.id, {
      status: 'submitted',
      submittedAt: now,
      submittedBy: actor.userId,
      updatedAt: now,
    });
    await auditInTx(tx, actor, {
      action: 'monitoring.submit',
      entity: 'monitoring_rounds',
      entityId: round.id,
      departmentCode: dept.code,
      before: { status: round.status },
      after: { status: 'submitted', month, warnings: report.warnings },
    });
  });
  return computeMonitoring(db, dept, year, month);
}
