// The self-evaluation report (自评报告): data → document model (core) → .docx / .md / .html / .xlsx /
// .pdf / .txt; and the user's paragraph overrides, kept across regenerations.
import {
  allParagraphs,
  buildSelfEvaluationReport,
  renderMarkdown,
  renderPlainText,
  type ReportDocument,
} from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import { VersionedCache } from '../../db/versioned-cache.ts';
import * as repo from './reports.repository.ts';
import { renderReportOffloaded } from './report-offload.ts';
import { convertDocxToPdf } from '../../render/pdf/convert-pdf.ts';
import { writeDocument } from '../../render/document-writer.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCanEdit } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError } from '../../http/service-error.ts';
import { loadReportData } from './report-data.service.ts';

export const REPORT_FORMATS = ['docx', 'pdf', 'md', 'html', 'xlsx', 'txt'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain; charset=utf-8',
};

export interface RenderedReport {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export async function buildReportDocument(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  now: Date,
): Promise<ReportDocument> {
  const data = await loadReportData(db, actor, departmentCode, year, now);
  return buildSelfEvaluationReport(data);
}

/** Rendered reports, until the next write (db/versioned-cache.ts) or the next day (the report is dated). */
const rendered = new VersionedCache<RenderedReport>(48);

export async function renderReport(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  format: ReportFormat,
  now: Date,
): Promise<RenderedReport> {
  const dept = await getDepartment(db, actor, departmentCode); // the access check, before anything cached
  const day = now.toISOString().slice(0, 10);
  return rendered.get(db, `${dept.code}|${year}|${format}|${day}`, () =>
    renderUncached(db, actor, dept.code, year, format, now),
  );
}

async function renderUncached(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  format: ReportFormat,
  now: Date,
): Promise<RenderedReport> {
  const data = await loadReportData(db, actor, departmentCode, year, now);
  const doc = () => buildSelfEvaluationReport(data); // md and txt only: docx and html render in a worker
  const base = `${year}年度${data.department.name}整体支出绩效自评报告`;
  const make = (body: Buffer | string, ext: string, name = base): RenderedReport => ({
    body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    contentType: CONTENT_TYPES[format],
    fileName: `${name}.${ext}`,
  });
  switch (format) {
    case 'docx':
      return make(await renderReportOffloaded(data, 'docx'), 'docx');
    case 'md':
      return make(renderMarkdown(doc()), 'md');
    case 'html':
      return make(await renderReportOffloaded(data, 'html'), 'html');
    case 'txt':
      return make(renderPlainText(doc()), 'txt');
    case 'xlsx':
      return make(
        await writeDocument({ kind: 'self-evaluation-xlsx', data }),
        'xlsx',
        `${year}年度${data.department.name}绩效自评表`,
      );
    case 'pdf': {
      const pdf = await convertDocxToPdf(await renderReportOffloaded(data, 'docx'));
      if (!pdf.ok) {
        throw new ServiceError('UNAVAILABLE', {
          message: pdf.error.message.zh,
          messageEn: pdf.error.message.en,
        });
      }
      return make(pdf.value, 'pdf');
    }
  }
}

/** Overwrite one paragraph of the report (by its stable key); kept across regenerations. */
export async function setParagraphOverride(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  key: string,
  text: string,
  now: Date,
): Promise<void> {
  const dept = await getDepartment(db, actor, departmentCode);
  assertCanEdit(actor, dept);
  const doc = await buildReportDocument(db, actor, departmentCode, year, now);
  if (!allParagraphs(doc).some((p) => p.key === key)) {
    throw new ServiceError('PARAGRAPH_UNKNOWN', { key });
  }
  await db.transaction(async (tx) => {
    const before = await repo.findOverride(tx, departmentCode, year, key);
    await repo.saveOverride(
      tx,
      {
        regionCode: dept.regionCode,
        fiscalYear: year,
        departmentCode,
        paragraphKey: key,
        text,
        updatedBy: actor.userId,
        updatedAt: now,
      },
      before !== null,
    );
    await auditInTx(tx, actor, {
      action: 'report.paragraph.set',
      entity: 'report_overrides',
      entityId: `${departmentCode}/${year}/${key}`,
      departmentCode,
      before: before?.text ?? null,
      after: text,
    });
  });
}

/** Revert a paragraph to the generated text. */
export async function clearParagraphOverride(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  key: string,
): Promise<void> {
  const dept = await getDepartment(db, actor, departmentCode);
  assertCanEdit(actor, dept);
  await db.transaction(async (tx) => {
    const before = await repo.findOverride(tx, departmentCode, year, key);
    if (!before) {
      throw new ServiceError('PARAGRAPH_NOT_OVERRIDDEN', { key });
    }
    await repo.deleteOverride(tx, departmentCode, year, key);
    await auditInTx(tx, actor, {
      action: 'report.paragraph.clear',
      entity: 'report_overrides',
      entityId: `${departmentCode}/${year}/${key}`,
      departmentCode,
      before: before.text,
      after: null,
    });
  });
}
