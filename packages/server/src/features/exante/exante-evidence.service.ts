// 佐证材料 of an ex-ante item: a file (PDF, Word, Excel, JPG/PNG image or text; ≤ 20 MB; its first bytes must match
// its extension) attached to the item, optionally to one 评估要点 and version. Who may upload: the department
// while it drafts or revises (also after an unconfirmed 调整完善后予以支持), the bureau once it is submitted, the
// third party while it is assigned. Everyone who may read the item may list and download them. Both are audited.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Db } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { isCli } from '../../auth/actor.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import type { Permission } from '../../auth/policies.ts';
import type { ItemRow } from './exante.repository.ts';
import * as repo from './exante-evidence.repository.ts';
import { isThirdParty, loadItemFor } from './exante.access.ts';
import { wrongState } from './exante.service.ts';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Extension → content type and the bytes the file must start with (null: text, checked separately). */
const TYPES: Record<string, { mime: string; magic: readonly number[] | null }> = {
  '.pdf': { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  '.docx': {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: ZIP,
  },
  '.xlsx': {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: ZIP,
  },
  '.doc': { mime: 'application/msword', magic: OLE },
  '.xls': { mime: 'application/vnd.ms-excel', magic: OLE },
  '.jpg': { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  '.jpeg': { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  '.png': { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  '.txt': { mime: 'text/plain; charset=utf-8', magic: null },
};

/** The content type of an acceptable file; refused when the extension is unknown or the bytes disagree. */
export function evidenceType(fileName: string, bytes: Uint8Array): string {
  const type = TYPES[path.extname(fileName).toLowerCase()];
  if (!type) {
    throw new ServiceError('EXANTE_EVIDENCE_TYPE');
  }
  const ok =
    type.magic === null
      ? !bytes.includes(0) && isUtf8(bytes)
      : type.magic.every((b, i) => bytes[i] === b);
  if (!ok) {
    throw new ServiceError('EXANTE_EVIDENCE_TYPE');
  }
  return type.mime;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The permission an upload needs in the item's current state (null: nobody may add files now). */
function uploadPermission(actor: Actor, item: ItemRow): Permission | null {
  if (isThirdParty(actor)) {
    return item.state === 'thirdParty' ? 'exante.thirdParty' : null;
  }
  if (isCli(actor) || actor.role === 'clerk' || actor.role === 'deptHead') {
    const revising =
      item.state === 'concluded' && item.conclusion === 'SUPPORT_AFTER_REVISION' && !item.confirmed;
    return item.state === 'draft' || item.state === 'returned' || revising ? 'exante.edit' : null;
  }
  return item.state === 'draft' ? null : 'exante.review';
}

export interface EvidenceView {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  pointCode: string | null;
  versionNo: number | null;
  uploadedByName: string;
  createdAt: string;
}

function view(r: repo.EvidenceMeta): EvidenceView {
  return {
    id: r.id,
    fileName: r.fileName,
    mimeType: r.mimeType,
    size: r.size,
    sha256: r.sha256,
    pointCode: r.pointCode,
    versionNo: r.versionNo,
    uploadedByName: r.uploadedByName,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function uploadEvidence(
  db: Db,
  actor: Actor,
  itemId: string,
  file: { name: string; bytes: Uint8Array; pointCode?: string | null; versionNo?: number | null },
): Promise<EvidenceView> {
  const item = await loadItemFor(db, actor, itemId, 'exante.read');
  const permission = uploadPermission(actor, item);
  if (!permission) {
    throw wrongState(item, '上传佐证材料', 'add evidence');
  }
  await loadItemFor(db, actor, itemId, permission);
  if (file.bytes.byteLength === 0) {
    throw new ServiceError('EXANTE_EVIDENCE_EMPTY');
  }
  if (file.bytes.byteLength > MAX_EVIDENCE_BYTES) {
    throw new ServiceError('EXANTE_EVIDENCE_TOO_LARGE', { limit: '20 MB' });
  }
  const mimeType = evidenceType(file.name, file.bytes);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const fileName = path.basename(file.name).slice(0, 200);
  return db.transaction(async (tx) => {
    const row = await repo.insertEvidence(tx, {
      regionCode: item.regionCode,
      fiscalYear: item.fiscalYear,
      departmentCode: item.departmentCode,
      itemId,
      versionNo: file.versionNo ?? null,
      pointCode: file.pointCode ?? null,
      fileName,
      mimeType,
      size: file.bytes.byteLength,
      sha256,
      content: Buffer.from(file.bytes),
      uploadedBy: actor.userId,
      uploadedByName: actor.displayName,
    });
    await auditInTx(tx, actor, {
      action: 'exante.evidence.upload',
      entity: 'exante_evidence',
      entityId: row.id,
      departmentCode: item.departmentCode,
      before: null,
      after: { item: item.projectCode, fileName, size: row.size, sha256, point: row.pointCode },
    });
    return view(row);
  });
}

export async function listItemEvidence(
  db: Db,
  actor: Actor,
  itemId: string,
): Promise<EvidenceView[]> {
  await loadItemFor(db, actor, itemId, 'exante.read');
  return (await repo.listEvidence(db, itemId)).map(view);
}

export async function downloadEvidence(
  db: Db,
  actor: Actor,
  itemId: string,
  evidenceId: string,
): Promise<{ fileName: string; mimeType: string; body: Buffer }> {
  const item = await loadItemFor(db, actor, itemId, 'exante.read');
  const row = await repo.findEvidence(db, itemId, evidenceId);
  if (!row) {
    throw notFound(`佐证材料「${evidenceId}」`, `Evidence ${evidenceId}`);
  }
  await db.transaction(async (tx) =>
    auditInTx(tx, actor, {
      action: 'exante.evidence.download',
      entity: 'exante_evidence',
      entityId: row.id,
      departmentCode: item.departmentCode,
      before: null,
      after: { item: item.projectCode, fileName: row.fileName },
    }),
  );
  return { fileName: row.fileName, mimeType: row.mimeType, body: row.content };
}
