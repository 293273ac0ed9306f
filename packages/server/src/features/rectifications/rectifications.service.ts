// The 整改清单: listing (department roles their own department's, the bureau its region's), one item with its
// history and evidence, items entered by the bureau, edits, and the §C.2 deadlines per region and year.
import {
  isValidDeadlineConfig,
  nextRectificationStatus,
  RECTIFICATION_STATUS_TEXT,
  type RectificationCategory,
  type RectificationDeadlineConfig,
  type RectificationDisplayStatus,
} from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { isCli } from '../../auth/actor.ts';
import { assertPermission, may } from '../../auth/access.ts';
import type { Permission } from '../../auth/policies.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import { getDepartment } from '../departments/departments.service.ts';
import * as repo from './rectifications.repository.ts';
import { deadlineConfig, raiseRectificationItems } from './rectifications-raise.ts';
import {
  eventView,
  evidenceView,
  itemView,
  todayOf,
  type ItemDetail,
  type ItemView,
} from './rectifications.views.ts';

export interface ListFilter {
  regionCode?: string | undefined;
  departmentCode?: string | undefined;
  year?: number | undefined;
  status?: RectificationDisplayStatus | undefined;
  projectId?: string | undefined;
  evaluationId?: string | undefined;
}

/** The region an actor works in; a multi-region actor (the CLI) must name it. */
export function regionFor(actor: Actor, regionCode: string | undefined): string {
  if (!isCli(actor)) {
    return actor.regionCode;
  }
  if (!regionCode) {
    throw new ServiceError('RECTIFICATION_REGION_REQUIRED');
  }
  return regionCode;
}

/** Loads an item the actor may act on with `permission` (404 when it does not exist). */
export async function loadItemFor(
  db: Db,
  actor: Actor,
  id: string,
  permission: Permission,
): Promise<repo.ItemRow> {
  const item = await repo.findItem(db, id);
  if (!item) {
    throw notFound('整改事项', 'Rectification item');
  }
  const dept = await getDepartment(db, actor, item.departmentCode);
  assertPermission(actor, permission, dept);
  return item;
}

export async function listRectifications(
  db: Db,
  actor: Actor,
  filter: ListFilter,
  now: Date,
): Promise<ItemView[]> {
  let regionCode = filter.regionCode;
  if (filter.departmentCode) {
    const dept = await getDepartment(db, actor, filter.departmentCode);
    assertPermission(actor, 'rectification.read', dept);
  } else {
    assertPermission(actor, 'rectification.read');
    if (
      !isCli(actor) &&
      (actor.role === 'clerk' || actor.role === 'deptHead') &&
      actor.departmentCode
    ) {
      const dept = await getDepartment(db, actor, actor.departmentCode);
      filter = { ...filter, departmentCode: dept.code };
    }
    regionCode = regionFor(actor, regionCode);
  }
  const today = todayOf(now);
  const rows = await repo.listItems(db, { ...filter, regionCode });
  return rows
    .map((r) => itemView(r, today))
    .filter(
      (v) => !filter.status || v.displayStatus === filter.status || v.status === filter.status,
    );
}

export async function detailOf(db: Queryable, id: string, now: Date): Promise<ItemDetail> {
  const [row] = await repo.listItems(db, { ids: [id] });
  const [events, evidence] = await Promise.all([
    repo.listEvents(db, id),
    repo.listEvidence(db, id),
  ]);
  return {
    ...itemView(row!, todayOf(now)),
    events: events.map(eventView),
    evidence: evidence.map(evidenceView),
  };
}

export async function getRectification(
  db: Db,
  actor: Actor,
  id: string,
  now: Date,
): Promise<ItemDetail> {
  await loadItemFor(db, actor, id, 'rectification.read');
  return detailOf(db, id, now);
}

export interface ManualInput {
  departmentCode: string;
  fiscalYear: number;
  projectId?: string | null | undefined;
  category?: RectificationCategory | undefined;
  indicatorRef?: string | null | undefined;
  problem: string;
  requirement?: string | undefined;
  responsibleUnit?: string | undefined;
  owner?: string | undefined;
  finalOn?: string | undefined;
  deadline?: string | undefined;
  budgetImpact?: string | undefined;
}

/** POST /api/rectifications: the bureau enters an item by hand (审计, 人大, 财政 findings …). */
export async function createRectification(
  db: Db,
  actor: Actor,
  input: ManualInput,
  now: Date,
): Promise<ItemDetail> {
  const dept = await getDepartment(db, actor, input.departmentCode);
  assertPermission(actor, 'rectification.review', dept);
  if (input.projectId) {
    const p = await repo.findProject(db, input.projectId);
    if (!p || p.departmentCode !== dept.code || p.fiscalYear !== input.fiscalYear) {
      throw new ServiceError('RECTIFICATION_PROJECT_UNKNOWN');
    }
  }
  const [row] = await db.transaction((tx) =>
    raiseRectificationItems(
      tx,
      actor,
      [{ ...input, regionCode: dept.regionCode, source: 'manual' }],
      now,
    ),
  );
  return detailOf(db, row!.id, now);
}

export interface EditInput {
  measures?: string | undefined;
  owner?: string | undefined;
  responsibleUnit?: string | undefined;
  resultNote?: string | undefined;
  problem?: string | undefined;
  requirement?: string | undefined;
  category?: RectificationCategory | undefined;
  deadline?: string | undefined;
  budgetImpact?: string | undefined;
}

const BUREAU_FIELDS = ['problem', 'requirement', 'category', 'deadline', 'budgetImpact'] as const;

function editableChanges(
  actor: Actor,
  item: repo.ItemRow,
  input: EditInput,
): Partial<repo.NewItemRow> {
  const bureau = isCli(actor) || may(actor, 'rectification.review');
  const changes: Partial<repo.NewItemRow> = {};
  for (const [k, v] of Object.entries(input) as [keyof EditInput, string | undefined][]) {
    if (v === undefined) {
      continue;
    }
    const bureauField = (BUREAU_FIELDS as readonly string[]).includes(k);
    if (bureauField !== bureau && !isCli(actor)) {
      assertPermission(actor, bureauField ? 'rectification.review' : 'rectification.edit');
    }
    (changes as Record<string, string>)[k] = v.trim();
  }
  if (changes.problem === '') {
    throw new ServiceError('RECTIFICATION_PROBLEM_REQUIRED');
  }
  if (changes.deadline !== undefined && changes.deadline < item.finalOn) {
    throw new ServiceError('RECTIFICATION_DATE_INVALID', { finalOn: item.finalOn });
  }
  return changes;
}

/** PATCH /api/rectifications/{id}: the department its measures, owner and result; the bureau the rest. */
export async function editRectification(
  db: Db,
  actor: Actor,
  id: string,
  input: EditInput,
  now: Date,
): Promise<ItemDetail> {
  await loadItemFor(db, actor, id, 'rectification.read');
  await db.transaction(async (tx) => {
    const item = (await repo.lockItem(tx, id))!;
    if (!nextRectificationStatus(item.status, 'edit')) {
      throw wrongStatus(item, '修改', 'be edited');
    }
    const changes = editableChanges(actor, item, input);
    await repo.updateItem(tx, id, changes);
    await repo.insertEvent(tx, {
      ...eventBase(actor, item),
      action: 'edit',
      fromStatus: item.status,
      toStatus: item.status,
      note: Object.keys(changes).join('、'),
    });
    await auditInTx(tx, actor, {
      action: 'rectification.edit',
      entity: 'rectification_items',
      entityId: id,
      departmentCode: item.departmentCode,
      before: Object.fromEntries(
        Object.keys(changes).map((k) => [k, item[k as keyof repo.ItemRow]]),
      ),
      after: changes,
    });
  });
  return detailOf(db, id, now);
}

export function wrongStatus(item: repo.ItemRow, action: string, actionEn: string): ServiceError {
  return new ServiceError('RECTIFICATION_STATUS_WRONG', {
    status: item.status,
    statusText: RECTIFICATION_STATUS_TEXT[item.status],
    action,
    actionEn,
  });
}

export function eventBase(actor: Actor, item: repo.ItemRow) {
  return {
    regionCode: item.regionCode,
    fiscalYear: item.fiscalYear,
    departmentCode: item.departmentCode,
    itemId: item.id,
    actorUserId: actor.userId,
    actorName: actor.displayName,
  };
}

export async function getRectificationConfig(
  db: Db,
  actor: Actor,
  regionCode: string | undefined,
  year: number,
): Promise<RectificationDeadlineConfig & { regionCode: string; fiscalYear: number }> {
  assertPermission(actor, 'rectification.read');
  const region = regionFor(actor, regionCode);
  return { regionCode: region, fiscalYear: year, ...(await deadlineConfig(db, region, year)) };
}

/** PUT /api/rectifications/config: the bureau's deadlines (days) for a year of its region. */
export async function setRectificationConfig(
  db: Db,
  actor: Actor,
  input: RectificationDeadlineConfig & { regionCode?: string | undefined; fiscalYear: number },
): Promise<RectificationDeadlineConfig & { regionCode: string; fiscalYear: number }> {
  assertPermission(actor, 'rectification.review');
  const region = regionFor(actor, input.regionCode);
  const config = { noticeDays: input.noticeDays, measureDays: input.measureDays };
  if (!isValidDeadlineConfig(config)) {
    throw new ServiceError('RECTIFICATION_DEADLINES_INVALID');
  }
  await db.transaction(async (tx) => {
    const before = await deadlineConfig(tx, region, input.fiscalYear);
    const row = await repo.upsertConfig(tx, {
      regionCode: region,
      fiscalYear: input.fiscalYear,
      ...config,
    });
    await auditInTx(tx, actor, {
      action: 'rectification.config',
      entity: 'rectification_configs',
      entityId: row.id,
      departmentCode: null,
      before,
      after: config,
    });
  });
  return { regionCode: region, fiscalYear: input.fiscalYear, ...config };
}

export {
  openRectificationCounts,
  raiseRectificationItems,
  type RaiseItem,
} from './rectifications-raise.ts';
