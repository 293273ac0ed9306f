// Indicators of a goal set: create/edit/delete while draft or returned (clerk). Actual values and reviewer
// deductions after locking are in indicator-results.service.ts (exported from here for the routes). All audited.
import { indicatorShapeViolation, weightViolation } from '@jixiao/core/indicators/indicator-rules';
import { d, toFixed2 } from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import type { Level1, Level2, Operator, TargetBasis } from '../../db/schema/goals.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import * as crRepo from '../change-requests/change-requests.repository.ts';
import * as repo from './indicators.repository.ts';
import * as templateRepo from '../indicator-library/indicator-library.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import {
  indicatorView,
  loadGoalFor,
  lockEditableGoal,
  type IndicatorView,
} from '../goals/goals.service.ts';
import { loadIndicatorFor } from './indicators.access.ts';

export {
  setActual,
  setDeduction,
  type ActualInput,
  type DeductionInput,
} from './indicator-results.service.ts';

export interface IndicatorInput {
  level1: Level1;
  level2: Level2;
  name: string;
  operator: Operator;
  target: string;
  unit: string;
  weight: string;
  targetBasis?: TargetBasis | null | undefined;
  dataSource?: string | null | undefined;
  sort?: number | undefined;
}

export function indicatorSnapshot(r: repo.IndicatorRow): Record<string, unknown> {
  return {
    id: r.id,
    goalId: r.goalId,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    operator: r.operator,
    target: r.target,
    unit: r.unit,
    weight: r.weight,
    targetBasis: r.targetBasis,
    dataSource: r.dataSource,
  };
}

/** Checks of one indicator that are clear at once (structure, numbers); the goal-set checks run at submission. */
export function assertIndicatorShape(
  i: Pick<IndicatorInput, 'level1' | 'level2' | 'name' | 'operator' | 'target' | 'weight'>,
): void {
  const v = indicatorShapeViolation(i);
  if (v) {
    throw new ServiceError(v.code, v.params);
  }
}

/** A weight in (0, 100] with at most two decimals (WEIGHT_INVALID). */
export function assertWeight(w: string): void {
  const v = weightViolation(w);
  if (v) {
    throw new ServiceError(v.code, v.params);
  }
}

async function assertUniqueName(
  db: Queryable,
  goalId: string,
  name: string,
  exceptId: string | null,
): Promise<void> {
  const inds = await repo.listIndicatorsOfGoals(db, [goalId]);
  if (inds.some((i) => i.id !== exceptId && i.name.trim() === name.trim())) {
    throw new ServiceError('INDICATOR_NAME_TAKEN', { name: name.trim() });
  }
}

async function insertIndicator(
  tx: Queryable,
  actor: Actor,
  goalId: string,
  input: IndicatorInput,
  now: Date,
): Promise<repo.IndicatorRow> {
  const g = await lockEditableGoal(tx, actor, goalId);
  await assertUniqueName(tx, goalId, input.name, null);
  const r = await repo.insertIndicator(tx, {
    regionCode: g.regionCode,
    fiscalYear: g.fiscalYear,
    departmentCode: g.departmentCode,
    goalId,
    level1: input.level1,
    level2: input.level2,
    name: input.name.trim(),
    operator: input.operator,
    target: input.target.trim(),
    unit: input.unit.trim(),
    weight: toFixed2(d(input.weight)),
    targetBasis: input.targetBasis ?? null,
    dataSource: input.dataSource?.trim() || null,
    sort: input.sort ?? (await repo.nextSort(tx, goalId)),
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, actor, {
    action: 'indicator.create',
    entity: 'indicators',
    entityId: r.id,
    departmentCode: r.departmentCode,
    before: null,
    after: indicatorSnapshot(r),
  });
  return r;
}

export async function addIndicator(
  db: Db,
  actor: Actor,
  goalId: string,
  input: IndicatorInput,
  now: Date,
): Promise<IndicatorView> {
  await loadGoalFor(db, actor, goalId, 'goal.edit');
  assertIndicatorShape(input);
  return indicatorView(
    await db.transaction((tx) => insertIndicator(tx, actor, goalId, input, now)),
  );
}

export interface FromTemplateInput {
  templateId: string;
  target: string;
  weight: string;
  unit?: string | undefined;
  name?: string | undefined;
  targetBasis?: TargetBasis | null | undefined;
  dataSource?: string | null | undefined;
}

/** A new indicator of a goal set from a library template (its level 1/2, name, unit, operator and data source). */
export async function addIndicatorFromTemplate(
  db: Db,
  actor: Actor,
  goalId: string,
  input: FromTemplateInput,
  now: Date,
): Promise<IndicatorView> {
  await loadGoalFor(db, actor, goalId, 'goal.edit');
  const t = await templateRepo.findTemplate(db, input.templateId);
  if (!t) {
    throw notFound(`指标库模板「${input.templateId}」`, `Indicator template ${input.templateId}`);
  }
  return addIndicator(
    db,
    actor,
    goalId,
    {
      level1: t.level1,
      level2: t.level2,
      name: input.name ?? t.name,
      operator: t.operator,
      target: input.target,
      unit: input.unit ?? t.unit,
      weight: input.weight,
      targetBasis: input.targetBasis ?? null,
      dataSource: input.dataSource ?? t.dataSource,
    },
    now,
  );
}

export async function getIndicator(db: Db, actor: Actor, id: string): Promise<IndicatorView> {
  const r = await loadIndicatorFor(db, actor, id, 'goal.read');
  return indicatorView(r, await crRepo.listForIndicators(db, [r.id]));
}

/** The checked fields of an indicator after a patch. */
function patched(cur: repo.IndicatorRow, patch: Partial<IndicatorInput>) {
  const next = {
    level1: patch.level1 ?? cur.level1,
    level2: patch.level2 ?? cur.level2,
    name: (patch.name ?? cur.name).trim(),
    operator: patch.operator ?? cur.operator,
    target: (patch.target ?? cur.target).trim(),
    unit: (patch.unit ?? cur.unit).trim(),
    weight: patch.weight ?? cur.weight,
  };
  assertIndicatorShape(next);
  return next;
}

/** The optional fields a patch sets (absent: unchanged). */
function optionalFields(patch: Partial<IndicatorInput>) {
  return {
    ...(patch.targetBasis !== undefined ? { targetBasis: patch.targetBasis } : {}),
    ...(patch.dataSource !== undefined ? { dataSource: patch.dataSource?.trim() || null } : {}),
    ...(patch.sort !== undefined ? { sort: patch.sort } : {}),
  };
}

export async function updateIndicator(
  db: Db,
  actor: Actor,
  id: string,
  patch: Partial<IndicatorInput>,
  now: Date,
): Promise<IndicatorView> {
  const pre = await loadIndicatorFor(db, actor, id, 'goal.edit');
  const row = await db.transaction(async (tx) => {
    await lockEditableGoal(tx, actor, pre.goalId);
    const cur = (await repo.lockIndicator(tx, id))!;
    const next = patched(cur, patch);
    if (patch.name !== undefined) {
      await assertUniqueName(tx, cur.goalId, next.name, cur.id);
    }
    const r = await repo.updateIndicator(tx, id, {
      ...next,
      weight: toFixed2(d(next.weight)),
      ...optionalFields(patch),
      updatedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'indicator.update',
      entity: 'indicators',
      entityId: id,
      departmentCode: r.departmentCode,
      before: indicatorSnapshot(cur),
      after: indicatorSnapshot(r),
    });
    return r;
  });
  return indicatorView(row);
}

export async function deleteIndicator(db: Db, actor: Actor, id: string): Promise<void> {
  const pre = await loadIndicatorFor(db, actor, id, 'goal.edit');
  await db.transaction(async (tx) => {
    await lockEditableGoal(tx, actor, pre.goalId);
    const cur = (await repo.lockIndicator(tx, id))!;
    await repo.deleteIndicator(tx, id);
    await recordAudit(tx, actor, {
      action: 'indicator.delete',
      entity: 'indicators',
      entityId: id,
      departmentCode: cur.departmentCode,
      before: indicatorSnapshot(cur),
      after: null,
    });
  });
}
