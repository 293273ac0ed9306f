// 绩效运行监控 (双监控): one round per department, year and cut-off month, and the department's response
// to each warning (deviation reasons, completion likelihood, corrective measures).
import { index, integer, pgTable, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { MonitoringRoundStatus } from '@jixiao/core';
import { createdAt, idColumn, updatedAt } from './common.ts';
import { departments } from './organizations.ts';

export type { MonitoringRoundStatus };

export const monitoringRounds = pgTable(
  'monitoring_rounds',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    /** 监控截止月份 (1..12, typically 6 or 7). */
    cutoffMonth: smallint('cutoff_month').notNull(),
    status: text('status').$type<MonitoringRoundStatus>().notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('monitoring_rounds_dept_year_month').on(t.departmentCode, t.fiscalYear, t.cutoffMonth),
    index('monitoring_rounds_region_year').on(t.regionCode, t.fiscalYear),
  ],
);

/**
 * One warning's response. `subjectKey` names what was warned about: `budget:<projectId>`, `budget:department`,
 * `goal:<projectId|department>` or `indicator:<indicatorId>`; the level and v are stored as computed when saved.
 */
export const monitoringItems = pgTable(
  'monitoring_items',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    roundId: text('round_id')
      .notNull()
      .references(() => monitoringRounds.id, { onDelete: 'cascade' }),
    subjectKey: text('subject_key').notNull(),
    /** RED / YELLOW / GREEN / BLUE at the time of the response. */
    level: text('level'),
    v: text('v'),
    /** 偏差原因: FUNDING / SYSTEM / STAFFING / HARDWARE / OTHER. */
    deviationReasons: text('deviation_reasons').array().notNull().default([]),
    /** 偏差原因分析 (free text). */
    deviationNote: text('deviation_note'),
    /** 完成目标可能性: CERTAIN / POSSIBLE / IMPOSSIBLE. */
    completionLikelihood: text('completion_likelihood'),
    /** 纠偏措施. */
    measures: text('measures'),
    /** 全年预计完成情况 (optional). */
    expectedAnnual: text('expected_annual'),
    sort: integer('sort').notNull().default(0),
    updatedBy: text('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('monitoring_items_round_subject').on(t.roundId, t.subjectKey),
    index('monitoring_items_dept_year').on(t.departmentCode, t.fiscalYear),
  ],
);
