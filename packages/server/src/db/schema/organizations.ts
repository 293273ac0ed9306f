// Regions, departments (and the finance bureau), their units, staffing and fiscal years.
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './common.ts';

/** 行政区划: 6-digit code, e.g. 440105 广州市海珠区. */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  parentCode: text('parent_code'),
  level: text('level').$type<'province' | 'city' | 'district'>().notNull(),
});

/**
 * A department (主管部门), one of its units (所属单位: kind 'unit', parent_code = the department) or the region's
 * finance bureau (财政局). Codes come from the region's 预算单位名录 (letters, digits, - and .), unique in the
 * installation. An agency is never deleted: deactivated (active = false) once it may hold data.
 */
export const departments = pgTable(
  'departments',
  {
    code: text('code').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    kind: text('kind')
      .$type<'department' | 'financeBureau' | 'unit'>()
      .notNull()
      .default('department'),
    /** The department a unit (所属单位) belongs to; null for departments and the finance bureau. */
    parentCode: text('parent_code'),
    /** 单位类型: 行政单位 / 参公单位 / 事业单位 (as the 单位名录 says), or null. */
    agencyType: text('agency_type'),
    active: boolean('active').notNull().default(true),
    /** 主要职能, one duty per item. */
    functions: jsonb('functions').$type<string[]>().notNull().default([]),
    illustrative: boolean('illustrative').notNull().default(false),
    createdAt: createdAt(),
  },
  // A region's agencies are listed by region (issue 19: not by reading every region's rows).
  (t) => [index('departments_region').on(t.regionCode)],
);

/** 内设机构 / 下属单位. */
export const departmentUnits = pgTable(
  'department_units',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('内设机构'),
    sort: smallint('sort').notNull().default(0),
  },
  (t) => [index('department_units_department').on(t.departmentCode)],
);

/** 编制数 / 在职 / 离退休, per year. */
export const staffing = pgTable(
  'staffing',
  {
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    authorizedStaff: integer('authorized_staff').notNull(),
    activeStaff: integer('active_staff').notNull(),
    retiredStaff: integer('retired_staff').notNull(),
    illustrative: boolean('illustrative').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.fiscalYear, t.departmentCode] })],
);

/** A region's fiscal year with its rule preset and configuration. */
export const fiscalYears = pgTable(
  'fiscal_years',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    year: smallint('year').notNull(),
    /** Scoring rule preset (see @jixiao/core scoring presets), e.g. mof-2020. */
    scoringPreset: text('scoring_preset').notNull().default('mof-2020'),
    /** 自评工作通知 cited by reports. */
    basisNotice: text('basis_notice'),
    /** Monitoring configuration (序时进度 per quarter, warning thresholds); null = defaults. */
    monitoringConfig: jsonb('monitoring_config').$type<Record<string, unknown> | null>(),
    /** Whether goal sets also need the finance bureau's approval after the department head's. */
    financeApprovalRequired: boolean('finance_approval_required').notNull().default(true),
    /** Whether the department head signs the self-evaluation off (审核) before it goes to the finance bureau. */
    evaluationHeadReviewRequired: boolean('evaluation_head_review_required')
      .notNull()
      .default(true),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);
