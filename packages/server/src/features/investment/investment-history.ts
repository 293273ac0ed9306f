// The stage history (招商项目阶段变更记录) a write leaves: one row per stage reached on create or import,
// per stage passed on a forward move (skipped stages count as reached the same day), one row for a
// correction back, and one row when an import rewrites dates it cannot explain as forward moves.
import {
  PIPELINE_STAGES,
  stageIndex,
  yearOf,
  type PipelineStage,
  type StageDates,
  type StageMove,
} from '@jixiao/core/investment/index';
import type { Actor } from '../../auth/actor.ts';
import { datesOf } from './investment-views.ts';
import type * as repo from './investment.repository.ts';

interface ProjectRef {
  id: string;
  regionCode: string;
  departmentCode: string;
}

interface ChangeBy {
  actor: Actor;
  now: Date;
}

function change(
  p: ProjectRef,
  by: ChangeBy,
  row: Pick<
    repo.StageChangeInsert,
    'fiscalYear' | 'kind' | 'fromStage' | 'toStage' | 'reachedOn' | 'reason'
  >,
): repo.StageChangeInsert {
  return {
    regionCode: p.regionCode,
    departmentCode: p.departmentCode,
    projectId: p.id,
    ...row,
    changedBy: by.actor.userId,
    changedByName: by.actor.displayName,
    changedAt: by.now,
  };
}

/** One row per stage reached after `from` (null: from the start) up to `stage`. */
export function reachedRows(
  p: ProjectRef,
  kind: 'create' | 'import',
  from: PipelineStage | null,
  stage: PipelineStage,
  dates: StageDates,
  by: ChangeBy & { reason: string | null },
): repo.StageChangeInsert[] {
  const out: repo.StageChangeInsert[] = [];
  let prev = from;
  const start = from === null ? 0 : stageIndex(from) + 1;
  for (let i = start; i <= stageIndex(stage); i++) {
    const s = PIPELINE_STAGES[i]!;
    const reachedOn = dates[s]!;
    out.push(
      change(p, by, {
        fiscalYear: yearOf(reachedOn),
        kind,
        fromStage: prev,
        toStage: s,
        reachedOn,
        reason: by.reason,
      }),
    );
    prev = s;
  }
  return out;
}

/** The rows of a stage move: a correction back, or each stage passed forward. */
export function moveRows(
  p: ProjectRef,
  from: PipelineStage,
  m: StageMove,
  by: ChangeBy & { reason: string | null; today: string },
): repo.StageChangeInsert[] {
  if (m.direction === 'back') {
    return [
      change(p, by, {
        fiscalYear: yearOf(by.today),
        kind: 'back',
        fromStage: from,
        toStage: m.stage,
        reachedOn: null,
        reason: by.reason,
      }),
    ];
  }
  return m.reached.map((s, i) =>
    change(p, by, {
      fiscalYear: yearOf(m.dates[s]!),
      kind: 'forward',
      fromStage: i === 0 ? from : m.reached[i - 1]!,
      toStage: s,
      reachedOn: m.dates[s],
      reason: i < m.reached.length - 1 ? '跨阶段推进，视为同日达到' : by.reason,
    }),
  );
}

function sameDates(a: StageDates, b: StageDates): boolean {
  return PIPELINE_STAGES.every((s) => a[s] === b[s]);
}

/**
 * The rows an import leaves on an existing project: none when stage and dates are unchanged; the stages
 * reached when it only moved forward; else one row recording the corrected dates.
 */
export function importUpdateRows(
  old: repo.InvestmentProjectRow,
  stage: PipelineStage,
  dates: StageDates,
  by: ChangeBy & { fileName: string },
): repo.StageChangeInsert[] {
  const before = datesOf(old);
  if (old.stage === stage && sameDates(before, dates)) {
    return [];
  }
  const forwardOnly =
    stageIndex(stage) > stageIndex(old.stage) &&
    PIPELINE_STAGES.slice(0, stageIndex(old.stage) + 1).every((s) => before[s] === dates[s]);
  if (forwardOnly) {
    return reachedRows(old, 'import', old.stage, stage, dates, {
      ...by,
      reason: `导入：${by.fileName}`,
    });
  }
  return [
    change(old, by, {
      fiscalYear: yearOf(dates[stage]!),
      kind: 'import',
      fromStage: old.stage,
      toStage: stage,
      reachedOn: dates[stage],
      reason: `导入更正阶段日期：${by.fileName}`,
    }),
  ];
}
