// The worker side of document-writer.ts, run on a pooled thread that keeps this module (the server's warm thread
// preloads it, with exceljs and docx): a job's plain data → the feature's builder → the file's bytes.
import type { OffloadHandler } from '../offload/offload.ts';
import { ServiceError } from '../http/service-error.ts';
import { renderAnnexesDocx, renderDocx } from './docx/render-docx.ts';
import { renderSelfEvaluationXlsx, renderTablesXlsx } from './xlsx/render-tables-xlsx.ts';
import { writeLinkageWorkbook } from '../features/linkage/linkage-xlsx.ts';
import { renderMonitoringXlsx } from '../features/monitoring/monitoring-form-xlsx.ts';
import { renderMonitoringDocx } from '../features/monitoring/monitoring-form-docx.ts';
import { buildTemplate } from '../features/templates/templates-xlsx.ts';
import {
  writeImportTemplate,
  writeProjectsWorkbook,
} from '../features/investment/investment-workbook.ts';
import { zipFiles } from '../features/publication/publication-zip.ts';
import { zipFilesToDisk } from '../features/reports/district-zip.ts';
import type { DocumentAnswer, DocumentJob, DocumentTask } from './document-writer.ts';

async function write(job: DocumentJob): Promise<Uint8Array> {
  switch (job.kind) {
    case 'report-docx':
      return renderDocx(job.doc);
    case 'annexes-docx':
      return renderAnnexesDocx(job.doc, job.annexes);
    case 'tables-xlsx':
      return renderTablesXlsx(job.tables, job.options);
    case 'self-evaluation-xlsx':
      return renderSelfEvaluationXlsx(job.data);
    case 'linkage-xlsx':
      return writeLinkageWorkbook(job.table, job.now);
    case 'monitoring-xlsx':
      return renderMonitoringXlsx(job.report, job.created);
    case 'monitoring-docx':
      return renderMonitoringDocx(job.report);
    case 'template-xlsx':
      return buildTemplate(job.template, job.options);
    case 'investment-projects-xlsx':
      return writeProjectsWorkbook(job.projects, job.now);
    case 'investment-template-xlsx':
      return writeImportTemplate(job.unitNames, job.now);
    case 'zip':
      return zipFiles(job.files, job.date);
    case 'zip-to-file':
      await zipFilesToDisk(job.entries, job.out);
      return new Uint8Array(0);
  }
}

async function run(task: DocumentTask): Promise<DocumentAnswer> {
  if (task.gate) {
    Atomics.wait(new Int32Array(task.gate), 0, 0);
  }
  try {
    return { ok: true, body: await write(task.job) };
  } catch (e) {
    if (e instanceof ServiceError) {
      const params = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, String(v)]));
      return { ok: false, code: e.code, params, details: e.details };
    }
    throw e; // a bug: the pool replaces the thread, the caller answers REPORT_RENDER_FAILED
  }
}

export const handle: OffloadHandler<DocumentTask, DocumentAnswer> = run;
