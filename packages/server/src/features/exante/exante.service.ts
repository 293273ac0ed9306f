// Ex-ante assessments of a department-year: list (with what each item needs and whether it may be budgeted),
// register an item, read it with its versions, save the department's score sheet (a frozen version is never
// changed: 调整完善 starts a new one), submit. Access check + one transaction + audit entry per change.
import { scoreSheet, type ExAnteType, type PointInput } from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission, visibleRegion } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError } from '../../http/service-error.ts';
import type { ExAnteGoalIndicator } from '../../db/schema/exante.ts';
import { getDepartment } from '../departments/departments.service.ts';
import * as repo from './exante.repository.ts';
import { agencyOf, isThirdParty, loadItemFor } from './exante.access.ts';
import {
  STATE_TEXT,
  eventView,
  itemView,
  rulesFor,
  templateOf,
  versionView,
  type EventView,
  type ItemView,
  type VersionView,
} from './exante.views.ts';

export async function viewsOf(db: Queryable, items: repo.ItemRow[]): Promise<ItemView[]> {
  const names = await repo.departmentNames(db, [...new Set(items.map((i) => i.departmentCode))]);
  const counts = await repo.countVersions(
    db,
    items.map((i) => i.id),
  );
  const out: ItemView[] = [];
  for (const i of items) {
    const rules = await rulesFor(db, i.regionCode, i.fiscalYear);
    const agency = i.agencyId ? await repo.findAgency(db, i.agencyId) : null;
    out.push(
      itemView(i, rules, {
        departmentName: names.get(i.departmentCode) ?? i.departmentCode,
        versionCount: counts.get(i.id) ?? 0,
        agencyName: agency?.name ?? null,
      }),
    );
  }
  return out;
}

/** GET /api/exante: a department's items, the region's for the bureau, the assigned ones for a third party. */
export async function listExAnte(
  db: Db,
  actor: Actor,
  filter: { departmentCode?: string | undefined; year?: number | undefined },
): Promise<ItemView[]> {
  if (isThirdParty(actor)) {
    const agency = await agencyOf(db, actor);
    const rows = await repo.listItems(db, { regionCode: agency.regionCode, year: filter.year });
    return viewsOf(
      db,
      rows.filter((r) => r.agencyId === agency.id),
    );
  }
  if (filter.departmentCode) {
    const dept = await getDepartment(db, actor, filter.departmentCode);
    assertPermission(actor, 'exante.read', dept);
    return viewsOf(db, await repo.listItems(db, { departmentCode: dept.code, year: filter.year }));
  }
  assertPermission(actor, 'exante.review');
  const region = visibleRegion(actor);
  return viewsOf(
    db,
    await repo.listItems(db, {
      ...(region === '*' ? {} : { regionCode: region }),
      year: filter.year,
    }),
  );
}

export interface RegisterInput {
  departmentCode: string;
  year: number;
  projectCode: string;
  projectName: string;
  type: ExAnteType;
  isNew: boolean;
  amount: string;
  previousAmount?: string | null | undefined;
  continuing?: boolean | undefined;
  sensitive?: boolean | undefined;
  major?: boolean | undefined;
  background?: string | undefined;
  content?: string | undefined;
  fundingText?: string | undefined;
  goalText?: string | undefined;
  goalIndicators?: ExAnteGoalIndicator[] | undefined;
}

/** POST /api/exante/items: the department registers a new project or policy for assessment. */
export async function registerExAnte(
  db: Db,
  actor: Actor,
  input: RegisterInput,
): Promise<ItemView> {
  const dept = await getDepartment(db, actor, input.departmentCode);
  assertPermission(actor, 'exante.edit', dept);
  const code = input.projectCode.trim();
  const row = await db.transaction(async (tx) => {
    if ((await repo.findItemsByCodes(tx, dept.code, input.year, [code])).length > 0) {
      throw new ServiceError('EXANTE_ITEM_EXISTS', { project: code, year: input.year });
    }
    const item = await repo.insertItem(tx, {
      regionCode: dept.regionCode,
      fiscalYear: input.year,
      departmentCode: dept.code,
      projectCode: code,
      projectName: input.projectName.trim(),
      type: input.type,
      isNew: input.isNew,
      amount: input.amount,
      previousAmount: input.previousAmount ?? null,
      continuing: input.continuing ?? false,
      sensitive: input.sensitive ?? false,
      major: input.major ?? false,
      background: input.background ?? '',
      content: input.content ?? '',
      fundingText: input.fundingText ?? '',
      goalText: input.goalText ?? '',
      goalIndicators: input.goalIndicators ?? [],
      createdBy: actor.userId,
    });
    await event(tx, actor, item, 'register', null, null);
    await auditInTx(tx, actor, {
      action: 'exante.register',
      entity: 'exante_items',
      entityId: item.id,
      departmentCode: dept.code,
      before: null,
      after: { projectCode: code, amount: item.amount, type: item.type, isNew: item.isNew },
    });
    return item;
  });
  return (await viewsOf(db, [row]))[0]!;
}

export async function event(
  tx: Queryable,
  actor: Actor,
  item: repo.ItemRow,
  action: repo.EventRow['action'],
  versionNo: number | null,
  opinion: string | null,
): Promise<void> {
  await repo.insertEvent(tx, {
    regionCode: item.regionCode,
    fiscalYear: item.fiscalYear,
    departmentCode: item.departmentCode,
    itemId: item.id,
    action,
    versionNo,
    opinion,
    actorUserId: actor.userId,
    actorName: actor.displayName,
  });
}

export interface ItemDetail {
  item: ItemView;
  background: string;
  content: string;
  fundingText: string;
  goalText: string;
  goalIndicators: ExAnteGoalIndicator[];
  template: ReturnType<typeof templateOf>;
  ratingShares: Record<string, string>;
  versions: VersionView[];
  events: EventView[];
}

/** GET /api/exante/items/{id}. */
export async function getExAnte(db: Db, actor: Actor, id: string): Promise<ItemDetail> {
  const item = await loadItemFor(db, actor, id, 'exante.read');
  return detailOf(db, item);
}

export async function detailOf(db: Queryable, item: repo.ItemRow): Promise<ItemDetail> {
  const rules = await rulesFor(db, item.regionCode, item.fiscalYear);
  const template = templateOf(rules, item.type);
  const versions = await repo.listVersions(db, item.id);
  return {
    item: (await viewsOf(db, [item]))[0]!,
    background: item.background,
    content: item.content,
    fundingText: item.fundingText,
    goalText: item.goalText,
    goalIndicators: item.goalIndicators,
    template,
    ratingShares: { ...rules.ratingShares },
    versions: versions.map((v) => versionView(v, template, rules.ratingShares)),
    events: (await repo.listEvents(db, item.id)).map(eventView),
  };
}

/** Hard problems refuse a save; a missing score or note only refuses submission. */
export async function checkedSheet(
  db: Queryable,
  item: repo.ItemRow,
  scores: PointInput[],
  forSubmit: boolean,
) {
  const rules = await rulesFor(db, item.regionCode, item.fiscalYear);
  const sheet = scoreSheet(templateOf(rules, item.type), scores, rules.ratingShares);
  const blocking = sheet.problems.filter(
    (p) => forSubmit || (p.code !== 'MISSING' && p.code !== 'NOTE_REQUIRED'),
  );
  if (blocking.length > 0) {
    const f = blocking[0]!;
    throw new ServiceError(
      'EXANTE_SHEET_INVALID',
      {
        count: blocking.length,
        first: `${f.pointCode}：${f.zh}`,
        firstEn: `${f.pointCode}: ${f.en}`,
      },
      { problems: blocking },
    );
  }
  return sheet;
}

export function wrongState(item: repo.ItemRow, action: string, actionEn: string): ServiceError {
  return new ServiceError('EXANTE_WRONG_STATE', {
    state: STATE_TEXT[item.state].zh,
    stateEn: STATE_TEXT[item.state].en,
    action,
    actionEn,
  });
}

export interface SheetInput {
  scores: PointInput[];
  summary?: string | undefined;
  suggestions?: string | undefined;
}

/** May the department (re)score now? Draft, returned, or concluded 调整完善后予以支持 not yet confirmed. */
function departmentMayScore(item: repo.ItemRow): boolean {
  return (
    item.state === 'draft' ||
    item.state === 'returned' ||
    (item.state === 'concluded' && item.conclusion === 'SUPPORT_AFTER_REVISION' && !item.confirmed)
  );
}

/** Save into the open version of this assessor, or start the next version (调整完善) after a frozen one. */
export async function saveVersion(
  tx: Queryable,
  actor: Actor,
  item: repo.ItemRow,
  assessor: repo.VersionRow['assessor'],
  input: SheetInput,
  sheet: { total: string; conclusion: repo.VersionRow['conclusion'] },
): Promise<{ version: repo.VersionRow; created: boolean }> {
  const latest = await repo.latestVersion(tx, item.id);
  const values = {
    scores: input.scores,
    total: sheet.total,
    conclusion: sheet.conclusion,
    assessedBy: actor.userId,
    assessedByName: actor.displayName,
    ...(input.summary !== undefined ? { summary: input.summary } : {}),
    ...(input.suggestions !== undefined ? { suggestions: input.suggestions } : {}),
  };
  if (latest && latest.submittedAt === null && latest.assessor === assessor) {
    return { version: await repo.updateVersion(tx, latest.id, values), created: false };
  }
  const version = await repo.insertVersion(tx, {
    regionCode: item.regionCode,
    fiscalYear: item.fiscalYear,
    departmentCode: item.departmentCode,
    itemId: item.id,
    versionNo: (latest?.versionNo ?? 0) + 1,
    assessor,
    summary: latest?.summary ?? '',
    suggestions: latest?.suggestions ?? '',
    ...values,
  });
  return { version, created: true };
}

/** PUT /api/exante/items/{id}/sheet: the department scores (live conclusion; hard errors refused). */
export async function saveDepartmentSheet(
  db: Db,
  actor: Actor,
  id: string,
  input: SheetInput,
): Promise<ItemDetail> {
  await loadItemFor(db, actor, id, 'exante.edit');
  await db.transaction(async (tx) => {
    const item = (await repo.lockItem(tx, id))!;
    if (!departmentMayScore(item)) {
      throw wrongState(item, '修改评分', 'be rescored');
    }
    const sheet = await checkedSheet(tx, item, input.scores, false);
    const { version, created } = await saveVersion(tx, actor, item, 'DEPARTMENT', input, sheet);
    if (created && version.versionNo > 1) {
      await event(tx, actor, item, 'revise', version.versionNo, null);
    }
    await repo.updateItem(tx, id, { state: 'draft' });
    await auditInTx(tx, actor, {
      action: 'exante.score',
      entity: 'exante_versions',
      entityId: version.id,
      departmentCode: item.departmentCode,
      before: null,
      after: { versionNo: version.versionNo, total: version.total, conclusion: version.conclusion },
    });
  });
  return detailOf(db, (await repo.findItem(db, id))!);
}

/** POST /api/exante/items/{id}/submit: the department's complete sheet goes to the bureau. */
export async function submitExAnte(db: Db, actor: Actor, id: string): Promise<ItemDetail> {
  await loadItemFor(db, actor, id, 'exante.edit');
  await db.transaction(async (tx) => {
    const item = (await repo.lockItem(tx, id))!;
    const latest = await repo.latestVersion(tx, id);
    if (
      item.state !== 'draft' ||
      !latest ||
      latest.submittedAt !== null ||
      latest.assessor !== 'DEPARTMENT'
    ) {
      throw wrongState(item, '提交审核', 'be submitted');
    }
    await checkedSheet(tx, item, latest.scores, true);
    await repo.updateVersion(tx, latest.id, { submittedAt: new Date() });
    await repo.updateItem(tx, id, { state: 'submitted' });
    await event(tx, actor, item, 'submit', latest.versionNo, null);
    await auditInTx(tx, actor, {
      action: 'exante.submit',
      entity: 'exante_items',
      entityId: id,
      departmentCode: item.departmentCode,
      before: { state: item.state },
      after: { state: 'submitted', versionNo: latest.versionNo, total: latest.total },
    });
  });
  return detailOf(db, (await repo.findItem(db, id))!);
}
