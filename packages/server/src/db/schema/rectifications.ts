// 整改 (rectification, full-cycle-rules §C.2): the 整改清单 items, their history, their evidence files and the
// deadline configuration per region and year. 逾期 is derived from the deadline and a clock, never stored.
import {
  customType,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  boolean,
} from 'drizzle-orm/pg-core';
import type {
  RectificationAction,
  RectificationCategory,
  RectificationSource,
  RectificationStatus,
} from '@jixiao/core';
import { createdAt, idColumn, updatedAt } from './common.ts';
import { departments } from './organizations.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** The §C.2 deadlines (days) of a region and year; no row = the defaults (20 / 30). */
export const rectificationConfigs = pgTable(
  'rectification_configs',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    noticeDays: integer('notice_days').notNull(),
    measureDays: integer('measure_days').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('rectification_configs_region_year').on(t.regionCode, t.fiscalYear)],
);

/** One 整改清单 item: fiscal_year is the year whose evaluation found the problem. */
export const rectificationItems = pgTable(
  'rectification_items',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    /** null = the department as a whole (部门整体). */
    projectId: text('project_id'),
    /** Per region and year: 1, 2, … (shown as 2023-整改-001). */
    seq: integer('seq').notNull(),
    source: text('source').$type<RectificationSource>().notNull(),
    /** What the source row is: a self-evaluation id + problem index, a monitoring item id, … */
    sourceRef: text('source_ref'),
    /** The evaluation (self or external) the problem belongs to; the 整改报告 is per evaluation. */
    evaluationId: text('evaluation_id'),
    indicatorRef: text('indicator_ref'),
    category: text('category').$type<RectificationCategory>().notNull().default('management'),
    problem: text('problem').notNull(),
    requirement: text('requirement').notNull().default(''),
    responsibleUnit: text('responsible_unit').notNull().default(''),
    owner: text('owner').notNull().default(''),
    measures: text('measures').notNull().default(''),
    /** The day the result became final, the day the notice was sent, and the measures' deadline. */
    finalOn: date('final_on', { mode: 'string' }).notNull(),
    noticedOn: date('noticed_on', { mode: 'string' }),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status').$type<RectificationStatus>().notNull().default('pending'),
    resultNote: text('result_note').notNull().default(''),
    reviewerOpinion: text('reviewer_opinion').notNull().default(''),
    budgetImpact: text('budget_impact').notNull().default(''),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    illustrative: boolean('illustrative').notNull().default(false),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('rectification_items_region_year_seq').on(t.regionCode, t.fiscalYear, t.seq),
    unique('rectification_items_source_ref').on(t.source, t.sourceRef),
    index('rectification_items_dept_year').on(t.departmentCode, t.fiscalYear),
  ],
);

/** The history of an item: who did what, the status before and after, and the note. */
export const rectificationEvents = pgTable(
  'rectification_events',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => rectificationItems.id, { onDelete: 'cascade' }),
    action: text('action').$type<RectificationAction>().notNull(),
    fromStatus: text('from_status').$type<RectificationStatus>(),
    toStatus: text('to_status').$type<RectificationStatus>().notNull(),
    note: text('note').notNull().default(''),
    actorUserId: text('actor_user_id').notNull(),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rectification_events_item').on(t.itemId)],
);

/** A 佐证材料 of an item: a note, optionally with an uploaded file. */
export const rectificationEvidence = pgTable(
  'rectification_evidence',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => rectificationItems.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    size: integer('size'),
    content: bytea('content'),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedByName: text('uploaded_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('rectification_evidence_item').on(t.itemId)],
);
