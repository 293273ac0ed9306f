// 事前绩效评估 (ex-ante assessment): per-region configuration, registered 第三方机构 and their accounts, the
// assessed items with every version of their score sheet, the bureau's review actions, and the graded review
// (优/良/中/差) of goal sets (§C.5).
import {
  boolean,
  customType,
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
  ExAnteAssessor,
  ExAnteConclusion,
  ExAnteTemplate,
  ExAnteThresholds,
  ExAnteType,
  PointInput,
  RatingShares,
} from '@jixiao/core';
import { createdAt, idColumn, money, updatedAt } from './common.ts';
import { departments } from './organizations.ts';
import { goals } from './goals.ts';

/** Per region and year: thresholds, rating shares and (optionally) the region's own templates. */
export const exanteConfigs = pgTable(
  'exante_configs',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    thresholds: jsonb('thresholds').$type<ExAnteThresholds>().notNull(),
    ratingShares: jsonb('rating_shares').$type<RatingShares>().notNull(),
    /** null = the built-in templates. */
    templates: jsonb('templates').$type<ExAnteTemplate[] | null>(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('exante_configs_region_year').on(t.regionCode, t.fiscalYear)],
);

/** A registered 第三方机构 of a region (fiscal_year = the year it was registered). */
export const exanteAgencies = pgTable(
  'exante_agencies',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('exante_agencies_region_code').on(t.regionCode, t.code)],
);

/** The accounts (role thirdParty) of an agency. */
export const exanteAgencyMembers = pgTable(
  'exante_agency_members',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    agencyId: text('agency_id')
      .notNull()
      .references(() => exanteAgencies.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('exante_agency_members_user').on(t.userId)],
);

export type ExAnteState = 'draft' | 'submitted' | 'returned' | 'thirdParty' | 'concluded';

/** A new project or policy (by project code) of a department-year under ex-ante assessment. */
export const exanteItems = pgTable(
  'exante_items',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    projectCode: text('project_code').notNull(),
    projectName: text('project_name').notNull(),
    type: text('type').$type<ExAnteType>().notNull(),
    isNew: boolean('is_new').notNull(),
    amount: money('amount').notNull(),
    previousAmount: money('previous_amount'),
    continuing: boolean('continuing').notNull().default(false),
    sensitive: boolean('sensitive').notNull().default(false),
    major: boolean('major').notNull().default(false),
    /** 立项背景, 主要内容, 资金构成 … (report chapter 一). */
    background: text('background').notNull().default(''),
    content: text('content').notNull().default(''),
    fundingText: text('funding_text').notNull().default(''),
    /** 事前 绩效目标: the goal text and its indicators (they become the project's draft goal set). */
    goalText: text('goal_text').notNull().default(''),
    goalIndicators: jsonb('goal_indicators').$type<ExAnteGoalIndicator[]>().notNull().default([]),
    state: text('state').$type<ExAnteState>().notNull().default('draft'),
    agencyId: text('agency_id').references(() => exanteAgencies.id),
    conclusion: text('conclusion').$type<ExAnteConclusion>(),
    total: numeric('total', { precision: 5, scale: 2 }),
    confirmed: boolean('confirmed').notNull().default(false),
    goalId: text('goal_id').references(() => goals.id, { onDelete: 'set null' }),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('exante_items_dept_year_code').on(t.departmentCode, t.fiscalYear, t.projectCode),
    index('exante_items_region_year').on(t.regionCode, t.fiscalYear),
  ],
);

export interface ExAnteGoalIndicator {
  level1: 'OUTPUT' | 'BENEFIT' | 'SATISFACTION' | 'COST';
  level2: string;
  name: string;
  operator: 'GE' | 'GT' | 'EQ' | 'LT' | 'LE' | 'QUAL';
  target: string;
  unit: string;
  weight: string;
}

/** One version of the score sheet; a version is frozen once submitted (调整完善 = a new version). */
export const exanteVersions = pgTable(
  'exante_versions',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => exanteItems.id, { onDelete: 'cascade' }),
    versionNo: integer('version_no').notNull(),
    assessor: text('assessor').$type<ExAnteAssessor>().notNull(),
    assessedBy: text('assessed_by').notNull(),
    assessedByName: text('assessed_by_name').notNull(),
    scores: jsonb('scores').$type<PointInput[]>().notNull(),
    total: numeric('total', { precision: 5, scale: 2 }).notNull(),
    conclusion: text('conclusion').$type<ExAnteConclusion>().notNull(),
    /** 总体结论 / 相关建议 written by the assessor. */
    summary: text('summary').notNull().default(''),
    suggestions: text('suggestions').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('exante_versions_item_no').on(t.itemId, t.versionNo)],
);

export type ExAnteAction =
  | 'register'
  | 'submit'
  | 'return'
  | 'conclude'
  | 'rescore'
  | 'assign'
  | 'thirdPartySubmit'
  | 'confirm'
  | 'revise'
  | 'adoptGoals';

/** The history of an item: who did what, with the opinion (审核意见). */
export const exanteEvents = pgTable(
  'exante_events',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => exanteItems.id, { onDelete: 'cascade' }),
    action: text('action').$type<ExAnteAction>().notNull(),
    versionNo: integer('version_no'),
    opinion: text('opinion'),
    actorUserId: text('actor_user_id').notNull(),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exante_events_item').on(t.itemId)],
);

/** bytea ↔ Buffer (PGlite hands back a Uint8Array, node-postgres a Buffer). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  fromDriver: (v) => Buffer.from(v),
});

/** A 佐证材料 file of an item, optionally of one 评估要点 and one version (type-checked, size-limited). */
export const exanteEvidence = pgTable(
  'exante_evidence',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => exanteItems.id, { onDelete: 'cascade' }),
    versionNo: integer('version_no'),
    pointCode: text('point_code'),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedByName: text('uploaded_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('exante_evidence_item').on(t.itemId)],
);

export type TargetReviewGrade = '优' | '良' | '中' | '差';

/** 绩效目标审核 (§C.5): the bureau's grade of a goal set with its opinion; every review is kept. */
export const goalReviewGrades = pgTable(
  'goal_review_grades',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    goalId: text('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    grade: text('grade').$type<TargetReviewGrade>().notNull(),
    opinion: text('opinion').notNull(),
    requiredChanges: text('required_changes'),
    reviewerUserId: text('reviewer_user_id').notNull(),
    reviewerName: text('reviewer_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('goal_review_grades_goal').on(t.goalId),
    // the bureau overview's grade counts of a region-year (issue 19: not every region's grades)
    index('goal_review_grades_region_year').on(t.regionCode, t.fiscalYear),
  ],
);
