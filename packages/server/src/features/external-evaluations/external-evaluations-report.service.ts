// The 绩效评价报告 of an external evaluation (.docx, .pdf through LibreOffice): core builds the document from the
// stored evaluation (every figure from data), render/ makes the bytes — the pipeline of the self-evaluation and
// ex-ante reports. Available once the sheet is submitted (a draft notice until the bureau concludes).
import {
  buildExtEvalReport,
  executionRates,
  extEvalReportTitle,
  formatWanYuan,
  parseYuan,
  roundHalfUp2,
  type ExtEvalReportData,
} from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { ServiceError } from '../../http/service-error.ts';
import { writeDocument } from '../../render/document-writer.ts';
import { convertDocxToPdf } from '../../render/pdf/convert-pdf.ts';
import * as repo from './external-evaluations.repository.ts';
import { loadFor } from './external-evaluations.access.ts';
import { STATUS_TEXT, defOf, namesOf, sheetOf } from './external-evaluations.views.ts';

export type ExtEvalReportFormat = 'docx' | 'pdf';

export interface ExtEvalFile {
  body: Buffer;
  fileName: string;
  contentType: string;
}

const CONTENT_TYPES: Record<ExtEvalReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** 扣分理由, with the 评分依据 of a manual score. */
function reasonOf(r: repo.IndicatorRow): string {
  const note = r.input?.kind === 'manual' ? r.input.note.trim() : '';
  return note
    ? [r.deductionReason, `评分依据：${note}`].filter(Boolean).join('；')
    : r.deductionReason;
}

const wan = (yuan: string) => formatWanYuan(parseYuan(yuan) ?? 0);

function ratesOf(rows: repo.IndicatorRow[]): ExtEvalReportData['executionRates'] {
  const input = rows.find((r) => r.metric === 'budgetExecution')?.input;
  if (input?.kind !== 'execution') {
    return null;
  }
  const r = executionRates(input);
  const fmt = (x: typeof r.byAvailable) => (x ? roundHalfUp2(x).toFixed(2) : null);
  return { byAvailable: fmt(r.byAvailable), byAdjustedBudget: fmt(r.byAdjustedBudget) };
}

export async function extEvalReportData(
  db: Queryable,
  ev: repo.EvaluationRow,
  now: Date,
): Promise<ExtEvalReportData> {
  if (!ev.total || !ev.grade || (ev.status !== 'submitted' && ev.status !== 'concluded')) {
    throw new ServiceError('EXTEVAL_WRONG_STATE', {
      state: STATUS_TEXT[ev.status].zh,
      stateEn: STATUS_TEXT[ev.status].en,
      action: '生成绩效评价报告',
      actionEn: 'produce the report',
    });
  }
  const rows = await repo.listIndicators(db, ev.id);
  const sheet = sheetOf(ev, rows);
  const names = await namesOf(db, ev);
  const money = await repo.moneyOf(db, ev.departmentCode, ev.fiscalYear, ev.projectId);
  return {
    evaluationId: ev.id,
    regionCode: ev.regionCode,
    fiscalYear: ev.fiscalYear,
    departmentCode: ev.departmentCode,
    departmentName: names.departmentName,
    objectKind: ev.projectId ? 'project' : 'department',
    objectName: ev.objectName,
    projectCode: names.projectCode,
    budgetText: wan(money.budget),
    spentText: wan(money.spent),
    evaluatorText: ev.evaluatorKind === 'thirdParty' ? names.evaluatorName : '财政部门（自行评价）',
    weights: ev.weights,
    executionFormula: ev.executionFormula,
    executionRates: ratesOf(rows),
    rows: rows.map((r, i) => ({
      ...defOf(r),
      position: r.position,
      score: sheet.rows[i]?.score ?? '0.00',
      deductionReason: reasonOf(r),
      evidence: r.evidence,
    })),
    dimensions: sheet.dimensions,
    total: ev.total,
    grade: ev.grade,
    narrative: ev.narrative,
    findings: ev.findings,
    conclusionOpinion: ev.status === 'concluded' ? ev.conclusionOpinion : null,
    concluded: ev.status === 'concluded',
    generatedAt: now.toISOString(),
  };
}

export async function renderExtEvalFile(
  data: ExtEvalReportData,
  format: ExtEvalReportFormat,
): Promise<ExtEvalFile> {
  const base = extEvalReportTitle(data);
  const docx = await writeDocument({ kind: 'report-docx', doc: buildExtEvalReport(data) });
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

/** GET /api/external-evaluations/{id}/report?format=docx|pdf (also the CLI's `jixiao evaluation report`). */
export async function renderExtEvalReport(
  db: Db,
  actor: Actor,
  id: string,
  format: ExtEvalReportFormat,
  now: Date,
): Promise<ExtEvalFile> {
  const ev = await loadFor(db, actor, id, 'read');
  return renderExtEvalFile(await extEvalReportData(db, ev, now), format);
}
