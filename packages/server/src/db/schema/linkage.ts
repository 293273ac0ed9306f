// 结果应用 (full-cycle-rules §C.1): the region's linkage rules per budget year, and the finance bureau's decision on
// each line of the 预算安排建议 (every decision kept; the latest of an object is the one in force).
import { index, jsonb, numeric, pgTable, smallint, text, unique } from 'drizzle-orm/pg-core';
import type {
  GradeSource,
  LinkageAction,
  LinkageGrade,
  LinkageObjectType,
  LinkageRuleSet,
  ProposedAction,
} from '@jixiao/core';
import { createdAt, idColumn, money, updatedAt } from './common.ts';

/** The rules of a region for a budget year (absent = the §C.1 defaults). */
export const linkageRules = pgTable(
  'linkage_rules',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    /** The budget year the rules apply to (grades come from the year before). */
    fiscalYear: smallint('fiscal_year').notNull(),
    rules: jsonb('rules').$type<LinkageRuleSet>().notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('linkage_rules_region_year').on(t.regionCode, t.fiscalYear)],
);

/** A finance user's confirmation or override of one line of the 预算安排建议, with the proposal it answered. */
export const linkageDecisions = pgTable(
  'linkage_decisions',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    /** The budget year decided. */
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    /** The project's code (codes carry over between years); null = 部门整体. */
    projectCode: text('project_code'),
    objectType: text('object_type').$type<LinkageObjectType>().notNull(),
    grade: text('grade').$type<LinkageGrade>(),
    gradeSource: text('grade_source').$type<NonNullable<GradeSource>>(),
    proposedAction: text('proposed_action').$type<ProposedAction>().notNull(),
    proposedCutPct: numeric('proposed_cut_pct', { precision: 5, scale: 2 }),
    proposedAmount: money('proposed_amount').notNull(),
    /** confirmed = the proposal as it stands; overridden = the action/amount below, with the reason. */
    decision: text('decision').$type<'confirmed' | 'overridden'>().notNull(),
    action: text('action').$type<LinkageAction | 'UNGRADED'>().notNull(),
    amount: money('amount').notNull(),
    reason: text('reason').notNull().default(''),
    decidedBy: text('decided_by').notNull(),
    decidedByName: text('decided_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('linkage_decisions_region_year').on(t.regionCode, t.fiscalYear),
    index('linkage_decisions_object').on(t.departmentCode, t.fiscalYear, t.projectCode),
  ],
);
