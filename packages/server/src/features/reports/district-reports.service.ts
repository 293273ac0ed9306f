// 全区自评报告打包: every department's self-evaluation report of a year as one zip — .docx for each, and PDF when
// LibreOffice is installed — for the finance bureau of that region (and the server's CLI). The reports' data is read
// here; the .docx are rendered in bounded workers a few departments at a time (report-offload.ts), the PDFs by a
// pool of LibreOffice processes (render/pdf/pdf-pool.ts). Files are written under `workDir` (the caller's temp area
// in the data directory), the zip last; the export is recorded in the audit log before any work starts.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DepartmentReportData } from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import { isCli, type Actor } from '../../auth/actor.ts';
import { accessDenied, requireRole } from '../../auth/access.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { ServiceError } from '../../http/service-error.ts';
import { writeZipFile } from '../../render/document-writer.ts';
import { isPdfAvailable } from '../../render/pdf/convert-pdf.ts';
import { convertDocxFilesToPdf } from '../../render/pdf/pdf-pool.ts';
import { listDepartments } from '../departments/departments.service.ts';
import { findRegion } from '../departments/departments.repository.ts';
import { loadReportData } from './report-data.service.ts';
import { renderDocxBatchOffloaded } from './report-offload.ts';

/** Departments rendered per worker: one worker start per batch, and other heavy work gets a turn in between. */
export const DISTRICT_BATCH = 8;

export type DistrictPhase = 'word' | 'pdf' | 'zip' | 'done';

export interface DistrictProgress {
  phase: DistrictPhase;
  /** Steps done of `total`: one per department's .docx, one per PDF, one for the zip. */
  done: number;
  total: number;
}

export interface DistrictZipOptions {
  /** An empty folder of the data directory's temp area; the zip and its parts are written there. */
  workDir: string;
  now: Date;
  onProgress?: (p: DistrictProgress) => void;
}

export interface DistrictZip {
  zipPath: string;
  fileName: string;
  departments: number;
  pdfs: number;
}

/** The finance bureau of the region (or the server's CLI); everyone else is refused (and logged). */
export function assertMayExportDistrict(actor: Actor, region: string): void {
  if (isCli(actor)) {
    return;
  }
  requireRole(actor, 'financeReviewer');
  if (actor.regionCode !== region) {
    throw accessDenied('department', null);
  }
}

function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '');
}

async function departmentsOf(db: Db, actor: Actor, region: string, year: number) {
  const depts = (await listDepartments(db, actor)).filter(
    (d) => d.regionCode === region && d.years.includes(year),
  );
  if (depts.length === 0) {
    throw new ServiceError('DISTRICT_REPORTS_NONE', { region, year });
  }
  return depts;
}

/** What a district zip covers, checked and audited before any work (refusals come back at once). */
export interface DistrictPlan {
  region: string;
  year: number;
  departments: { code: string; name: string }[];
  pdf: boolean;
}

/** Access, the departments of the year, and the audit entry of the export. */
export async function planDistrictZip(
  db: Db,
  actor: Actor,
  o: { region: string; year: number; pdf?: boolean },
): Promise<DistrictPlan> {
  assertMayExportDistrict(actor, o.region);
  const depts = await departmentsOf(db, actor, o.region, o.year);
  const pdf = (o.pdf ?? true) && isPdfAvailable();
  await recordAudit(db, actor, {
    action: 'report.district.export',
    entity: 'regions',
    entityId: `${o.region}/${o.year}`,
    departmentCode: null,
    before: null,
    after: { year: o.year, departments: depts.map((d) => d.code), pdf },
  });
  return { region: o.region, year: o.year, departments: depts, pdf };
}

/** Writes the zip of every department's report of the plan; resolves with where it is. */
export async function buildDistrictZip(
  db: Db,
  actor: Actor,
  plan: DistrictPlan,
  o: DistrictZipOptions,
): Promise<DistrictZip> {
  const depts = plan.departments;
  const total = depts.length * (plan.pdf ? 2 : 1) + 1;
  const report = (phase: DistrictPhase, done: number) => o.onProgress?.({ phase, done, total });
  report('word', 0);
  const docxFiles = await writeWordFiles(db, actor, plan, o, (n) => report('word', n));
  const pdfFiles = plan.pdf
    ? await toPdf(docxFiles, o.workDir, (n) => report('pdf', depts.length + n))
    : [];
  report('zip', total - 1);
  const region = await findRegion(db, plan.region);
  const fileName = `${plan.year}年度${safeName(region?.name ?? plan.region)}部门整体支出绩效自评报告.zip`;
  const zipPath = path.join(o.workDir, 'district.zip');
  await writeZip(zipPath, docxFiles, pdfFiles);
  report('done', total);
  return {
    zipPath,
    fileName,
    departments: depts.length,
    pdfs: pdfFiles.filter((f) => f !== null).length,
  };
}

/** The .docx of every department, DISTRICT_BATCH per worker; onDone with the count so far. */
async function writeWordFiles(
  db: Db,
  actor: Actor,
  plan: DistrictPlan,
  o: DistrictZipOptions,
  onDone: (n: number) => void,
): Promise<string[]> {
  const wordDir = path.join(o.workDir, 'word');
  await mkdir(wordDir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < plan.departments.length; i += DISTRICT_BATCH) {
    const batch = plan.departments.slice(i, i + DISTRICT_BATCH);
    const items: DepartmentReportData[] = [];
    for (const d of batch) {
      items.push(await loadReportData(db, actor, d.code, plan.year, o.now));
    }
    const bodies = await renderDocxBatchOffloaded(items, (n) => onDone(i + n));
    for (const [k, body] of bodies.entries()) {
      const d = batch[k]!;
      const file = path.join(wordDir, `${d.code}-${safeName(d.name)}.docx`);
      await writeFile(file, body);
      files.push(file);
    }
  }
  return files;
}

async function toPdf(
  docxFiles: string[],
  workDir: string,
  onConverted: (n: number) => void,
): Promise<(string | null)[]> {
  const profiles = path.join(workDir, 'soffice');
  const r = await convertDocxFilesToPdf(docxFiles, path.join(workDir, 'pdf'), {
    workDir: profiles,
    onConverted,
  }).finally(() => rm(profiles, { recursive: true, force: true })); // LibreOffice's profiles
  for (const p of r?.problems ?? []) {
    process.stderr.write(`district reports: PDF conversion: ${p.slice(0, 2000)}\n`);
  }
  return r?.pdfs ?? [];
}

/** Word/ and PDF/ folders; the files are already compressed, so they are stored as they are (on the pool). */
async function writeZip(
  zipPath: string,
  docxFiles: string[],
  pdfFiles: (string | null)[],
): Promise<void> {
  const entries = [
    ...docxFiles.map((f) => ({ name: `Word/${path.basename(f)}`, path: f })),
    ...pdfFiles.flatMap((f) => (f === null ? [] : [{ name: `PDF/${path.basename(f)}`, path: f }])),
  ];
  await writeZipFile(entries, zipPath);
}
