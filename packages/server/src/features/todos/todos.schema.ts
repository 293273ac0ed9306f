// The 待办 centre's answer: what waits for the signed-in user, counted by the queries the pages themselves use.
import { z } from '@hono/zod-openapi';

export const TODO_KINDS = [
  'goalsReturned',
  'goalsToApprove',
  'changeRequestsToDecide',
  'evaluationReturned',
  'evaluationAtHead',
  'evaluationsToReview',
  'monitoringDue',
  'rectificationsDue',
  'rectificationsToCheck',
  'accountsLocked',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const TodoItemSchema = z
  .object({
    kind: z.enum(TODO_KINDS),
    count: z.number().int().positive(),
    /** The page that lists them (a path of the web app). */
    link: z.string(),
    departmentCode: z.string().nullable(),
    departmentName: z.string().nullable(),
    /** The monitoring cut-off month (monitoringDue only). */
    month: z.number().nullable(),
  })
  .openapi('TodoItem');

export const TodoListSchema = z
  .object({
    year: z.number(),
    total: z.number().int(),
    items: z.array(TodoItemSchema),
  })
  .openapi('TodoList');
