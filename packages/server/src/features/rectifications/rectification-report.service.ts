// The 整改报告 (.docx) of a department's evaluation year (or of one evaluation): counts by status, each item with
// its measures, result and 复核 opinion, and the 整改清单 annexed. Core builds the document; render/ makes bytes.
import {
  buildRectificationReport,
  countRectifications,
  type RectificationReportData,
} from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { writeDocument } from '../../render/document-writer.ts';
import { getDepartment } from '../departments/departments.service.ts';
import * as repo from './rectifications.repository.ts';
import { deadlineConfig } from './rectifications-raise.ts';
import { itemView, todayOf, type ItemView } from './rectifications.views.ts';
import { addDaysIso } from './rectification-dates.ts';

function reportItem(v: ItemView) {
  return {
    id: v.id,
    issueNo: v.issueNo,
    sourceText: v.sourceText,
    categoryText: v.categoryText,
    subject: v.projectName ?? '部门整体',
    problem: v.problem.replace(/[。；;.]+$/, ''),
    requirement: v.requirement,
    measures: v.measures.replace(/[。；;.]+$/, ''),
    owner: v.owner,
    deadline: v.deadline,
    statusText: v.status === 'closed' ? '已销号' : v.statusText,
    overdue: v.overdue,
    resultNote: v.resultNote.replace(/[。；;.]+$/, ''),
    reviewerOpinion: v.reviewerOpinion.replace(/[。；;.]+$/, ''),
    closedOn: v.closedAt ? todayOf(new Date(v.closedAt)) : null,
  };
}

export async function rectificationReportData(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  evaluationId: string | undefined,
  now: Date,
): Promise<RectificationReportData> {
  const dept = await getDepartment(db, actor, departmentCode);
  assertPermission(actor, 'rectification.read', dept);
  const today = todayOf(now);
  const rows = await repo.listItems(db, { departmentCode, year, evaluationId });
  const views = rows.map((r) => itemView(r, today));
  const config = await deadlineConfig(db, dept.regionCode, year);
  const firstNotice = views.map((v) => v.noticedOn ?? v.finalOn).sort()[0];
  return {
    regionCode: dept.regionCode,
    fiscalYear: year,
    departmentCode,
    departmentName: dept.name,
    evaluationLabel: `${String(year)}年度绩效评价（单位自评、财政审核及运行监控）`,
    items: views.map(reportItem),
    counts: countRectifications(views, today),
    dueOn: firstNotice ? addDaysIso(firstNotice, config.measureDays) : null,
    generatedAt: today,
    illustrative: views.some((v) => v.illustrative),
  };
}

/** GET /api/rectifications/report: the 整改报告 as .docx. */
export async function renderRectificationReport(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  evaluationId: string | undefined,
  now: Date,
): Promise<{ body: Buffer; fileName: string }> {
  const data = await rectificationReportData(db, actor, departmentCode, year, evaluationId, now);
  const body = await writeDocument({
    kind: 'report-docx',
    doc: buildRectificationReport(data),
  });
  return { body, fileName: `${data.departmentName}${String(year)}年度整改报告.docx` };
}
