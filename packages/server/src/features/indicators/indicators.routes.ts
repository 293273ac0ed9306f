// Indicators: add (also from the library), edit, delete while the goal is draft/returned; actual values once it is
// locked (423 before); reviewer deductions with a reason.
import { createRoute } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import * as indicators from './indicators.service.ts';
import {
  ActualBody,
  DeductionBody,
  FromTemplateBody,
  IdParam,
  IndicatorBody,
  IndicatorPatchBody,
  IndicatorViewSchema,
  OkSchema,
} from '../goals/goals.schema.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { jsonBody } from '../../http/route-parts.ts';

const TAG = ['绩效指标 Indicators'];
const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权访问（已记入审计日志）'),
  404: errorResponse('不存在'),
  409: errorResponse('状态不允许'),
  423: errorResponse('目标未锁定 / 已锁定'),
};
const ok = {
  description: '指标',
  content: { 'application/json': { schema: IndicatorViewSchema } },
};

const addRoute = createRoute({
  method: 'post',
  path: '/api/goals/{id}/indicators',
  tags: TAG,
  summary: '新增三级指标（目标为草稿/退回时）— 填报员',
  request: { params: IdParam, body: jsonBody(IndicatorBody) },
  responses: { 201: ok, ...errors },
});

const fromTemplateRoute = createRoute({
  method: 'post',
  path: '/api/goals/{id}/indicators/from-template',
  tags: TAG,
  summary: '从指标库新增指标（填写指标值与分值）— 填报员',
  request: { params: IdParam, body: jsonBody(FromTemplateBody) },
  responses: { 201: ok, ...errors },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/indicators/{id}',
  tags: TAG,
  summary: '一个指标（含变更记录）',
  request: { params: IdParam },
  responses: { 200: ok, ...errors },
});

const updateRoute = (method: 'put' | 'patch') =>
  createRoute({
    method,
    path: '/api/indicators/{id}',
    tags: TAG,
    summary: '修改指标（目标为草稿/退回时，只传要改的字段）— 填报员',
    request: { params: IdParam, body: jsonBody(IndicatorPatchBody) },
    responses: { 200: ok, ...errors },
  });

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/indicators/{id}',
  tags: TAG,
  summary: '删除指标（目标为草稿/退回时）— 填报员',
  request: { params: IdParam },
  responses: {
    200: { description: '已删除', content: { 'application/json': { schema: OkSchema } } },
    ...errors,
  },
});

const actualRoute = createRoute({
  method: 'put',
  path: '/api/indicators/{id}/actual',
  tags: TAG,
  summary: '填报实际完成值（目标锁定后）— 填报员；未锁定时 423',
  request: { params: IdParam, body: jsonBody(ActualBody) },
  responses: { 200: ok, ...errors },
});

const deductionRoute = createRoute({
  method: 'put',
  path: '/api/indicators/{id}/deduction',
  tags: TAG,
  summary: '扣分（须填理由；0 表示取消）— 财政审核员 / 部门负责人',
  request: { params: IdParam, body: jsonBody(DeductionBody) },
  responses: { 200: ok, ...errors },
});

export function registerIndicatorRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(addRoute, async (c) =>
    c.json(
      await indicators.addIndicator(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json'),
        deps.now(),
      ),
      201,
    ),
  );
  app.openapi(fromTemplateRoute, async (c) =>
    c.json(
      await indicators.addIndicatorFromTemplate(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json'),
        deps.now(),
      ),
      201,
    ),
  );
  app.openapi(getRoute, async (c) =>
    c.json(await indicators.getIndicator(db, c.var.actor, c.req.valid('param').id), 200),
  );
  for (const method of ['put', 'patch'] as const) {
    app.openapi(updateRoute(method), async (c) =>
      c.json(
        await indicators.updateIndicator(
          db,
          c.var.actor,
          c.req.valid('param').id,
          c.req.valid('json'),
          deps.now(),
        ),
        200,
      ),
    );
  }
  app.openapi(deleteRoute, async (c) => {
    await indicators.deleteIndicator(db, c.var.actor, c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(actualRoute, async (c) =>
    c.json(
      await indicators.setActual(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json'),
        deps.now(),
      ),
      200,
    ),
  );
  app.openapi(deductionRoute, async (c) => {
    const b = c.req.valid('json');
    return c.json(
      await indicators.setDeduction(
        db,
        c.var.actor,
        c.req.valid('param').id,
        { deduction: b.deduction, reason: b.reason ?? null },
        deps.now(),
      ),
      200,
    );
  });
}
