// The files of a publication package (full-cycle-rules §C.3): the 部门整体支出绩效自评报告 (with its annexes), the
// 部门整体支出绩效自评表 and every project's 项目支出绩效自评表 as PDF (the report's own renderers: core's document
// model → .docx → LibreOffice), the external evaluations' reports when there are any, and a 清单 (manifest) with
// each file's size and sha256. The zip is built from the frozen files, so the same package gives the same bytes.
import { createHash } from 'node:crypto';
import {
  buildExtEvalReport,
  buildSelfEvaluationReport,
  extEvalReportTitle,
  type ReportDocument,
} from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import type { PublicationFileKind } from '../../db/schema/publication.ts';
import { writeDocument } from '../../render/document-writer.ts';
import { convertDocxToPdf } from '../../render/pdf/convert-pdf.ts';
import { ServiceError } from '../../http/service-error.ts';
import { loadReportData } from '../reports/report-data.service.ts';
import { listEvaluations } from '../external-evaluations/external-evaluations.repository.ts';
import { extEvalReportData } from '../external-evaluations/external-evaluations-report.service.ts';

export interface PackageFile {
  kind: PublicationFileKind;
  /** Project code for a project's 自评表; null for the department's files. */
  projectCode: string | null;
  title: string;
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** Turns a .docx into the published file: PDF by default; tests may keep the .docx (no LibreOffice run). */
export type DocxConverter = (docx: Buffer) => Promise<{ body: Buffer; ext: string; type: string }>;

export const PDF_TYPE = 'application/pdf';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const toPdf: DocxConverter = async (docx) => {
  const pdf = await convertDocxToPdf(docx);
  if (!pdf.ok) {
    throw new ServiceError('UNAVAILABLE', {
      message: pdf.error.message.zh,
      messageEn: pdf.error.message.en,
    });
  }
  return { body: pdf.value, ext: 'pdf', type: PDF_TYPE };
};

export const keepDocx: DocxConverter = (docx) =>
  Promise.resolve({ body: docx, ext: 'docx', type: DOCX_TYPE });

export function sha256(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/** File names safe on every desktop: no path separators or characters Windows refuses. */
function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '');
}

function numbered(i: number, name: string, ext: string): string {
  return `${String(i).padStart(2, '0')}-${safeName(name)}.${ext}`;
}

async function reportFiles(doc: ReportDocument, convert: DocxConverter): Promise<PackageFile[]> {
  const report = await convert(await writeDocument({ kind: 'report-docx', doc }));
  // One annex after another on the pool (a lane's queue is short), then converted side by side as before.
  const head = { title: doc.title, meta: doc.meta };
  const annexDocx: Buffer[] = [];
  for (const a of doc.annexes) {
    annexDocx.push(await writeDocument({ kind: 'annexes-docx', doc: head, annexes: [a] }));
  }
  const annexFiles = await Promise.all(
    doc.annexes.map(async (a, i) => ({ a, out: await convert(annexDocx[i]!) })),
  );
  return [
    {
      kind: 'departmentReport',
      projectCode: null,
      title: doc.title,
      fileName: numbered(1, doc.title, report.ext),
      contentType: report.type,
      body: report.body,
    },
    ...annexFiles.map(({ a, out }, i) => ({
      kind: (i === 0 ? 'departmentTable' : 'projectTable') as PublicationFileKind,
      projectCode: i === 0 ? null : a.table.key.replace(/^annex\.project\./, ''),
      title: a.title,
      fileName: numbered(i + 2, a.title, out.ext),
      contentType: out.type,
      body: out.body,
    })),
  ];
}

/** 清单.txt: what the package holds, each file's size and sha256, when and for whom it was prepared. */
export function manifest(
  doc: Pick<ReportDocument, 'meta'>,
  files: readonly PackageFile[],
  preparedAt: Date,
): PackageFile {
  const lines = [
    `${doc.meta.fiscalYear}年度${doc.meta.departmentName}绩效信息公开材料清单`,
    `部门编码：${doc.meta.departmentCode}`,
    `生成时间：${preparedAt.toISOString()}`,
    '',
    ...files.map(
      (f, i) =>
        `${i + 1}. ${f.title}\t${f.fileName}\t${f.body.length} 字节\tsha256 ${sha256(f.body)}`,
    ),
    '',
  ];
  return {
    kind: 'manifest',
    projectCode: null,
    title: '公开材料清单',
    fileName: `${String(files.length + 1).padStart(2, '0')}-清单.txt`,
    contentType: 'text/plain; charset=utf-8',
    body: Buffer.from(lines.join('\r\n'), 'utf8'),
  };
}

/** The 绩效评价报告 of every concluded external evaluation (财政重点评价 / 部门评价) of the department-year. */
async function externalReportFiles(
  db: Db,
  departmentCode: string,
  year: number,
  now: Date,
  convert: DocxConverter,
  first: number,
): Promise<PackageFile[]> {
  const concluded = (await listEvaluations(db, { departmentCode, year })).filter(
    (e) => e.status === 'concluded',
  );
  const out: PackageFile[] = [];
  for (const ev of concluded) {
    const data = await extEvalReportData(db, ev, now);
    const title = extEvalReportTitle(data);
    const file = await convert(
      await writeDocument({ kind: 'report-docx', doc: buildExtEvalReport(data) }),
    );
    out.push({
      kind: 'externalReport',
      projectCode: data.projectCode,
      title,
      fileName: numbered(first + out.length, title, file.ext),
      contentType: file.type,
      body: file.body,
    });
  }
  return out;
}

/** Renders the department-year's package (the data as it stands now). */
export async function buildPackageFiles(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  now: Date,
  convert: DocxConverter,
): Promise<PackageFile[]> {
  const data = await loadReportData(db, actor, departmentCode, year, now);
  const doc = buildSelfEvaluationReport(data);
  const own = await reportFiles(doc, convert);
  const external = await externalReportFiles(
    db,
    departmentCode,
    year,
    now,
    convert,
    own.length + 1,
  );
  const files = [...own, ...external];
  return [...files, manifest(doc, files, now)];
}

/** The zip of frozen files, in their order; fixed timestamps so the same files give the same zip. */
export async function zipFiles(
  files: readonly { fileName: string; body: Buffer }[],
  date: Date,
): Promise<Buffer> {
  return writeDocument({ kind: 'zip', files, date });
}
