// 公开 (full-cycle-rules §C.3): a department prepares its year's publication package (files frozen), publishes it
// on its own site and records the proof (公开网址, 公开时间, 公开截图); it may withdraw the record to prepare again.
// Department roles act on their own department; the bureau reads its region's. Every change is audited.
import type { Db } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError } from '../../http/service-error.ts';
import { getDepartment } from '../departments/departments.service.ts';
import type { PublicationFileKind, PublicationStatus } from '../../db/schema/publication.ts';
import * as repo from './publication.repository.ts';
import {
  buildPackageFiles,
  sha256,
  toPdf,
  zipFiles,
  type DocxConverter,
  type PackageFile,
} from './publication-package.ts';

export interface PublicationFileView {
  id: string;
  seq: number;
  kind: PublicationFileKind;
  title: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface PublicationView {
  departmentCode: string;
  departmentName: string;
  fiscalYear: number;
  status: PublicationStatus | 'none';
  /** The 部门整体 self-evaluation is submitted: a package can be prepared. */
  evaluationSubmitted: boolean;
  preparedAt: string | null;
  packageSha256: string | null;
  publishedOn: string | null;
  publicationUrl: string | null;
  screenshotName: string | null;
  publishedAt: string | null;
  files: PublicationFileView[];
}

export interface ProofInput {
  url: string;
  publishedOn: string;
  screenshot: { name: string; type: string; bytes: Buffer } | null;
}

export const SCREENSHOT_MAX_BYTES = 5 * 1024 * 1024;

export async function departmentFor(
  db: Db,
  actor: Actor,
  code: string,
  permission: 'read' | 'prepare',
) {
  const dept = await getDepartment(db, actor, code);
  assertPermission(actor, permission === 'read' ? 'publication.read' : 'publication.prepare', dept);
  return dept;
}

function fileView(f: repo.FileMeta): PublicationFileView {
  return {
    id: f.id,
    seq: f.seq,
    kind: f.kind,
    title: f.title,
    fileName: f.fileName,
    contentType: f.contentType,
    size: f.size,
    sha256: f.sha256,
  };
}

async function viewOf(
  db: Db,
  dept: { code: string; name: string },
  year: number,
  row: repo.PublicationRow | null,
): Promise<PublicationView> {
  return {
    departmentCode: dept.code,
    departmentName: dept.name,
    fiscalYear: year,
    status: row?.status ?? 'none',
    evaluationSubmitted: await repo.departmentEvaluationSubmitted(db, dept.code, year),
    preparedAt: row?.preparedAt.toISOString() ?? null,
    packageSha256: row?.packageSha256 ?? null,
    publishedOn: row?.publishedOn ?? null,
    publicationUrl: row?.publicationUrl ?? null,
    screenshotName: row?.screenshot ? (row.screenshotName ?? 'screenshot') : null,
    publishedAt: row?.publishedAt?.toISOString() ?? null,
    files: row ? (await repo.listFileMeta(db, row.id)).map(fileView) : [],
  };
}

export async function getPublication(
  db: Db,
  actor: Actor,
  code: string,
  year: number,
): Promise<PublicationView> {
  const dept = await departmentFor(db, actor, code, 'read');
  return viewOf(db, dept, year, await repo.findPublication(db, code, year));
}

/** The package's fixed zip timestamp: when it was prepared. */
export async function zipOf(
  row: repo.PublicationRow,
  files: readonly repo.FileRow[],
): Promise<Buffer> {
  return zipFiles(files, row.preparedAt);
}

/** Renders the package now and freezes its files (replacing an unpublished earlier package). */
export async function preparePublication(
  db: Db,
  actor: Actor,
  code: string,
  year: number,
  now: Date,
  convert: DocxConverter = toPdf,
): Promise<PublicationView> {
  const dept = await departmentFor(db, actor, code, 'prepare');
  if (!(await repo.departmentEvaluationSubmitted(db, code, year))) {
    throw new ServiceError('PUBLICATION_EVALUATION_NOT_SUBMITTED', { year });
  }
  const existing = await repo.findPublication(db, code, year);
  if (existing?.status === 'published') {
    throw new ServiceError('PUBLICATION_ALREADY_PUBLISHED', { year });
  }
  const files = await buildPackageFiles(db, actor, code, year, now, convert);
  const projectIds = await repo.projectIdsByCode(db, code, year);
  const zip = await zipFiles(files, now);
  const row = await db.transaction(async (tx) => {
    const before = await repo.findPublication(tx, code, year, true);
    if (before?.status === 'published') {
      throw new ServiceError('PUBLICATION_ALREADY_PUBLISHED', { year });
    }
    const values = { preparedAt: now, preparedBy: actor.userId, packageSha256: sha256(zip) };
    const saved = before
      ? await repo.updatePublication(tx, before.id, values)
      : await repo.insertPublication(tx, {
          ...values,
          regionCode: dept.regionCode,
          fiscalYear: year,
          departmentCode: code,
          status: 'prepared',
        });
    await repo.replaceFiles(tx, saved.id, fileRows(saved, files, projectIds));
    await auditInTx(tx, actor, {
      action: 'publication.prepare',
      entity: 'publications',
      entityId: saved.id,
      departmentCode: code,
      before: before ? { packageSha256: before.packageSha256 } : null,
      after: {
        year,
        packageSha256: saved.packageSha256,
        files: files.map((f) => ({ fileName: f.fileName, sha256: sha256(f.body) })),
      },
    });
    return saved;
  });
  return viewOf(db, dept, year, row);
}

function fileRows(
  row: repo.PublicationRow,
  files: readonly PackageFile[],
  projectIds: ReadonlyMap<string, string>,
): repo.NewFileRow[] {
  return files.map((f, i) => ({
    regionCode: row.regionCode,
    fiscalYear: row.fiscalYear,
    publicationId: row.id,
    seq: i + 1,
    kind: f.kind,
    projectId: f.projectCode === null ? null : (projectIds.get(f.projectCode) ?? null),
    title: f.title,
    fileName: f.fileName,
    contentType: f.contentType,
    size: f.body.length,
    sha256: sha256(f.body),
    body: f.body,
  }));
}

/** A PNG or JPEG, by its first bytes (the declared type is not trusted). */
export function imageTypeOf(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg';
  }
  return null;
}

function checkProof(input: ProofInput, now: Date): { type: string } {
  if (!/^https?:\/\/[^\s/]+\.[^\s]*$/i.test(input.url.trim())) {
    throw new ServiceError('PUBLICATION_URL_INVALID');
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(input.publishedOn) ? new Date(input.publishedOn) : null;
  if (
    day === null ||
    Number.isNaN(day.getTime()) ||
    day.toISOString().slice(0, 10) !== input.publishedOn ||
    input.publishedOn > now.toISOString().slice(0, 10)
  ) {
    throw new ServiceError('PUBLICATION_DATE_INVALID');
  }
  if (input.screenshot === null || input.screenshot.bytes.length === 0) {
    throw new ServiceError('PUBLICATION_SCREENSHOT_REQUIRED');
  }
  if (input.screenshot.bytes.length > SCREENSHOT_MAX_BYTES) {
    throw new ServiceError('PUBLICATION_SCREENSHOT_TOO_LARGE');
  }
  const type = imageTypeOf(input.screenshot.bytes);
  if (type === null) {
    throw new ServiceError('PUBLICATION_SCREENSHOT_TYPE');
  }
  return { type };
}

/** Records where and when the package was published, with a screenshot as proof: the package goes public. */
export async function recordPublication(
  db: Db,
  actor: Actor,
  code: string,
  year: number,
  input: ProofInput,
  now: Date,
): Promise<PublicationView> {
  const dept = await departmentFor(db, actor, code, 'prepare');
  const { type } = checkProof(input, now);
  const row = await db.transaction(async (tx) => {
    const before = await repo.findPublication(tx, code, year, true);
    if (!before) {
      throw new ServiceError('PUBLICATION_NOT_PREPARED', { year });
    }
    const shot = input.screenshot!;
    const saved = await repo.updatePublication(tx, before.id, {
      status: 'published',
      publicationUrl: input.url.trim(),
      publishedOn: input.publishedOn,
      screenshot: shot.bytes,
      screenshotType: type,
      screenshotName: shot.name.slice(0, 200),
      publishedBy: actor.userId,
      publishedAt: now,
    });
    await auditInTx(tx, actor, {
      action: 'publication.publish',
      entity: 'publications',
      entityId: saved.id,
      departmentCode: code,
      before: proofOf(before),
      after: { ...proofOf(saved), screenshotSha256: sha256(shot.bytes) },
    });
    return saved;
  });
  return viewOf(db, dept, year, row);
}

function proofOf(r: repo.PublicationRow) {
  return { status: r.status, url: r.publicationUrl, publishedOn: r.publishedOn };
}

/** Takes the package off the public page (the proof is cleared); it can then be prepared again. */
export async function withdrawPublication(
  db: Db,
  actor: Actor,
  code: string,
  year: number,
  now: Date,
): Promise<PublicationView> {
  const dept = await departmentFor(db, actor, code, 'prepare');
  const row = await db.transaction(async (tx) => {
    const before = await repo.findPublication(tx, code, year, true);
    if (before?.status !== 'published') {
      throw new ServiceError('PUBLICATION_NOT_PUBLISHED', { year });
    }
    const saved = await repo.updatePublication(tx, before.id, {
      status: 'prepared',
      publicationUrl: null,
      publishedOn: null,
      screenshot: null,
      screenshotType: null,
      screenshotName: null,
      publishedBy: null,
      publishedAt: null,
    });
    await auditInTx(tx, actor, {
      action: 'publication.withdraw',
      entity: 'publications',
      entityId: saved.id,
      departmentCode: code,
      before: proofOf(before),
      after: { ...proofOf(saved), withdrawnAt: now.toISOString() },
    });
    return saved;
  });
  return viewOf(db, dept, year, row);
}
