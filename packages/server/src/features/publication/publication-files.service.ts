// Downloads of a department's package: the zip, one frozen file, the publication screenshot (department roles:
// their own; the bureau: its region).
import type { Db } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import * as repo from './publication.repository.ts';
import { departmentFor, zipOf } from './publication.service.ts';

export interface DownloadFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export async function packageZip(
  db: Db,
  actor: Actor,
  code: string,
  year: number,
): Promise<DownloadFile> {
  const dept = await departmentFor(db, actor, code, 'read');
  const row = await repo.findPublication(db, code, year);
  if (!row) {
    throw new ServiceError('PUBLICATION_NOT_PREPARED', { year });
  }
  return {
    body: await zipOf(row, await repo.listFiles(db, row.id)),
    contentType: 'application/zip',
    fileName: `${year}年度${dept.name}绩效信息公开材料.zip`,
  };
}

export async function packageFile(
  db: Db,
  actor: Actor,
  code: string,
  year: number,
  fileId: string,
): Promise<DownloadFile> {
  await departmentFor(db, actor, code, 'read');
  const row = await repo.findPublication(db, code, year);
  const file = row ? await repo.findFile(db, fileId) : null;
  if (!row || !file || file.publicationId !== row.id) {
    throw notFound('公开材料文件', 'Publication file');
  }
  return { body: file.body, contentType: file.contentType, fileName: file.fileName };
}

export async function screenshotFile(
  db: Db,
  actor: Actor,
  code: string,
  year: number,
): Promise<DownloadFile> {
  await departmentFor(db, actor, code, 'read');
  const row = await repo.findPublication(db, code, year);
  if (!row?.screenshot) {
    throw notFound('公开截图', 'Publication screenshot');
  }
  return {
    body: row.screenshot,
    contentType: row.screenshotType ?? 'application/octet-stream',
    fileName: row.screenshotName ?? 'screenshot',
  };
}
