// 财政重点评价 / 部门评价 (external evaluation, full-cycle-rules §B): the region's editable indicator templates, the
// evaluations (a project with a submitted self-evaluation, or a department's whole expenditure) and their
// score sheets (one row per 三级 indicator with its rule, input, score, 扣分理由 and 佐证材料).
import {
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import type {
  ExecutionRateFormula,
  ExtEvalDimension,
  ExtEvalEvaluatorKind,
  ExtEvalFinding,
  ExtEvalGrade,
  ExtEvalInput,
  ExtEvalNarrative,
  ExtEvalObjectKind,
  ExtEvalRule,
  ExtEvalStatus,
  ExtEvalTemplate,
  ExtEvalWeights,
} from '@jixiao/core';
import { createdAt, idColumn, updatedAt } from './common.ts';
import { departments } from './organizations.ts';
import { projects } from './projects.ts';
import { exanteAgencies } from './exante.ts';

/** The indicator template of a region, year and object kind (absent = the built-in 10号 framework). */
export const externalEvaluationTemplates = pgTable(
  'external_evaluation_templates',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    objectKind: text('object_kind').$type<ExtEvalObjectKind>().notNull(),
    template: jsonb('template').$type<ExtEvalTemplate>().notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('external_evaluation_templates_key').on(t.regionCode, t.fiscalYear, t.objectKind)],
);

/** One external evaluation; fiscal_year is the year evaluated; project_id null = 部门整体 (部门评价). */
export const externalEvaluations = pgTable(
  'external_evaluations',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    projectId: text('project_id').references(() => projects.id),
    objectName: text('object_name').notNull(),
    evaluatorKind: text('evaluator_kind').$type<ExtEvalEvaluatorKind>().notNull(),
    /** In-house: the finance reviewer who scores; third party: the agency whose accounts score. */
    evaluatorUserId: text('evaluator_user_id'),
    agencyId: text('agency_id').references(() => exanteAgencies.id),
    status: text('status').$type<ExtEvalStatus>().notNull().default('draft'),
    weights: jsonb('weights').$type<ExtEvalWeights>().notNull(),
    executionFormula: text('execution_formula')
      .$type<ExecutionRateFormula>()
      .notNull()
      .default('byAvailable'),
    total: numeric('total', { precision: 6, scale: 2 }),
    grade: text('grade').$type<ExtEvalGrade>(),
    narrative: jsonb('narrative').$type<ExtEvalNarrative>().notNull(),
    findings: jsonb('findings').$type<ExtEvalFinding[]>().notNull().default([]),
    conclusionOpinion: text('conclusion_opinion'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    concludedAt: timestamp('concluded_at', { withTimezone: true }),
    concludedBy: text('concluded_by'),
  },
  (t) => [
    index('external_evaluations_region_year').on(t.regionCode, t.fiscalYear),
    index('external_evaluations_dept_year').on(t.departmentCode, t.fiscalYear),
  ],
);

/** One 三级 indicator of an evaluation's score sheet. */
export const externalEvaluationIndicators = pgTable(
  'external_evaluation_indicators',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    evaluationId: text('evaluation_id')
      .notNull()
      .references(() => externalEvaluations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    dimension: text('dimension').$type<ExtEvalDimension>().notNull(),
    level2: text('level2').notNull(),
    name: text('name').notNull(),
    explanation: text('explanation').notNull().default(''),
    points: text('points').notNull().default(''),
    criterion: text('criterion').notNull().default(''),
    maxScore: numeric('max_score', { precision: 6, scale: 2 }).notNull(),
    rule: jsonb('rule').$type<ExtEvalRule>().notNull(),
    metric: text('metric').$type<'budgetExecution'>(),
    input: jsonb('input').$type<ExtEvalInput>(),
    score: numeric('score', { precision: 6, scale: 2 }),
    /** What the engine derived (rates, both 预算执行率 figures, the formula used). */
    detail: jsonb('detail').$type<Record<string, string>>(),
    deductionReason: text('deduction_reason').notNull().default(''),
    evidence: jsonb('evidence').$type<string[]>().notNull().default([]),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('external_evaluation_indicators_pos').on(t.evaluationId, t.position),
    index('external_evaluation_indicators_eval').on(t.evaluationId),
  ],
);
