// Self-evaluation: GET live/frozen scores, POST submit (department), return / accept (finance bureau).
import { createRoute } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import {
  acceptEvaluation,
  getEvaluation,
  returnEvaluation,
  submitEvaluation,
} from './evaluations.service.ts';
import { DepartmentCodeParam, YearQuery } from '../departments/departments.schema.ts';
import { DepartmentEvaluationSchema, HeadApproveBody, ReturnBody } from './evaluations.schema.ts';
import { headApproveEvaluation, headReturnEvaluation } from './evaluation-signoff.service.ts';
import { errorResponse } from '../../http/error-schema.ts';

const json = (schema: typeof DepartmentEvaluationSchema, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权访问'),
  404: errorResponse('不存在'),
  409: errorResponse('状态不允许'),
};
const tags = ['自评 Self-evaluation'];
const path = '/api/departments/{code}/evaluation';

const getRoute = createRoute({
  method: 'get',
  path,
  tags,
  summary: '部门整体及各项目自评（提交前实时计分，提交后为冻结结果）',
  request: { params: DepartmentCodeParam, query: YearQuery },
  responses: { 200: json(DepartmentEvaluationSchema, '自评'), ...errors },
});
const submitRoute = createRoute({
  method: 'post',
  path: `${path}/submit`,
  tags,
  summary:
    '提交自评：须负责人审核的年度提交部门负责人，否则直接报财政局（冻结实际值、得分及计分规则）',
  request: { params: DepartmentCodeParam, query: YearQuery },
  responses: { 200: json(DepartmentEvaluationSchema, '已提交'), ...errors },
});
const returnRoute = createRoute({
  method: 'post',
  path: `${path}/return`,
  tags,
  summary: '财政局退回自评并附意见',
  request: {
    params: DepartmentCodeParam,
    query: YearQuery,
    body: { content: { 'application/json': { schema: ReturnBody } }, required: true },
  },
  responses: { 200: json(DepartmentEvaluationSchema, '已退回'), ...errors },
});
const acceptRoute = createRoute({
  method: 'post',
  path: `${path}/accept`,
  tags,
  summary: '财政局审核通过自评',
  request: { params: DepartmentCodeParam, query: YearQuery },
  responses: { 200: json(DepartmentEvaluationSchema, '已通过'), ...errors },
});

const headApproveRoute = createRoute({
  method: 'post',
  path: `${path}/head-approve`,
  tags,
  summary: '部门负责人审核通过自评（可先扣分），报送财政局（冻结）',
  request: {
    params: DepartmentCodeParam,
    query: YearQuery,
    body: { content: { 'application/json': { schema: HeadApproveBody } }, required: false },
  },
  responses: { 200: json(DepartmentEvaluationSchema, '已报送财政局'), ...errors },
});
const headReturnRoute = createRoute({
  method: 'post',
  path: `${path}/head-return`,
  tags,
  summary: '部门负责人退回自评给填报员并附意见',
  request: {
    params: DepartmentCodeParam,
    query: YearQuery,
    body: { content: { 'application/json': { schema: ReturnBody } }, required: true },
  },
  responses: { 200: json(DepartmentEvaluationSchema, '已退回填报员'), ...errors },
});

function registerHeadRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(headApproveRoute, async (c) => {
    const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {};
    return c.json(
      await headApproveEvaluation(
        db,
        c.var.actor,
        c.req.valid('param').code,
        c.req.valid('query').year,
        body?.comment ?? null,
        deps.now(),
      ),
      200,
    );
  });
  app.openapi(headReturnRoute, async (c) =>
    c.json(
      await headReturnEvaluation(
        db,
        c.var.actor,
        c.req.valid('param').code,
        c.req.valid('query').year,
        c.req.valid('json').comment,
        deps.now(),
      ),
      200,
    ),
  );
}

export function registerEvaluationRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  registerHeadRoutes(app, deps);
  app.openapi(getRoute, async (c) =>
    c.json(
      await getEvaluation(db, c.var.actor, c.req.valid('param').code, c.req.valid('query').year),
      200,
    ),
  );
  app.openapi(submitRoute, async (c) =>
    c.json(
      await submitEvaluation(
        db,
        c.var.actor,
        c.req.valid('param').code,
        c.req.valid('query').year,
        deps.now(),
      ),
      200,
    ),
  );
  app.openapi(returnRoute, async (c) =>
    c.json(
      await returnEvaluation(
        db,
        c.var.actor,
        c.req.valid('param').code,
        c.req.valid('query').year,
        c.req.valid('json').comment,
        c.req.valid('json').findings,
      ),
      200,
    ),
  );
  app.openapi(acceptRoute, async (c) =>
    c.json(
      await acceptEvaluation(db, c.var.actor, c.req.valid('param').code, c.req.valid('query').year),
      200,
    ),
  );
}
