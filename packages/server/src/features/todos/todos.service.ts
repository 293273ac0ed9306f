// 待办 (to-dos) of the signed-in user for a year: pending approvals, change requests, returned or waiting
// self-evaluations, monitoring answers due, rectifications — each counted with the service the page that lists
// them calls (same access checks, same rules), so the count and the page never disagree. No SQL of its own.
import type { Db } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { listGoals } from '../goals/goals.service.ts';
import { listChangeRequests } from '../change-requests/change-requests.service.ts';
import { getEvaluation } from '../evaluations/evaluations.service.ts';
import { getMonitoring } from '../monitoring/monitoring.service.ts';
import { listRectifications } from '../rectifications/rectifications.service.ts';
import { regionOverview } from '../overview/overview.service.ts';
import { listDepartments } from '../departments/departments.service.ts';
import { listUsers } from '../accounts/accounts.service.ts';
import type { TodoKind } from './todos.schema.ts';

export interface TodoItem {
  kind: TodoKind;
  count: number;
  link: string;
  departmentCode: string | null;
  departmentName: string | null;
  month: number | null;
}

export interface TodoList {
  year: number;
  total: number;
  items: TodoItem[];
}

type Dept = { code: string; name: string };

const item = (
  kind: TodoKind,
  count: number,
  link: string,
  dept: Dept | null,
  month: number | null = null,
): TodoItem[] =>
  count > 0
    ? [
        {
          kind,
          count,
          link,
          departmentCode: dept?.code ?? null,
          departmentName: dept?.name ?? null,
          month,
        },
      ]
    : [];

/** The department's own to-dos (clerk or head): what the goals, evaluation, monitoring and 整改 pages show. */
async function departmentTodos(db: Db, actor: Actor, dept: Dept, year: number, now: Date) {
  const base = `/dept/${encodeURIComponent(dept.code)}`;
  const head = actor.role === 'deptHead';
  const [listing, changes, evaluation, monitoring, rectifications] = await Promise.all([
    listGoals(db, actor, dept.code, year, now),
    head ? listChangeRequests(db, actor, dept.code, year, 'pending') : Promise.resolve([]),
    getEvaluation(db, actor, dept.code, year),
    head ? Promise.resolve(null) : getMonitoring(db, actor, dept.code, year, undefined, now),
    listRectifications(db, actor, { departmentCode: dept.code }, now),
  ]);
  const goalStatus = head ? 'submitted' : 'returned';
  const evalStatus = evaluation.department.status;
  const open = rectifications.filter((r) => r.status === 'pending' || r.status === 'inProgress');
  const due =
    monitoring &&
    monitoring.round?.status !== 'submitted' &&
    monitoring.cutoffMonths.includes(monitoring.month)
      ? [...monitoring.projects, ...monitoring.indicators].filter(
          (w) => w.needsResponse && !w.response,
        ).length
      : 0;
  return [
    ...item(
      head ? 'goalsToApprove' : 'goalsReturned',
      listing.goals.filter((g) => g.status === goalStatus).length,
      `${base}/goals`,
      dept,
    ),
    ...item(
      'changeRequestsToDecide',
      new Set(changes.map((c) => c.batchId)).size,
      `${base}/goals`,
      dept,
    ),
    ...item(
      'evaluationAtHead',
      head && evalStatus === 'headReview' ? 1 : 0,
      `${base}/evaluation`,
      dept,
    ),
    ...item(
      'evaluationReturned',
      !head && evalStatus === 'returned' ? 1 : 0,
      `${base}/evaluation`,
      dept,
    ),
    ...item('monitoringDue', due, `${base}/monitoring`, dept, monitoring?.month ?? null),
    ...item('rectificationsDue', open.length, `${base}/rectification`, dept),
  ];
}

/** The finance bureau's to-dos across its region: approvals after the heads, submitted evaluations, 复核. */
async function bureauTodos(db: Db, actor: Actor, year: number, now: Date) {
  const depts = (await listDepartments(db, actor)).filter((d) => d.years.includes(year));
  const perDept = await Promise.all(
    depts.map(async (d) => {
      const [listing, changes] = await Promise.all([
        listGoals(db, actor, d.code, year, now),
        listChangeRequests(db, actor, d.code, year, 'deptApproved'),
      ]);
      const waiting = listing.financeApprovalRequired
        ? listing.goals.filter((g) => g.status === 'deptApproved').length
        : 0;
      const base = `/dept/${encodeURIComponent(d.code)}/goals`;
      return [
        ...item('goalsToApprove', waiting, base, d),
        ...item('changeRequestsToDecide', new Set(changes.map((c) => c.batchId)).size, base, d),
      ];
    }),
  );
  const [overview, rectifications] = await Promise.all([
    regionOverview(db, actor, year),
    listRectifications(db, actor, { status: 'awaitingCheck' }, now),
  ]);
  return [
    ...perDept.flat(),
    ...item(
      'evaluationsToReview',
      overview.filter((r) => r.status === 'submitted').length,
      '/bureau/overview',
      null,
    ),
    ...item('rectificationsToCheck', rectifications.length, '/bureau/rectification', null),
  ];
}

export async function listTodos(db: Db, actor: Actor, year: number, now: Date): Promise<TodoList> {
  let items: TodoItem[] = [];
  if ((actor.role === 'clerk' || actor.role === 'deptHead') && actor.departmentCode) {
    const dept = (await listDepartments(db, actor)).find((d) => d.code === actor.departmentCode);
    if (dept?.years.includes(year)) {
      items = await departmentTodos(db, actor, dept, year, now);
    }
  } else if (actor.role === 'financeReviewer') {
    items = await bureauTodos(db, actor, year, now);
  } else if (actor.role === 'securityAdmin') {
    const locked = (await listUsers(db, actor)).filter(
      (u) => u.lockedUntil !== null && new Date(u.lockedUntil) > now,
    );
    items = item('accountsLocked', locked.length, '/admin/accounts', null);
  }
  return { year, total: items.reduce((n, x) => n + x.count, 0), items };
}
