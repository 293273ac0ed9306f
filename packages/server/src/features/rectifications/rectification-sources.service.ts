// The 整改清单 fed from what the system already holds for a department and year: the problems of the
// self-evaluation report (四、存在的问题 with its measures), the bureau's review findings and return comments on
// self-evaluations, and monitoring warnings answered with 纠偏措施. Raised once each (source + sourceRef).
import { isRectificationDate } from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { ServiceError } from '../../http/service-error.ts';
import { getDepartment } from '../departments/departments.service.ts';
import * as repo from './rectifications.repository.ts';
import { raiseRectificationItems, type RaiseItem } from './rectifications-raise.ts';
import { todayOf } from './rectifications.views.ts';

type Base = Pick<RaiseItem, 'regionCode' | 'fiscalYear' | 'departmentCode'>;

const dateOf = (d: Date | null, fallback: string): string => (d ? todayOf(d) : fallback);
/** "2025-03-31" or "2025年3月31日" as an ISO date; undefined for anything else. */
function isoDay(s: string): string | undefined {
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    return t;
  }
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  return m ? `${m[1]!}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
}

function deadlineOf(text: string, finalOn: string): string | undefined {
  const day = isoDay(text);
  return day && day >= finalOn && isRectificationDate(day) ? day : undefined;
}

function fromReport(
  base: Base,
  problems: Awaited<ReturnType<typeof repo.findNarrativeProblems>>,
  evaluation: repo.EvaluationSourceRow | undefined,
  finalOn: string,
): RaiseItem[] {
  return problems
    .filter((p) => p.text.trim())
    .map((p, i) => ({
      ...base,
      source: 'selfReport' as const,
      sourceRef: `report:${base.departmentCode}:${String(base.fiscalYear)}:${String(i + 1)}`,
      evaluationId: evaluation?.id ?? null,
      problem: p.text,
      measures: p.measure,
      owner: p.owner,
      requirement: p.measure ? `按自评报告所列措施整改：${p.measure}` : '',
      finalOn,
      deadline: deadlineOf(p.deadline, finalOn),
    }));
}

function fromReviews(
  base: Base,
  evaluations: repo.EvaluationSourceRow[],
  today: string,
): RaiseItem[] {
  const out: RaiseItem[] = [];
  for (const e of evaluations) {
    const finalOn = dateOf(e.reviewedAt, today);
    const common = { ...base, projectId: e.projectId, evaluationId: e.id, finalOn };
    (e.reviewFindings ?? [])
      .filter((f) => f.severity !== 'low' && f.message.trim())
      .forEach((f, i) => {
        out.push({
          ...common,
          source: 'reviewFinding',
          sourceRef: `finding:${e.id}:${String(i + 1)}`,
          indicatorRef: f.line === null ? null : `第 ${String(f.line)} 行`,
          problem: f.message,
          requirement: '按财政审核意见修改完善',
        });
      });
    if (e.status === 'returned' && e.reviewComment?.trim() && e.reviewedAt) {
      out.push({
        ...common,
        source: 'returnComment',
        sourceRef: `return:${e.id}:${e.reviewedAt.toISOString()}`,
        problem: e.reviewComment,
        requirement: '按财政退回意见修改后重新报送',
      });
    }
  }
  return out;
}

function fromMonitoring(
  base: Base,
  rows: Awaited<ReturnType<typeof repo.listMonitoringMeasures>>,
  today: string,
): RaiseItem[] {
  return rows.map((m) => {
    const project = /^(?:budget|goal):(.+)$/.exec(m.subjectKey)?.[1];
    return {
      ...base,
      projectId: project && project !== 'department' ? project : null,
      source: 'monitoring' as const,
      sourceRef: `monitoring:${m.id}`,
      category: 'process' as const,
      indicatorRef: `${String(m.cutoffMonth)} 月监控 ${m.level ?? ''}`.trim(),
      problem: m.deviationNote?.trim() || `运行监控预警（${m.level ?? '—'}）`,
      measures: m.measures ?? '',
      requirement: '落实纠偏措施',
      finalOn: dateOf(m.submittedAt, today),
    };
  });
}

/**
 * POST /api/rectifications/collect: the bureau puts every problem found for a department-year on the list.
 * Returns how many new items were raised (those raised before are skipped).
 */
export async function collectRectifications(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  now: Date,
): Promise<{ created: number; ids: string[] }> {
  const dept = await getDepartment(db, actor, departmentCode);
  assertPermission(actor, 'rectification.review', dept);
  const today = todayOf(now);
  const base: Base = { regionCode: dept.regionCode, fiscalYear: year, departmentCode };
  const [problems, evaluations, monitoring] = await Promise.all([
    repo.findNarrativeProblems(db, departmentCode, year),
    repo.listSelfEvaluations(db, departmentCode, year),
    repo.listMonitoringMeasures(db, departmentCode, year),
  ]);
  const done = evaluations.filter((e) => e.status !== 'draft');
  if (problems.length > 0 && done.length === 0 && monitoring.length === 0) {
    throw new ServiceError('RECTIFICATION_SOURCE_NOT_READY', {
      what: `${dept.name} ${String(year)} 年度自评`,
      whatEn: `The ${String(year)} self-evaluation of ${dept.code}`,
    });
  }
  const deptEval = done.find((e) => e.projectId === null) ?? done[0];
  const finalOn = dateOf(deptEval?.reviewedAt ?? deptEval?.submittedAt ?? null, today);
  const items = [
    ...(done.length > 0 ? fromReport(base, problems, deptEval, finalOn) : []),
    ...fromReviews(base, done, today),
    ...fromMonitoring(base, monitoring, today),
  ];
  const taken = await repo.sourceRefsTaken(
    db,
    items.map((i) => i.sourceRef ?? ''),
  );
  const fresh = items.filter((i) => !taken.has(i.sourceRef ?? ''));
  const rows = await db.transaction((tx) => raiseRectificationItems(tx, actor, fresh, now));
  return { created: rows.length, ids: rows.map((r) => r.id) };
}
