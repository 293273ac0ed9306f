// Changes to locked targets (变更申请) and the workflow history of goal sets (submit, approve, return, lock).
import { bigserial, index, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './common.ts';
import { goals, indicators } from './goals.ts';

export type ChangeField = 'target' | 'weight' | 'operator' | 'unit' | 'name';
/** pending → (deptApproved →) approved, or rejected at either step. */
export type ChangeStatus = 'pending' | 'deptApproved' | 'approved' | 'rejected';

/** One field of one indicator to change after locking. Requests made together share batch_id and are decided together. */
export const changeRequests = pgTable(
  'change_requests',
  {
    id: idColumn(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    goalId: text('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    batchId: text('batch_id').notNull(),
    field: text('field').$type<ChangeField>().notNull(),
    originalValue: text('original_value').notNull(),
    newValue: text('new_value').notNull(),
    reason: text('reason').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    status: text('status').$type<ChangeStatus>().notNull().default('pending'),
    deptDecidedBy: text('dept_decided_by'),
    deptDecidedAt: timestamp('dept_decided_at', { withTimezone: true }),
    deptComment: text('dept_comment'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionComment: text('decision_comment'),
    createdAt: createdAt(),
  },
  (t) => [
    index('change_requests_dept_year').on(t.departmentCode, t.fiscalYear),
    index('change_requests_indicator').on(t.indicatorId),
    index('change_requests_batch').on(t.batchId),
  ],
);

export type GoalEventAction = 'create' | 'submit' | 'approve' | 'return' | 'lock';

/** The workflow history of a goal set: who moved it from which status to which, when, and why. */
export const goalEvents = pgTable(
  'goal_events',
  {
    id: idColumn(),
    /** Insertion order (several events may share a timestamp, e.g. approve + lock). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    departmentCode: text('department_code').notNull(),
    goalId: text('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    action: text('action').$type<GoalEventAction>().notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('goal_events_goal').on(t.goalId)],
);
