// The finance bureau's review of a submitted assessment — 意见审核 (conclude on the department's sheet),
// 评估审核 (the bureau scores a version of its own), send to a third party, return with comments — its
// confirmation of a 调整完善后予以支持, and the third party's scoring of an item assigned to its agency.
import { conclusionFor, type ExAnteConclusion } from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import * as repo from './exante.repository.ts';
import { loadItemFor } from './exante.access.ts';
import {
  checkedSheet,
  detailOf,
  event,
  saveVersion,
  wrongState,
  type ItemDetail,
  type SheetInput,
} from './exante.service.ts';

export type ReviewInput =
  | { action: 'return'; opinion: string }
  | { action: 'conclude'; opinion?: string | undefined; confirm?: boolean | undefined }
  | {
      action: 'rescore';
      opinion?: string | undefined;
      confirm?: boolean | undefined;
      sheet: SheetInput;
    }
  | { action: 'assign'; opinion?: string | undefined; agencyId: string };

async function land(
  tx: Queryable,
  actor: Actor,
  item: repo.ItemRow,
  version: repo.VersionRow,
  conclusion: ExAnteConclusion,
  confirm: boolean,
  opinion: string | null,
): Promise<void> {
  await repo.updateItem(tx, item.id, {
    state: 'concluded',
    conclusion,
    total: version.total,
    confirmed: conclusion === 'SUPPORT_AFTER_REVISION' && confirm,
  });
  await event(tx, actor, item, 'conclude', version.versionNo, opinion);
  await auditInTx(tx, actor, {
    action: 'exante.conclude',
    entity: 'exante_items',
    entityId: item.id,
    departmentCode: item.departmentCode,
    before: { state: item.state, conclusion: item.conclusion },
    after: { state: 'concluded', conclusion, total: version.total, versionNo: version.versionNo },
  });
}

async function applyReview(
  tx: Queryable,
  actor: Actor,
  item: repo.ItemRow,
  input: ReviewInput,
): Promise<void> {
  const latest = (await repo.latestVersion(tx, item.id))!;
  const opinion = input.opinion?.trim() || null;
  switch (input.action) {
    case 'return':
      await repo.updateItem(tx, item.id, { state: 'returned' });
      await event(tx, actor, item, 'return', latest.versionNo, opinion);
      return;
    case 'conclude':
      await land(
        tx,
        actor,
        item,
        latest,
        conclusionFor(latest.total),
        input.confirm ?? false,
        opinion,
      );
      return;
    case 'rescore': {
      const sheet = await checkedSheet(tx, item, input.sheet.scores, true);
      const { version } = await saveVersion(tx, actor, item, 'FINANCE', input.sheet, sheet);
      const frozen = await repo.updateVersion(tx, version.id, { submittedAt: new Date() });
      await event(tx, actor, item, 'rescore', frozen.versionNo, opinion);
      await land(tx, actor, item, frozen, sheet.conclusion, input.confirm ?? false, opinion);
      return;
    }
    case 'assign': {
      const agency = await repo.findAgency(tx, input.agencyId);
      if (!agency || agency.regionCode !== item.regionCode) {
        throw notFound(`第三方机构「${input.agencyId}」`, `Agency ${input.agencyId}`);
      }
      await repo.updateItem(tx, item.id, { state: 'thirdParty', agencyId: agency.id });
      await event(tx, actor, item, 'assign', latest.versionNo, opinion ?? agency.name);
      return;
    }
  }
}

/** POST /api/exante/items/{id}/review: the bureau acts on a submitted assessment. */
export async function reviewExAnte(
  db: Db,
  actor: Actor,
  id: string,
  input: ReviewInput,
): Promise<ItemDetail> {
  await loadItemFor(db, actor, id, 'exante.review');
  await db.transaction(async (tx) => {
    const item = (await repo.lockItem(tx, id))!;
    if (item.state !== 'submitted') {
      throw wrongState(item, '审核', 'be reviewed');
    }
    await applyReview(tx, actor, item, input);
    await auditInTx(tx, actor, {
      action: `exante.review.${input.action}`,
      entity: 'exante_items',
      entityId: id,
      departmentCode: item.departmentCode,
      before: { state: item.state },
      after: { action: input.action, opinion: input.opinion ?? null },
    });
  });
  return detailOf(db, (await repo.findItem(db, id))!);
}

/** POST /api/exante/items/{id}/confirm: the bureau confirms a 调整完善后予以支持 (the budget gate opens). */
export async function confirmExAnte(
  db: Db,
  actor: Actor,
  id: string,
  opinion: string | null,
): Promise<ItemDetail> {
  await loadItemFor(db, actor, id, 'exante.review');
  await db.transaction(async (tx) => {
    const item = (await repo.lockItem(tx, id))!;
    if (item.state !== 'concluded' || item.conclusion !== 'SUPPORT_AFTER_REVISION') {
      throw new ServiceError('EXANTE_CONFIRM_NOT_NEEDED');
    }
    await repo.updateItem(tx, id, { confirmed: true });
    await event(tx, actor, item, 'confirm', null, opinion);
    await auditInTx(tx, actor, {
      action: 'exante.confirm',
      entity: 'exante_items',
      entityId: id,
      departmentCode: item.departmentCode,
      before: { confirmed: item.confirmed },
      after: { confirmed: true },
    });
  });
  return detailOf(db, (await repo.findItem(db, id))!);
}

/** PUT /api/exante/items/{id}/third-party-sheet (save) and POST …/third-party-submit (the conclusion lands). */
export async function thirdPartySheet(
  db: Db,
  actor: Actor,
  id: string,
  input: SheetInput,
  submit: boolean,
): Promise<ItemDetail> {
  await loadItemFor(db, actor, id, 'exante.thirdParty');
  await db.transaction(async (tx) => {
    const item = (await repo.lockItem(tx, id))!;
    if (item.state !== 'thirdParty') {
      throw wrongState(item, '第三方评分', 'be scored by the third party');
    }
    const sheet = await checkedSheet(tx, item, input.scores, submit);
    const { version } = await saveVersion(tx, actor, item, 'THIRD_PARTY', input, sheet);
    await auditInTx(tx, actor, {
      action: submit ? 'exante.thirdParty.submit' : 'exante.thirdParty.score',
      entity: 'exante_versions',
      entityId: version.id,
      departmentCode: item.departmentCode,
      before: null,
      after: { versionNo: version.versionNo, total: version.total },
    });
    if (submit) {
      const frozen = await repo.updateVersion(tx, version.id, { submittedAt: new Date() });
      await event(tx, actor, item, 'thirdPartySubmit', frozen.versionNo, null);
      await land(tx, actor, item, frozen, sheet.conclusion, false, null);
    }
  });
  return detailOf(db, (await repo.findItem(db, id))!);
}
