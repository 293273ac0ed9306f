// Goal sets: list a department's year, create, edit text, delete, check, submit (422 with every problem),
// approve (department head, then finance bureau; the last approval locks), return for revision.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { errorBody } from '../../http/error-response.ts';
import * as goals from './goals.service.ts';
import {
  ApproveBody,
  CheckQuery,
  CreateGoalBody,
  DepartmentCodeParam,
  GoalDetailSchema,
  GoalListingSchema,
  GoalTextBody,
  GoalViewSchema,
  IdParam,
  IssueSchema,
  OkSchema,
  ReturnBody,
  SubmitBody,
  SubmitResultSchema,
  YearQuery,
} from './goals.schema.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { jsonBody } from '../../http/route-parts.ts';

const TAG = ['绩效目标 Goals'];
const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权访问（已记入审计日志）'),
  404: errorResponse('不存在'),
  409: errorResponse('状态不允许'),
  423: errorResponse('已锁定'),
};

const listRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/goals',
  tags: TAG,
  summary: '部门某年度的绩效目标及指标树（部门整体 + 各项目）',
  request: { params: DepartmentCodeParam, query: YearQuery },
  responses: {
    200: {
      description: '目标列表',
      content: { 'application/json': { schema: GoalListingSchema } },
    },
    ...errors,
  },
});

const createGoalRoute = createRoute({
  method: 'post',
  path: '/api/goals',
  tags: TAG,
  summary: '新建绩效目标（部门整体：projectId 为空；项目：填 projectId）— 填报员',
  request: { body: jsonBody(CreateGoalBody) },
  responses: {
    201: {
      description: '已创建（草稿）',
      content: { 'application/json': { schema: GoalViewSchema } },
    },
    ...errors,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/goals/{id}',
  tags: TAG,
  summary: '一个绩效目标：指标树、流转记录、当前检查结果',
  request: { params: IdParam },
  responses: {
    200: { description: '目标', content: { 'application/json': { schema: GoalDetailSchema } } },
    ...errors,
  },
});

const textRoute = (method: 'put' | 'patch') =>
  createRoute({
    method,
    path: '/api/goals/{id}',
    tags: TAG,
    summary: '修改年度总体目标文字（草稿/退回时）— 填报员',
    request: { params: IdParam, body: jsonBody(GoalTextBody) },
    responses: {
      200: { description: '已保存', content: { 'application/json': { schema: GoalViewSchema } } },
      ...errors,
    },
  });

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/goals/{id}',
  tags: TAG,
  summary: '删除从未锁定过的草稿目标 — 填报员',
  request: { params: IdParam },
  responses: {
    200: { description: '已删除', content: { 'application/json': { schema: OkSchema } } },
    ...errors,
  },
});

const checkRoute = createRoute({
  method: 'get',
  path: '/api/goals/{id}/check',
  tags: TAG,
  summary: '送审前检查（不改变状态）',
  request: { params: IdParam, query: CheckQuery },
  responses: {
    200: {
      description: '问题清单',
      content: { 'application/json': { schema: z.object({ issues: z.array(IssueSchema) }) } },
    },
    ...errors,
  },
});

const submitRoute = createRoute({
  method: 'post',
  path: '/api/goals/{id}/submit',
  tags: TAG,
  summary: '送审 — 填报员；有错误时 422 并列出全部问题',
  request: { params: IdParam, body: jsonBody(SubmitBody) },
  responses: {
    200: {
      description: '已送审（可能附警告）',
      content: { 'application/json': { schema: SubmitResultSchema } },
    },
    422: errorResponse('未通过检查：details.issues 列出全部问题'),
    ...errors,
  },
});

const approveRoute = createRoute({
  method: 'post',
  path: '/api/goals/{id}/approve',
  tags: TAG,
  summary: '审核通过 — 部门负责人（已送审）/ 财政审核员（部门已审核）；最终审核即锁定',
  request: { params: IdParam, body: jsonBody(ApproveBody) },
  responses: {
    200: { description: '已审核', content: { 'application/json': { schema: GoalViewSchema } } },
    ...errors,
  },
});

const returnRoute = createRoute({
  method: 'post',
  path: '/api/goals/{id}/return',
  tags: TAG,
  summary: '退回修改（须填写意见）— 部门负责人 / 财政审核员',
  request: { params: IdParam, body: jsonBody(ReturnBody) },
  responses: {
    200: { description: '已退回', content: { 'application/json': { schema: GoalViewSchema } } },
    ...errors,
  },
});

export function registerGoalRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listRoute, async (c) => {
    const { code } = c.req.valid('param');
    const { year } = c.req.valid('query');
    return c.json(await goals.listGoals(db, c.var.actor, code, year, deps.now()), 200);
  });
  app.openapi(createGoalRoute, async (c) => {
    const b = c.req.valid('json');
    return c.json(
      await goals.createGoal(
        db,
        c.var.actor,
        {
          departmentCode: b.departmentCode,
          year: b.year,
          projectId: b.projectId ?? null,
          targetText: b.targetText,
        },
        deps.now(),
      ),
      201,
    );
  });
  app.openapi(getRoute, async (c) =>
    c.json(await goals.getGoal(db, c.var.actor, c.req.valid('param').id), 200),
  );
  for (const method of ['put', 'patch'] as const) {
    app.openapi(textRoute(method), async (c) =>
      c.json(
        await goals.updateGoalText(
          db,
          c.var.actor,
          c.req.valid('param').id,
          c.req.valid('json').targetText,
          deps.now(),
        ),
        200,
      ),
    );
  }
  app.openapi(deleteRoute, async (c) => {
    await goals.deleteGoal(db, c.var.actor, c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(checkRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json(
      {
        issues: await goals.checkGoal(
          db,
          c.var.actor,
          c.req.valid('param').id,
          q.noSatisfactionReason ?? null,
        ),
      },
      200,
    );
  });
  app.openapi(submitRoute, async (c) => {
    const b = c.req.valid('json');
    const out = await goals.submitGoal(
      db,
      c.var.actor,
      c.req.valid('param').id,
      { noSatisfactionReason: b.noSatisfactionReason ?? null, comment: b.comment ?? null },
      deps.now(),
    );
    if (!out.ok) {
      const errorsOnly = out.issues.filter((i) => i.severity === 'error');
      return c.json(
        errorBody(
          'GOAL_SET_CHECKS_FAILED',
          {
            count: errorsOnly.length,
            problems: errorsOnly.map((i) => i.message).join('；'),
            problemsEn: errorsOnly.map((i) => i.messageEn).join('; '),
          },
          { issues: out.issues },
        ),
        422,
      );
    }
    return c.json({ goal: out.goal, issues: out.issues }, 200);
  });
  app.openapi(approveRoute, async (c) =>
    c.json(
      await goals.approveGoal(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json').comment?.trim() || null,
        deps.now(),
      ),
      200,
    ),
  );
  app.openapi(returnRoute, async (c) =>
    c.json(
      await goals.returnGoal(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json').comment,
        deps.now(),
      ),
      200,
    ),
  );
}
