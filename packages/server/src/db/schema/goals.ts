// Performance goals (年度总体目标) and the three-level indicator tree, per project or department.
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { GoalStatus, Level1, Level2, Operator, TargetBasis } from '@jixiao/core';
import { createdAt, idColumn, updatedAt } from './common.ts';
import { departments } from './organizations.ts';
import { projects } from './projects.ts';

/** Lifecycle: draft → submitted → deptApproved → approved → locked (returned goes back to draft). */
export type { GoalStatus };

/** One goal set: the 年度总体目标 of a project (projectId set) or of the whole department (projectId null). */
export const goals = pgTable(
  'goals',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    projectId: text('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    /** 年度总体目标 — 预期目标. */
    targetText: text('target_text').notNull(),
    /** 实际完成情况 (filled after the year). */
    actualText: text('actual_text'),
    status: text('status').$type<GoalStatus>().notNull().default('draft'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    illustrative: boolean('illustrative').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('goals_dept_year').on(t.departmentCode, t.fiscalYear)],
);

export type { Level1, Level2, Operator, TargetBasis };

/** A level-3 indicator (三级指标) with its level-1/level-2 classification, target and actual. */
export const indicators = pgTable(
  'indicators',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    goalId: text('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    level1: text('level1').$type<Level1>().notNull(),
    level2: text('level2').$type<Level2>().notNull(),
    name: text('name').notNull(),
    operator: text('operator').$type<Operator>().notNull(),
    /** 年度指标值: decimal string, free text for QUAL. */
    target: text('target').notNull(),
    unit: text('unit').notNull().default(''),
    weight: numeric('weight', { precision: 6, scale: 2 }).notNull(),
    targetBasis: text('target_basis').$type<TargetBasis>(),
    dataSource: text('data_source'),
    sort: integer('sort').notNull().default(0),
    /** 实际完成值: decimal string, or ACHIEVED/PARTIAL/NOT_ACHIEVED for QUAL. */
    actual: text('actual'),
    actualEnteredAt: timestamp('actual_entered_at', { withTimezone: true }),
    actualEnteredBy: text('actual_entered_by'),
    evidence: text('evidence'),
    deviationNote: text('deviation_note'),
    /** QUAL: the evaluator's score within the band. */
    qualScore: numeric('qual_score', { precision: 6, scale: 2 }),
    deduction: numeric('deduction', { precision: 6, scale: 2 }),
    deductionReason: text('deduction_reason'),
    deductionBy: text('deduction_by'),
    deductionAt: timestamp('deduction_at', { withTimezone: true }),
    applicable: boolean('applicable').notNull().default(true),
    /** Live metric binding (investment pipeline etc.): metric key + params; actual computed from data. */
    metricKey: text('metric_key'),
    metricParams: jsonb('metric_params').$type<Record<string, unknown> | null>(),
    illustrative: boolean('illustrative').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('indicators_goal').on(t.goalId),
    index('indicators_dept_year').on(t.departmentCode, t.fiscalYear),
  ],
);

/** In-year progress of an indicator (cumulative value at a month end), for monitoring. */
export const indicatorProgress = pgTable(
  'indicator_progress',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    month: smallint('month').notNull(),
    value: text('value').notNull(),
    note: text('note'),
    importBatchId: text('import_batch_id'),
    createdAt: createdAt(),
  },
  (t) => [index('indicator_progress_ind').on(t.indicatorId, t.month)],
);
