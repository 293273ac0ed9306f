// Change requests after locking: create (one batch, with a reason), list a department's year, decide
// (department head, then the finance bureau when configured), and the approved target changes for reports.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import * as cr from './change-requests.service.ts';
import { ServiceError } from '../../http/service-error.ts';
import {
  ChangeRequestBody,
  ChangeRequestViewSchema,
  DecisionBody,
  DepartmentCodeParam,
  IdParam,
  StatusQuery,
  TargetChangeSchema,
  YearQuery,
} from '../goals/goals.schema.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { jsonBody } from '../../http/route-parts.ts';

const TAG = ['变更申请 Change requests'];
const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权访问（已记入审计日志）'),
  404: errorResponse('不存在'),
  409: errorResponse('状态不允许'),
  422: errorResponse('变更后目标不符合要求'),
};
const batch = {
  description: '变更申请（同批）',
  content: { 'application/json': { schema: z.array(ChangeRequestViewSchema) } },
};

const createRoot = createRoute({
  method: 'post',
  path: '/api/change-requests',
  tags: TAG,
  summary: '提交变更申请（锁定后修改指标值/分值/性质/单位/名称，须填理由）— 填报员',
  description:
    '单项：{indicatorId, field, newValue, reason}；多项（同一目标，一并审批）：{items: [{indicatorId, field, newValue}], reason}',
  request: { body: jsonBody(ChangeRequestBody) },
  responses: { 201: batch, ...errors },
});

const createForGoal = createRoute({
  method: 'post',
  path: '/api/goals/{id}/change-requests',
  tags: TAG,
  summary: '提交该目标下指标的变更申请（同上）— 填报员',
  request: { params: IdParam, body: jsonBody(ChangeRequestBody) },
  responses: { 201: batch, ...errors },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/change-requests',
  tags: TAG,
  summary: '部门某年度的变更申请（可按状态筛选）',
  request: { params: DepartmentCodeParam, query: StatusQuery },
  responses: {
    200: {
      description: '变更申请',
      content: { 'application/json': { schema: z.array(ChangeRequestViewSchema) } },
    },
    ...errors,
  },
});

const targetChangesRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/target-changes',
  tags: TAG,
  summary: '已批准的指标值调整（原值、新值、理由、批准时间），供报告与自评表',
  request: { params: DepartmentCodeParam, query: YearQuery },
  responses: {
    200: {
      description: '调整清单',
      content: { 'application/json': { schema: z.array(TargetChangeSchema) } },
    },
    ...errors,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/change-requests/{id}',
  tags: TAG,
  summary: '一个变更申请及其同批各项',
  request: { params: IdParam },
  responses: { 200: batch, ...errors },
});

const approveRoute = createRoute({
  method: 'post',
  path: '/api/change-requests/{id}/approve',
  tags: TAG,
  summary: '批准（整批）— 部门负责人（待部门审核）/ 财政审核员（待财政审核）；最终批准即生效',
  request: { params: IdParam, body: jsonBody(DecisionBody) },
  responses: { 200: batch, ...errors },
});

const rejectRoute = createRoute({
  method: 'post',
  path: '/api/change-requests/{id}/reject',
  tags: TAG,
  summary: '驳回（整批，须填意见）',
  request: { params: IdParam, body: jsonBody(DecisionBody) },
  responses: { 200: batch, ...errors },
});

type Body = z.infer<typeof ChangeRequestBody>;

function itemsOf(b: Body): cr.ChangeItem[] {
  const list = b.items ?? b.changes;
  if (list) {
    if (b.indicatorId !== undefined || b.field !== undefined || b.newValue !== undefined) {
      throw new ServiceError('CHANGE_ITEMS_TWO_FORMS');
    }
    return list;
  }
  if (b.indicatorId === undefined || b.field === undefined || b.newValue === undefined) {
    throw new ServiceError('CHANGE_ITEM_INCOMPLETE');
  }
  return [{ indicatorId: b.indicatorId, field: b.field, newValue: b.newValue }];
}

export function registerChangeRequestRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(createRoot, async (c) => {
    const b = c.req.valid('json');
    return c.json(
      await cr.createChangeRequest(
        db,
        c.var.actor,
        { items: itemsOf(b), reason: b.reason },
        deps.now(),
      ),
      201,
    );
  });
  app.openapi(createForGoal, async (c) => {
    const b = c.req.valid('json');
    return c.json(
      await cr.createChangeRequest(
        db,
        c.var.actor,
        { items: itemsOf(b), reason: b.reason, goalId: c.req.valid('param').id },
        deps.now(),
      ),
      201,
    );
  });
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json(
      await cr.listChangeRequests(db, c.var.actor, c.req.valid('param').code, q.year, q.status),
      200,
    );
  });
  app.openapi(targetChangesRoute, async (c) =>
    c.json(
      await cr.listTargetChangesFor(
        db,
        c.var.actor,
        c.req.valid('param').code,
        c.req.valid('query').year,
      ),
      200,
    ),
  );
  app.openapi(getRoute, async (c) =>
    c.json(await cr.getChangeRequest(db, c.var.actor, c.req.valid('param').id), 200),
  );
  app.openapi(approveRoute, async (c) => {
    return c.json(
      await cr.approveChangeRequest(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json').comment?.trim() || null,
        deps.now(),
      ),
      200,
    );
  });
  app.openapi(rejectRoute, async (c) =>
    c.json(
      await cr.rejectChangeRequest(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json').comment ?? '',
        deps.now(),
      ),
      200,
    ),
  );
}
