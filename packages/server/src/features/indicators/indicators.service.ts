// Indicators of a goal set: create/edit/delete while draft or returned (clerk), actual values once the goal is
// locked (clerk), reviewer deductions with a reason (department head, finance reviewer). All audited.
import { and, eq, inArray } from 'drizzle-orm';
import {
  d,
  isDecimalString,
  isQuantitative,
  level2Allowed,
  parseQualLevel,
  qualitativeBand,
  toFixed2,
  LEVEL1_TEXT,
  LEVEL2_TEXT,
} from '@jixiao/core';
import type { Db, Queryable } from '../../db/open-db.ts';
import { selfEvaluations } from '../../db/schema/evaluations.ts';
import type { Level1, Level2, Operator, TargetBasis } from '../../db/schema/goals.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import * as crRepo from '../change-requests/change-requests.repository.ts';
import * as goalRepo from '../goals/goals.repository.ts';
import * as repo from './indicators.repository.ts';
import * as templateRepo from '../indicator-library/indicator-library.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import {
  indicatorView,
  loadGoalFor,
  lockEditableGoal,
  yearRules,
  type IndicatorView,
} from '../goals/goals.service.ts';

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
  if (!level2Allowed(i.level1, i.level2)) {
    throw new ServiceError('VALIDATION', {
      message: `二级指标「${LEVEL2_TEXT[i.level2]}」不属于一级指标「${LEVEL1_TEXT[i.level1]}」`,
      messageEn: `Level 2 ${i.level2} does not belong to level 1 ${i.level1}`,
    });
  }
  if (i.name.trim() === '') {
    throw new ServiceError('VALIDATION', {
      message: '三级指标名称不能为空',
      messageEn: 'The indicator name is empty',
    });
  }
  if (isQuantitative(i.operator) && i.target.trim() !== '' && !isDecimalString(i.target)) {
    throw new ServiceError('VALIDATION', {
      message: `定量指标的年度指标值应为数字（如 300、95.5），收到「${i.target}」：单位请填在计量单位中`,
      messageEn: `A quantitative target must be a number, got "${i.target}"`,
    });
  }
  assertWeight(i.weight);
}

export function assertWeight(w: string): void {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(w.trim()) || d(w).lte(0) || d(w).gt(100)) {
    throw new ServiceError('VALIDATION', {
      message: `分值应为大于 0、不超过 100、至多两位小数的数字，收到「${w}」`,
      messageEn: `Weight must be a number in (0, 100] with at most 2 decimals, got "${w}"`,
    });
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
    throw new ServiceError('CONFLICT', {
      message: `本目标下已有名为「${name.trim()}」的指标`,
      messageEn: `An indicator named ${name.trim()} already exists in this goal set`,
    });
  }
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
  const row = await db.transaction(async (tx) => {
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
  });
  return indicatorView(row);
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

/** An indicator the actor may act on with `permission` (404 unknown, 403 another department / role). */
async function loadIndicatorFor(
  db: Queryable,
  actor: Actor,
  id: string,
  permission: Parameters<typeof assertPermission>[1],
): Promise<repo.IndicatorRow> {
  const r = await repo.findIndicator(db, id);
  if (!r) {
    throw notFound(`指标「${id}」`, `Indicator ${id}`);
  }
  assertPermission(actor, permission, { code: r.departmentCode, regionCode: r.regionCode });
  return r;
}

export async function getIndicator(db: Db, actor: Actor, id: string): Promise<IndicatorView> {
  const r = await loadIndicatorFor(db, actor, id, 'goal.read');
  return indicatorView(r, await crRepo.listForIndicators(db, [r.id]));
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
    if (patch.name !== undefined) {
      await assertUniqueName(tx, cur.goalId, next.name, cur.id);
    }
    const r = await repo.updateIndicator(tx, id, {
      ...next,
      weight: toFixed2(d(next.weight)),
      ...(patch.targetBasis !== undefined ? { targetBasis: patch.targetBasis } : {}),
      ...(patch.dataSource !== undefined ? { dataSource: patch.dataSource?.trim() || null } : {}),
      ...(patch.sort !== undefined ? { sort: patch.sort } : {}),
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

// ——— after locking: actual values and deductions ———

async function assertGoalLocked(db: Queryable, goalId: string): Promise<goalRepo.GoalRow> {
  const g = await goalRepo.findGoal(db, goalId);
  if (!g || g.status !== 'locked') {
    throw new ServiceError(
      'LOCKED',
      {
        message: '指标目标尚未锁定，不能填报实际值',
        messageEn: 'The indicator’s targets are not locked yet; actual values cannot be entered',
      },
      { status: g?.status ?? null },
    );
  }
  return g;
}

async function assertEvaluationOpen(db: Queryable, r: repo.IndicatorRow): Promise<void> {
  const rows = await db
    .select({ status: selfEvaluations.status })
    .from(selfEvaluations)
    .where(
      and(
        eq(selfEvaluations.departmentCode, r.departmentCode),
        eq(selfEvaluations.fiscalYear, r.fiscalYear),
        inArray(selfEvaluations.status, ['submitted', 'accepted']),
      ),
    );
  if (rows.length > 0) {
    throw new ServiceError('STATE', {
      message: `${r.fiscalYear} 年度自评已提交，不能再修改实际值或扣分（被退回后可修改）`,
      messageEn: `The ${r.fiscalYear} self-evaluation has been submitted; actuals and deductions are frozen (until it is returned)`,
    });
  }
}

export interface ActualInput {
  /** Decimal for quantitative indicators; ACHIEVED / PARTIAL / NOT_ACHIEVED (or the Chinese texts) for 定性; null clears. */
  actual: string | null;
  evidence?: string | null | undefined;
  deviationNote?: string | null | undefined;
  /** 定性 only: the evaluator's score within the band of the chosen level. */
  qualScore?: string | null | undefined;
}

function actualSnapshot(r: repo.IndicatorRow): Record<string, unknown> {
  return {
    actual: r.actual,
    evidence: r.evidence,
    deviationNote: r.deviationNote,
    qualScore: r.qualScore,
  };
}

export async function setActual(
  db: Db,
  actor: Actor,
  id: string,
  input: ActualInput,
  now: Date,
): Promise<IndicatorView> {
  const pre = await loadIndicatorFor(db, actor, id, 'indicator.actual');
  await assertGoalLocked(db, pre.goalId);
  let actual: string | null = input.actual === null ? null : input.actual.trim();
  let qualScore: string | null = null;
  if (actual !== null) {
    if (isQuantitative(pre.operator)) {
      if (!isDecimalString(actual)) {
        throw new ServiceError('VALIDATION', {
          message: `定量指标的实际完成值应为数字（计量单位：${pre.unit || '无'}），收到「${actual}」`,
          messageEn: `A quantitative actual must be a number, got "${actual}"`,
        });
      }
      if (input.qualScore !== undefined && input.qualScore !== null) {
        throw new ServiceError('VALIDATION', {
          message: '定量指标按公式计分，不能填写定性得分',
          messageEn: 'Quantitative indicators are scored by formula; no qualitative score',
        });
      }
      actual = d(actual).toFixed();
    } else {
      const level = parseQualLevel(actual);
      if (!level) {
        throw new ServiceError('VALIDATION', {
          message:
            '定性指标的完成情况应为：达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差',
          messageEn: 'A qualitative actual must be ACHIEVED, PARTIAL or NOT_ACHIEVED',
        });
      }
      actual = level;
      const score = input.qualScore?.trim() ?? '';
      if (!isDecimalString(score)) {
        throw new ServiceError('VALIDATION', {
          message: '定性指标须填写得分（在所选档次的分数区间内）',
          messageEn: 'A qualitative indicator needs a score within the band of its level',
        });
      }
      const rules = await yearRules(db, pre.regionCode, pre.fiscalYear);
      const band = qualitativeBand(level, pre.weight, rules.scoring)!;
      const s = d(score);
      if (s.lt(d(band.min)) || (band.maxInclusive ? s.gt(d(band.max)) : s.gte(d(band.max)))) {
        throw new ServiceError(
          'VALIDATION',
          {
            message: `得分 ${score} 不在该档次的区间 [${band.min}, ${band.max}${band.maxInclusive ? ']' : ')'} 内`,
            messageEn: `Score ${score} is outside the band [${band.min}, ${band.max}${band.maxInclusive ? ']' : ')'}`,
          },
          { band },
        );
      }
      qualScore = toFixed2(s);
    }
  }
  const row = await db.transaction(async (tx) => {
    const cur = (await repo.lockIndicator(tx, id))!;
    await assertEvaluationOpen(tx, cur);
    const r = await repo.updateIndicator(tx, id, {
      actual,
      qualScore,
      ...(input.evidence !== undefined ? { evidence: input.evidence?.trim() || null } : {}),
      ...(input.deviationNote !== undefined
        ? { deviationNote: input.deviationNote?.trim() || null }
        : {}),
      actualEnteredAt: now,
      actualEnteredBy: actor.username,
      updatedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'indicator.actual.set',
      entity: 'indicators',
      entityId: id,
      departmentCode: r.departmentCode,
      before: actualSnapshot(cur),
      after: actualSnapshot(r),
    });
    return r;
  });
  return indicatorView(row, await crRepo.listForIndicators(db, [id]));
}

export interface DeductionInput {
  /** Points deducted (0 clears), at most the indicator's weight. */
  deduction: string;
  reason: string | null;
}

export async function setDeduction(
  db: Db,
  actor: Actor,
  id: string,
  input: DeductionInput,
  now: Date,
): Promise<IndicatorView> {
  const pre = await loadIndicatorFor(db, actor, id, 'indicator.deduction');
  const g = await goalRepo.findGoal(db, pre.goalId);
  if (!g || g.status !== 'locked') {
    throw new ServiceError(
      'LOCKED',
      {
        message: '指标目标尚未锁定，不能扣分',
        messageEn: 'The indicator’s targets are not locked yet; no deduction possible',
      },
      { status: g?.status ?? null },
    );
  }
  const text = input.deduction.trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text) || d(text).gt(d(pre.weight))) {
    throw new ServiceError('VALIDATION', {
      message: `扣分应为 0 至该指标分值 ${toFixed2(d(pre.weight))} 之间、至多两位小数的数字，收到「${text}」`,
      messageEn: `The deduction must be between 0 and the weight ${pre.weight}, got "${text}"`,
    });
  }
  const amount = d(text);
  const reason = input.reason?.trim() ?? '';
  if (amount.gt(0) && reason === '') {
    throw new ServiceError('VALIDATION', {
      message: '扣分须填写理由',
      messageEn: 'A deduction needs a reason',
    });
  }
  const row = await db.transaction(async (tx) => {
    const cur = (await repo.lockIndicator(tx, id))!;
    await assertEvaluationOpen(tx, cur);
    const cleared = amount.eq(0);
    const r = await repo.updateIndicator(tx, id, {
      deduction: cleared ? null : toFixed2(amount),
      deductionReason: cleared ? null : reason,
      deductionBy: cleared ? null : actor.username,
      deductionAt: cleared ? null : now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, {
      action: cleared ? 'indicator.deduction.clear' : 'indicator.deduction.set',
      entity: 'indicators',
      entityId: id,
      departmentCode: r.departmentCode,
      before: { deduction: cur.deduction, reason: cur.deductionReason, by: cur.deductionBy },
      after: { deduction: r.deduction, reason: r.deductionReason, by: r.deductionBy },
    });
    return r;
  });
  return indicatorView(row, await crRepo.listForIndicators(db, [id]));
}
