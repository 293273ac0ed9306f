// Raising 整改 items: the function other features call inside their own transaction (15a: an external
// evaluation concluded with findings), and the read helper the linkage (预算安排建议) uses.
import {
  DEFAULT_RECTIFICATION_DEADLINES,
  isRectificationDate,
  rectificationDeadlines,
  type RectificationCategory,
  type RectificationDeadlineConfig,
  type RectificationSource,
} from '@jixiao/core';
import type { Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError } from '../../http/service-error.ts';
import * as repo from './rectifications.repository.ts';
import { todayOf } from './rectifications.views.ts';

/** One problem to put on the 整改清单. */
export interface RaiseItem {
  regionCode: string;
  fiscalYear: number;
  departmentCode: string;
  projectId?: string | null | undefined;
  source: RectificationSource;
  /** Identifies the source row; an item with the same source and ref is not raised twice. */
  sourceRef?: string | null | undefined;
  evaluationId?: string | null | undefined;
  indicatorRef?: string | null | undefined;
  category?: RectificationCategory | undefined;
  problem: string;
  requirement?: string | undefined;
  responsibleUnit?: string | undefined;
  owner?: string | undefined;
  measures?: string | undefined;
  /** The day the result became final (default: today); the deadlines of §C.2 count from it. */
  finalOn?: string | undefined;
  /** The day the 整改要求 was sent (default: today, when the item is raised). */
  noticedOn?: string | undefined;
  /** An explicit deadline for the measures (default: §C.2 from finalOn / noticedOn). */
  deadline?: string | undefined;
  budgetImpact?: string | undefined;
  illustrative?: boolean | undefined;
}

export async function deadlineConfig(
  db: Queryable,
  regionCode: string,
  year: number,
): Promise<RectificationDeadlineConfig> {
  const row = await repo.findConfig(db, regionCode, year);
  return row
    ? { noticeDays: row.noticeDays, measureDays: row.measureDays }
    : { ...DEFAULT_RECTIFICATION_DEADLINES };
}

function datesOf(
  item: RaiseItem,
  config: RectificationDeadlineConfig,
  today: string,
): { finalOn: string; noticedOn: string; deadline: string } {
  const finalOn = item.finalOn ?? today;
  const noticedOn = item.noticedOn ?? (today > finalOn ? today : finalOn);
  const deadline = item.deadline ?? rectificationDeadlines(finalOn, config, noticedOn).deadline;
  for (const v of [finalOn, noticedOn, deadline]) {
    if (!isRectificationDate(v)) {
      throw new ServiceError('REQUEST_INVALID', {
        problem: `日期「${v}」无效`,
        problemEn: `date "${v}" is invalid`,
      });
    }
  }
  if (deadline < finalOn) {
    throw new ServiceError('RECTIFICATION_DATE_INVALID', { finalOn });
  }
  return { finalOn, noticedOn, deadline };
}

async function raiseOne(
  tx: Queryable,
  actor: Actor,
  item: RaiseItem,
  today: string,
): Promise<repo.ItemRow | null> {
  const problem = item.problem.trim();
  if (!problem) {
    throw new ServiceError('RECTIFICATION_PROBLEM_REQUIRED');
  }
  const config = await deadlineConfig(tx, item.regionCode, item.fiscalYear);
  const row = await repo.insertItem(tx, {
    regionCode: item.regionCode,
    fiscalYear: item.fiscalYear,
    departmentCode: item.departmentCode,
    projectId: item.projectId ?? null,
    seq: await repo.nextSeq(tx, item.regionCode, item.fiscalYear),
    source: item.source,
    sourceRef: item.sourceRef ?? null,
    evaluationId: item.evaluationId ?? null,
    indicatorRef: item.indicatorRef ?? null,
    category: item.category ?? 'management',
    problem,
    requirement: item.requirement?.trim() ?? '',
    responsibleUnit: item.responsibleUnit?.trim() ?? '',
    owner: item.owner?.trim() ?? '',
    measures: item.measures?.trim() ?? '',
    ...datesOf(item, config, today),
    budgetImpact: item.budgetImpact?.trim() ?? '',
    illustrative: item.illustrative ?? false,
    createdBy: actor.userId,
  });
  if (!row) {
    return null;
  }
  await repo.insertEvent(tx, {
    regionCode: row.regionCode,
    fiscalYear: row.fiscalYear,
    departmentCode: row.departmentCode,
    itemId: row.id,
    action: 'raise',
    fromStatus: null,
    toStatus: row.status,
    note: row.requirement,
    actorUserId: actor.userId,
    actorName: actor.displayName,
  });
  await auditInTx(tx, actor, {
    action: 'rectification.raise',
    entity: 'rectification_items',
    entityId: row.id,
    departmentCode: row.departmentCode,
    before: null,
    after: { ...row, createdAt: undefined, updatedAt: undefined },
  });
  return row;
}

/**
 * Puts problems on the 整改清单 inside the caller's transaction (the caller has checked its own access).
 * Items whose source and sourceRef were raised before are skipped; the rows created are returned.
 */
export async function raiseRectificationItems(
  tx: Queryable,
  actor: Actor,
  items: readonly RaiseItem[],
  now: Date = new Date(),
): Promise<repo.ItemRow[]> {
  const today = todayOf(now);
  const created: repo.ItemRow[] = [];
  for (const item of items) {
    const row = await raiseOne(tx, actor, item, today);
    if (row) {
      created.push(row);
    }
  }
  return created;
}

/** Open (not 销号) items per department and project of a region's evaluation year. */
export async function openRectificationCounts(
  db: Queryable,
  regionCode: string,
  fiscalYear: number,
): Promise<{ departmentCode: string; projectId: string | null; open: number }[]> {
  return repo.openCounts(db, regionCode, fiscalYear);
}
