// Self-evaluations (单位自评) with the frozen input, the scores, the rule preset used; report texts.
import {
  bigserial,
  index,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import type { EvaluationStatus } from '@jixiao/core';
import { createdAt, idColumn, updatedAt } from './common.ts';
import { departments } from './organizations.ts';

export type { EvaluationStatus };

/** One self-evaluation of a project (projectId) or the whole department (projectId null). */
export const selfEvaluations = pgTable(
  'self_evaluations',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    /** null for the department-level (部门整体) self-evaluation. */
    projectId: text('project_id'),
    status: text('status').$type<EvaluationStatus>().notNull().default('draft'),
    /** Rule preset and effective rules used to score. */
    preset: text('preset').notNull(),
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull(),
    /** The scoring input as scored (frozen at submission: metric values included). */
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    output: jsonb('output').$type<Record<string, unknown>>().notNull(),
    total: numeric('total', { precision: 6, scale: 2 }),
    grade: text('grade'),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
    scoredBy: text('scored_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by'),
    reviewComment: text('review_comment'),
    /** Findings the finance bureau attached when returning the report for revision. */
    reviewFindings: jsonb('review_findings').$type<
      { code: string; severity: string; line: number | null; message: string }[] | null
    >(),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** The department head's sign-off (审核) before the evaluation leaves the department, with its comment. */
    headReviewedBy: text('head_reviewed_by'),
    headReviewedAt: timestamp('head_reviewed_at', { withTimezone: true }),
    headComment: text('head_comment'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('self_evaluations_dept_year').on(t.departmentCode, t.fiscalYear)],
);

export type EvaluationEventAction =
  'submitToHead' | 'headApprove' | 'headReturn' | 'submit' | 'return' | 'accept';

/** The sign-off history of a department-year's self-evaluation: who moved it where, when, and why. */
export const evaluationEvents = pgTable(
  'evaluation_events',
  {
    id: idColumn(),
    /** Insertion order (several events may share a timestamp). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    action: text('action').$type<EvaluationEventAction>().notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('evaluation_events_dept_year').on(t.departmentCode, t.fiscalYear)],
);

/** The department's own narrative inputs for the report of a year. */
export const reportNarratives = pgTable(
  'report_narratives',
  {
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    keyTasks: jsonb('key_tasks').$type<string[]>().notNull().default([]),
    achievements: jsonb('achievements').$type<string[]>().notNull().default([]),
    problems: jsonb('problems')
      .$type<{ text: string; measure: string; owner: string; deadline: string }[]>()
      .notNull()
      .default([]),
    managementPractice: jsonb('management_practice').$type<string[]>().notNull().default([]),
    /** Department income (收入) lines: label + 元 amount string. */
    income: jsonb('income').$type<{ label: string; amountYuan: string }[]>().notNull().default([]),
    updatedAt: updatedAt(),
  },
  (t) => [unique('report_narratives_dept_year').on(t.departmentCode, t.fiscalYear)],
);

/** A paragraph of the generated report overwritten by the user; kept across regenerations. */
export const reportOverrides = pgTable(
  'report_overrides',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    paragraphKey: text('paragraph_key').notNull(),
    text: text('text').notNull(),
    updatedBy: text('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [unique('report_overrides_key').on(t.departmentCode, t.fiscalYear, t.paragraphKey)],
);
