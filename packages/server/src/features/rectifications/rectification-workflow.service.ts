// Working an item to closure: the department starts it and submits its result with evidence (已整改待核); the
// bureau's 复核 accepts it (销号) or sends it back with a comment (整改中 again). Evidence: a note and a file.
import { nextRectificationStatus, type RectificationStatus } from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import type { Permission } from '../../auth/policies.ts';
import * as repo from './rectifications.repository.ts';
import { detailOf, eventBase, loadItemFor, wrongStatus } from './rectifications.service.ts';
import type { EvidenceView, ItemDetail } from './rectifications.views.ts';
import { evidenceView } from './rectifications.views.ts';

export type ActInput =
  | { action: 'start'; note?: string | undefined; measures?: string | undefined }
  | { action: 'submit'; note?: string | undefined; resultNote?: string | undefined }
  | { action: 'accept'; note?: string | undefined }
  | { action: 'sendBack'; note: string };

const ACT: Record<ActInput['action'], { permission: Permission; zh: string; en: string }> = {
  start: { permission: 'rectification.edit', zh: '开始整改', en: 'be started' },
  submit: { permission: 'rectification.edit', zh: '提交复核', en: 'be submitted for review' },
  accept: { permission: 'rectification.review', zh: '复核销号', en: 'be closed' },
  sendBack: { permission: 'rectification.review', zh: '复核退回', en: 'be sent back' },
};

async function changesFor(
  tx: Queryable,
  item: repo.ItemRow,
  input: ActInput,
  now: Date,
): Promise<Partial<repo.NewItemRow>> {
  const note = input.note?.trim() ?? '';
  switch (input.action) {
    case 'start':
      return input.measures?.trim() ? { measures: input.measures.trim() } : {};
    case 'submit': {
      const resultNote = input.resultNote?.trim() || item.resultNote;
      if (!resultNote) {
        throw new ServiceError('RECTIFICATION_RESULT_REQUIRED');
      }
      if ((await repo.countEvidence(tx, item.id)) === 0) {
        throw new ServiceError('RECTIFICATION_EVIDENCE_REQUIRED');
      }
      return { resultNote };
    }
    case 'accept':
      return { closedAt: now, reviewerOpinion: note || '整改到位，同意销号' };
    case 'sendBack':
      if (!note) {
        throw new ServiceError('RECTIFICATION_OPINION_REQUIRED');
      }
      return { reviewerOpinion: note };
  }
}

/** POST /api/rectifications/{id}/actions. */
export async function actOnRectification(
  db: Db,
  actor: Actor,
  id: string,
  input: ActInput,
  now: Date,
): Promise<ItemDetail> {
  const act = ACT[input.action];
  await loadItemFor(db, actor, id, act.permission);
  await db.transaction(async (tx) => {
    const item = (await repo.lockItem(tx, id))!;
    const to: RectificationStatus | null = nextRectificationStatus(item.status, input.action);
    if (!to) {
      throw wrongStatus(item, act.zh, act.en);
    }
    const changes = await changesFor(tx, item, input, now);
    await repo.updateItem(tx, id, { ...changes, status: to });
    await repo.insertEvent(tx, {
      ...eventBase(actor, item),
      action: input.action,
      fromStatus: item.status,
      toStatus: to,
      note: input.note?.trim() || (changes.reviewerOpinion ?? changes.resultNote ?? ''),
    });
    await auditInTx(tx, actor, {
      action: `rectification.${input.action}`,
      entity: 'rectification_items',
      entityId: id,
      departmentCode: item.departmentCode,
      before: { status: item.status },
      after: { status: to, ...changes },
    });
  });
  return detailOf(db, id, now);
}

export interface EvidenceInput {
  note?: string | undefined;
  file?: { name: string; type: string; bytes: Uint8Array } | undefined;
}

export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** POST /api/rectifications/{id}/evidence: a 佐证材料 (file and/or note) while the item is open. */
export async function addRectificationEvidence(
  db: Db,
  actor: Actor,
  id: string,
  input: EvidenceInput,
): Promise<EvidenceView> {
  await loadItemFor(db, actor, id, 'rectification.edit');
  const note = input.note?.trim() ?? '';
  const file = input.file && input.file.bytes.length > 0 ? input.file : undefined;
  if (!note && !file) {
    throw new ServiceError('RECTIFICATION_EVIDENCE_EMPTY');
  }
  if (file && file.bytes.length > EVIDENCE_MAX_BYTES) {
    throw new ServiceError('FILE_TOO_LARGE', {
      limit: '20 MB',
      advice: '请压缩或拆分后上传',
      adviceEn: 'compress or split it',
    });
  }
  return db.transaction(async (tx) => {
    const item = (await repo.lockItem(tx, id))!;
    if (!nextRectificationStatus(item.status, 'evidence')) {
      throw wrongStatus(item, '上传佐证材料', 'take evidence');
    }
    const row = await repo.insertEvidence(tx, {
      ...eventBase(actor, item),
      note,
      fileName: file?.name ?? null,
      mimeType: file ? file.type || 'application/octet-stream' : null,
      size: file?.bytes.length ?? null,
      content: file?.bytes ?? null,
      uploadedBy: actor.userId,
      uploadedByName: actor.displayName,
    });
    const label = [file?.name, note].filter(Boolean).join('：');
    await repo.insertEvent(tx, {
      ...eventBase(actor, item),
      action: 'evidence',
      fromStatus: item.status,
      toStatus: item.status,
      note: label,
    });
    await auditInTx(tx, actor, {
      action: 'rectification.evidence',
      entity: 'rectification_evidence',
      entityId: row.id,
      departmentCode: item.departmentCode,
      before: null,
      after: { itemId: id, note, fileName: row.fileName, size: row.size },
    });
    return evidenceView(row);
  });
}

/** GET /api/rectifications/evidence/{id}: the uploaded file. */
export async function downloadRectificationEvidence(
  db: Db,
  actor: Actor,
  evidenceId: string,
): Promise<{ name: string; type: string; bytes: Uint8Array }> {
  const found = await repo.findEvidenceFile(db, evidenceId);
  if (!found?.content) {
    throw notFound('佐证材料文件', 'Evidence file');
  }
  await loadItemFor(db, actor, found.row.itemId, 'rectification.read');
  return {
    name: found.row.fileName ?? 'evidence',
    type: found.row.mimeType ?? 'application/octet-stream',
    bytes: found.content,
  };
}
