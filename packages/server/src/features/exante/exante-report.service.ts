// The 事前绩效评估报告 (.docx, .pdf through LibreOffice) and the 事前绩效评估审核表 (.xlsx) of an item, built
// from its latest concluded (or, failing that, latest) version: core builds the document, render/ makes bytes.
import {
  EXANTE_ASSESSOR_TEXT,
  REQUIREMENT_REASON_TEXT,
  buildExAnteReport,
  buildExAnteReviewTable,
  buildExAnteScoreTable,
  exAnteReportTitle,
  formatWanYuan,
  parseYuan,
  scoreSheet,
  type ExAnteReportData,
} from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import { writeDocument } from '../../render/document-writer.ts';
import { convertDocxToPdf } from '../../render/pdf/convert-pdf.ts';
import * as repo from './exante.repository.ts';
import { loadItemFor } from './exante.access.ts';
import { ACTION_TEXT, requirementOf, rulesFor, templateOf } from './exante.views.ts';

export type ExAnteReportFormat = 'docx' | 'pdf' | 'xlsx';

export interface ExAnteFile {
  body: Buffer;
  fileName: string;
  contentType: string;
}

const CONTENT_TYPES: Record<ExAnteReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function exAnteReportData(
  db: Queryable,
  item: repo.ItemRow,
  now: Date,
): Promise<ExAnteReportData> {
  const versions = await repo.listVersions(db, item.id);
  const v =
    [...versions].reverse().find((x) => x.submittedAt !== null) ?? versions[versions.length - 1];
  if (!v) {
    throw new ServiceError('EXANTE_WRONG_STATE', {
      state: '未评分',
      stateEn: 'not scored',
      action: '生成评估报告',
      actionEn: 'produce a report',
    });
  }
  const rules = await rulesFor(db, item.regionCode, item.fiscalYear);
  const events = await repo.listEvents(db, item.id);
  const names = await repo.departmentNames(db, [item.departmentCode]);
  const reasons = requirementOf(item, rules).reasons.map((r) => REQUIREMENT_REASON_TEXT[r]);
  const opinions = events.filter(
    (e) =>
      (e.action === 'conclude' || e.action === 'return' || e.action === 'confirm') && e.opinion,
  );
  return {
    itemId: item.id,
    regionCode: item.regionCode,
    fiscalYear: item.fiscalYear,
    departmentCode: item.departmentCode,
    departmentName: names.get(item.departmentCode) ?? item.departmentCode,
    projectCode: item.projectCode,
    projectName: item.projectName,
    type: item.type,
    amountText: formatWanYuan(parseYuan(item.amount) ?? 0),
    background: item.background,
    content: item.content,
    fundingText: item.fundingText,
    goalText: item.goalText,
    goalIndicators: item.goalIndicators.map((g) => ({
      name: g.name,
      target: g.target,
      unit: g.unit,
    })),
    requirementText: reasons.length > 0 ? `该项目属于${reasons.join('、')}情形。` : '',
    assessorText: EXANTE_ASSESSOR_TEXT[v.assessor].zh,
    assessedByName: v.assessedByName,
    versionNo: v.versionNo,
    sheet: scoreSheet(templateOf(rules, item.type), v.scores, rules.ratingShares),
    summary: v.summary,
    suggestions: v.suggestions,
    procedure: events.map((e) => ({
      date: e.at.toISOString().slice(0, 10),
      actor: e.actorName,
      action: ACTION_TEXT[e.action],
      opinion: e.opinion,
    })),
    reviewOpinion: opinions[opinions.length - 1]?.opinion ?? null,
    confirmed: item.confirmed,
    generatedAt: now.toISOString(),
    illustrative: item.createdBy === 'demo',
  };
}

export async function renderExAnteFile(
  data: ExAnteReportData,
  format: ExAnteReportFormat,
  now: Date,
): Promise<ExAnteFile> {
  const base = exAnteReportTitle(data);
  if (format === 'xlsx') {
    const body = await writeDocument({
      kind: 'tables-xlsx',
      tables: [
        {
          title: `事前绩效评估审核表（${data.type === 'POLICY' ? '政策' : '项目'}）`,
          subtitle: `主管部门：${data.departmentName}`,
          table: buildExAnteReviewTable(data),
        },
        {
          title: `「${data.projectName}」事前绩效评估评分表`,
          subtitle: null,
          table: buildExAnteScoreTable(data),
        },
      ],
      options: { created: now, creator: data.departmentName },
    });
    return {
      body,
      fileName: `${data.fiscalYear}年度「${data.projectName}」事前绩效评估审核表.xlsx`,
      contentType: CONTENT_TYPES.xlsx,
    };
  }
  const docx = await writeDocument({ kind: 'report-docx', doc: buildExAnteReport(data) });
  if (format === 'docx') {
    return { body: docx, fileName: `${base}.docx`, contentType: CONTENT_TYPES.docx };
  }
  const pdf = await convertDocxToPdf(docx);
  if (!pdf.ok) {
    throw new ServiceError('UNAVAILABLE', {
      message: pdf.error.message.zh,
      messageEn: pdf.error.message.en,
    });
  }
  return { body: pdf.value, fileName: `${base}.pdf`, contentType: CONTENT_TYPES.pdf };
}

/** GET /api/exante/items/{id}/report?format=docx|pdf|xlsx. */
export async function renderExAnteReport(
  db: Db,
  actor: Actor,
  id: string,
  format: ExAnteReportFormat,
  now: Date,
): Promise<ExAnteFile> {
  const item = await loadItemFor(db, actor, id, 'exante.read');
  return renderExAnteFile(await exAnteReportData(db, item, now), format, now);
}

/** The CLI's form: by department, year and project code. */
export async function renderExAnteReportFor(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  projectCode: string,
  format: ExAnteReportFormat,
  now: Date,
): Promise<ExAnteFile> {
  const [item] = await repo.findItemsByCodes(db, departmentCode, year, [projectCode]);
  if (!item) {
    throw notFound(
      `${departmentCode} ${year} 年度项目「${projectCode}」的事前绩效评估`,
      `Ex-ante assessment of ${projectCode}`,
    );
  }
  return renderExAnteReport(db, actor, item.id, format, now);
}
