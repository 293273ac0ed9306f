// The investment bureau's business: responsible units (部门 / 街道), the project pipeline with its stage
// history, the city's yearly targets and their decomposition, key enterprises with their chief service
// officer, enterprise requests and follow-up surveys, policy packages and the grants paid under them.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, money, updatedAt } from './common.ts';
import { departments } from './organizations.ts';
import { projects } from './projects.ts';

export type PipelineStageCode = 'LEAD' | 'NEGOTIATING' | 'SIGNED' | 'REGISTERED' | 'OPERATING';

/** 招商责任单位: a department of the district or one of its 街道, receiving a share of the targets. */
export const investmentUnits = pgTable(
  'investment_units',
  {
    regionCode: text('region_code').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<'department' | 'subdistrict'>().notNull(),
    /** When the unit is a department of this system (e.g. 440105-TZCJ). */
    departmentCode: text('department_code').references(() => departments.code),
    sort: smallint('sort').notNull().default(0),
    illustrative: boolean('illustrative').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.code] })],
);

/**
 * 招商项目: one project of the pipeline kept by a department (the bureau). fiscal_year is the year it
 * entered the pipeline; the metrics count by the dated stages, whatever the entry year.
 */
export const investmentProjects = pgTable(
  'investment_projects',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    /** 项目编号, unique within the department. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 投资方. */
    investor: text('investor').notNull(),
    /** GB/T 4754-2017 国民经济行业分类 code and name. */
    industryCode: text('industry_code').notNull(),
    industryName: text('industry_name').notNull(),
    /** 计划（协议）投资额, 元, numeric(18,2). */
    plannedInvestment: money('planned_investment').notNull(),
    isKeyProject: boolean('is_key_project').notNull().default(false),
    /** 责任单位 (investment_units.code of the same region). */
    responsibleUnitCode: text('responsible_unit_code').notNull(),
    /** 招商方式: BUILDING_CHIEF 楼长招商, CHAIN_LEADER 链主招商, … (core/investment/vocabulary.ts). */
    source: text('source').notNull(),
    stage: text('stage').$type<PipelineStageCode>().notNull(),
    leadOn: date('lead_on').notNull(),
    negotiatingOn: date('negotiating_on'),
    signedOn: date('signed_on'),
    registeredOn: date('registered_on'),
    operatingOn: date('operating_on'),
    contact: text('contact'),
    note: text('note'),
    illustrative: boolean('illustrative').notNull().default(false),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedBy: text('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('investment_projects_dept_code').on(t.departmentCode, t.code),
    index('investment_projects_region_year').on(t.regionCode, t.fiscalYear),
    index('investment_projects_dept_stage').on(t.departmentCode, t.stage),
    index('investment_projects_dept_negotiating').on(t.departmentCode, t.negotiatingOn),
    index('investment_projects_dept_registered').on(t.departmentCode, t.registeredOn),
    check(
      'investment_projects_stage',
      sql`${t.stage} in ('LEAD','NEGOTIATING','SIGNED','REGISTERED','OPERATING')`,
    ),
    check('investment_projects_amount', sql`${t.plannedInvestment} >= 0`),
  ],
);

/** Every stage change of a project: who moved it, when, and the date the stage was reached. */
export const investmentStageChanges = pgTable(
  'investment_stage_changes',
  {
    id: idColumn(),
    /** Insertion order: several changes can share one timestamp (a move that skips stages). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    /** The year of reached_on (or of the change, for a correction). */
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    projectId: text('project_id')
      .notNull()
      .references(() => investmentProjects.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'create' | 'forward' | 'back' | 'import'>().notNull(),
    fromStage: text('from_stage').$type<PipelineStageCode>(),
    toStage: text('to_stage').$type<PipelineStageCode>().notNull(),
    /** The date the stage was reached (null for a correction backwards). */
    reachedOn: date('reached_on'),
    reason: text('reason'),
    changedBy: text('changed_by').notNull(),
    changedByName: text('changed_by_name').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('investment_stage_changes_project').on(t.projectId, t.seq)],
);

/** A target the city set for the district for a year (市下达任务), kept by the bureau. */
export const investmentTargets = pgTable(
  'investment_targets',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    /** negotiatedKeyProjects | registeredProjects | signedInvestment (core/investment/target-allocation.ts). */
    kind: text('kind').notNull(),
    /** Count of projects, or 元 for signedInvestment. */
    targetValue: money('target_value').notNull(),
    documentNo: text('document_no'),
    note: text('note'),
    illustrative: boolean('illustrative').notNull().default(false),
    updatedBy: text('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [unique('investment_targets_dept_year_kind').on(t.departmentCode, t.fiscalYear, t.kind)],
);

/** A unit's share of a target (任务分解). */
export const investmentAllocations = pgTable(
  'investment_allocations',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    targetId: text('target_id')
      .notNull()
      .references(() => investmentTargets.id, { onDelete: 'cascade' }),
    unitCode: text('unit_code').notNull(),
    /** Count of projects, or 元 for signedInvestment. */
    value: money('value').notNull(),
  },
  (t) => [
    unique('investment_allocations_target_unit').on(t.targetId, t.unitCode),
    check('investment_allocations_value', sql`${t.value} >= 0`),
  ],
);

/** An enterprise the bureau serves; key enterprises have a chief service officer (首席服务官, CSO). */
export const enterprises = pgTable(
  'enterprises',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    /** The year the enterprise was first recorded. */
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    name: text('name').notNull(),
    /** 统一社会信用代码 (18 characters, check character verified). */
    creditCode: text('credit_code'),
    industryCode: text('industry_code'),
    industryName: text('industry_name'),
    /** 所在街道 (investment_units.code). */
    subdistrictCode: text('subdistrict_code'),
    isKeyEnterprise: boolean('is_key_enterprise').notNull().default(false),
    serviceOfficer: text('service_officer'),
    serviceOfficerUnit: text('service_officer_unit'),
    serviceOfficerSince: date('service_officer_since'),
    /** The pipeline project it came from, when it registered through the bureau. */
    investmentProjectId: text('investment_project_id').references(() => investmentProjects.id, {
      onDelete: 'set null',
    }),
    illustrative: boolean('illustrative').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('enterprises_dept_credit_code').on(t.departmentCode, t.creditCode),
    index('enterprises_dept').on(t.departmentCode, t.isKeyEnterprise),
  ],
);

/** 企业诉求: a request from an enterprise, tracked from receipt to closure. */
export const enterpriseRequests = pgTable(
  'enterprise_requests',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    /** The year received. */
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    enterpriseId: text('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    category: text('category').notNull(),
    summary: text('summary').notNull(),
    receivedOn: date('received_on').notNull(),
    /** 办理期限. */
    dueOn: date('due_on').notNull(),
    closedOn: date('closed_on'),
    status: text('status').$type<'open' | 'closed' | 'withdrawn'>().notNull().default('open'),
    /** 办理结果. */
    closureNote: text('closure_note'),
    handledBy: text('handled_by'),
    illustrative: boolean('illustrative').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('enterprise_requests_dept_due').on(t.departmentCode, t.dueOn),
    index('enterprise_requests_dept_closed').on(t.departmentCode, t.closedOn),
    check(
      'enterprise_requests_dates',
      sql`${t.dueOn} >= ${t.receivedOn} and (${t.closedOn} is null or ${t.closedOn} >= ${t.receivedOn})`,
    ),
    check(
      'enterprise_requests_closed',
      sql`(${t.status} = 'closed') = (${t.closedOn} is not null)`,
    ),
  ],
);

/** 满意度回访 after a request was closed: a 1–5 score or a yes/no answer. */
export const satisfactionSurveys = pgTable(
  'satisfaction_surveys',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    requestId: text('request_id')
      .notNull()
      .references(() => enterpriseRequests.id, { onDelete: 'cascade' }),
    surveyedOn: date('surveyed_on').notNull(),
    score: smallint('score'),
    satisfied: boolean('satisfied'),
    comment: text('comment'),
    illustrative: boolean('illustrative').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    unique('satisfaction_surveys_request').on(t.requestId),
    index('satisfaction_surveys_dept_date').on(t.departmentCode, t.surveyedOn),
    check(
      'satisfaction_surveys_answer',
      sql`(${t.score} is not null or ${t.satisfied} is not null) and (${t.score} is null or ${t.score} between 1 and 5)`,
    ),
  ],
);

/** 惠企政策包: a policy package (e.g. the "10+1" 楼宇经济 policy), optionally funded by a budget project. */
export const policyPackages = pgTable(
  'policy_packages',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** The budget project that pays the grants (e.g. TZCJ-XM-002). */
    projectId: text('project_id').references(() => projects.id, { onDelete: 'set null' }),
    illustrative: boolean('illustrative').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [unique('policy_packages_dept_year_code').on(t.departmentCode, t.fiscalYear, t.code)],
);

/** A payment to an enterprise under a policy package (政策兑现). */
export const policyGrants = pgTable(
  'policy_grants',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    packageId: text('package_id')
      .notNull()
      .references(() => policyPackages.id),
    enterpriseId: text('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    grantedOn: date('granted_on').notNull(),
    /** 元, numeric(18,2). */
    amount: money('amount').notNull(),
    /** 兑现批次 (1, 2, …). */
    batch: smallint('batch'),
    note: text('note'),
    illustrative: boolean('illustrative').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('policy_grants_dept_date').on(t.departmentCode, t.grantedOn),
    index('policy_grants_enterprise').on(t.enterpriseId),
    check('policy_grants_amount', sql`${t.amount} > 0`),
  ],
);
