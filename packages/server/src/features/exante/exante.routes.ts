// /api/exante…: items needing an ex-ante assessment, scoring, the bureau's review, third parties, settings.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { jsonBody } from '../../http/route-parts.ts';
import { fileResponse } from '../../http/file-response.ts';
import { renderExAnteReport } from './exante-report.service.ts';
import { registerExAnteMoreRoutes } from './exante-more.routes.ts';
import { gradeGoal, listGoalGrades } from './goal-grade.service.ts';
import {
  AgencyBody,
  AgencyIdParam,
  AgencySchema,
  ConfirmBody,
  ItemDetailSchema,
  ItemIdParam,
  ItemViewSchema,
  ListQuery,
  MemberBody,
  RegisterBody,
  ReportQuery,
  ReviewBody,
  GoalGradeSchema,
  GradeBody,
  RulesSchema,
  SheetBody,
  YearQuery,
} from './exante.schema.ts';
import {
  getExAnte,
  listExAnte,
  registerExAnte,
  saveDepartmentSheet,
  submitExAnte,
} from './exante.service.ts';
import { confirmExAnte, reviewExAnte, thirdPartySheet } from './exante-review.service.ts';
import {
  addAgencyMember,
  adoptExAnteGoals,
  getExAnteRules,
  listAgencies,
  registerAgency,
  setExAnteRules,
} from './exante-admin.service.ts';

const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权操作（已记入审计日志）'),
  404: errorResponse('不存在'),
  409: errorResponse('当前状态不允许 / 已存在'),
  422: errorResponse('评分表有误'),
};
const ok = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
const tags = ['事前绩效评估 Ex-ante assessment'];
const itemPath = '/api/exante/items/{id}';

const route = {
  list: createRoute({
    method: 'get',
    path: '/api/exante',
    tags,
    summary: '需要事前绩效评估的项目及其状态（部门：本部门；财政：本地区；第三方：委托给本机构的）',
    request: { query: ListQuery },
    responses: { 200: ok('评估项目', z.array(ItemViewSchema)), ...errors },
  }),
  register: createRoute({
    method: 'post',
    path: '/api/exante/items',
    tags,
    summary: '登记新增项目（政策）的事前绩效评估 — 部门',
    request: { body: jsonBody(RegisterBody) },
    responses: { 201: ok('登记的评估项目', ItemViewSchema), ...errors },
  }),
  get: createRoute({
    method: 'get',
    path: itemPath,
    tags,
    summary: '评估详情：模板、各版本评分表、审核记录',
    request: { params: ItemIdParam },
    responses: { 200: ok('评估详情', ItemDetailSchema), ...errors },
  }),
  sheet: createRoute({
    method: 'put',
    path: `${itemPath}/sheet`,
    tags,
    summary: '保存部门评分（已提交的版本不变：调整完善时生成新版本）— 部门',
    request: { params: ItemIdParam, body: jsonBody(SheetBody) },
    responses: { 200: ok('评估详情', ItemDetailSchema), ...errors },
  }),
  submit: createRoute({
    method: 'post',
    path: `${itemPath}/submit`,
    tags,
    summary: '提交财政审核 — 部门',
    request: { params: ItemIdParam },
    responses: { 200: ok('评估详情', ItemDetailSchema), ...errors },
  }),
  review: createRoute({
    method: 'post',
    path: `${itemPath}/review`,
    tags,
    summary:
      '财政审核：意见审核（conclude）/ 评估审核（rescore）/ 委托第三方（assign）/ 退回（return）',
    request: { params: ItemIdParam, body: jsonBody(ReviewBody) },
    responses: { 200: ok('评估详情', ItemDetailSchema), ...errors },
  }),
  confirm: createRoute({
    method: 'post',
    path: `${itemPath}/confirm`,
    tags,
    summary: '财政确认「调整完善后予以支持」（确认后可安排预算）',
    request: { params: ItemIdParam, body: jsonBody(ConfirmBody) },
    responses: { 200: ok('评估详情', ItemDetailSchema), ...errors },
  }),
  tpSheet: createRoute({
    method: 'put',
    path: `${itemPath}/third-party-sheet`,
    tags,
    summary: '第三方机构保存评分 — 仅限委托给本机构的项目',
    request: { params: ItemIdParam, body: jsonBody(SheetBody) },
    responses: { 200: ok('评估详情', ItemDetailSchema), ...errors },
  }),
  tpSubmit: createRoute({
    method: 'post',
    path: `${itemPath}/third-party-submit`,
    tags,
    summary: '第三方机构提交评估（形成结论）',
    request: { params: ItemIdParam, body: jsonBody(SheetBody) },
    responses: { 200: ok('评估详情', ItemDetailSchema), ...errors },
  }),
  adopt: createRoute({
    method: 'post',
    path: `${itemPath}/adopt-goals`,
    tags,
    summary: '以事前绩效目标生成项目绩效目标草稿 — 部门',
    request: { params: ItemIdParam },
    responses: { 200: ok('评估详情', ItemDetailSchema), ...errors },
  }),
  report: createRoute({
    method: 'get',
    path: `${itemPath}/report`,
    tags,
    summary: '事前绩效评估报告（docx / pdf）或事前绩效评估审核表（xlsx）',
    request: { params: ItemIdParam, query: ReportQuery },
    responses: {
      200: fileResponse('报告文件', ['docx', 'pdf', 'xlsx']),
      ...errors,
      503: errorResponse('PDF 暂不可用'),
    },
  }),
  grade: createRoute({
    method: 'post',
    path: '/api/goals/{id}/grade',
    tags: ['绩效目标 Goals'],
    summary:
      '绩效目标审核（优/良/中/差 + 意见）：优、良通过；中退回修改；差不得进入预算安排 — 财政',
    request: { params: ItemIdParam, body: jsonBody(GradeBody) },
    responses: { 200: ok('该目标的全部审核结果', z.array(GoalGradeSchema)), ...errors },
  }),
  grades: createRoute({
    method: 'get',
    path: '/api/goals/{id}/grades',
    tags: ['绩效目标 Goals'],
    summary: '绩效目标的审核等级与意见（历次）',
    request: { params: ItemIdParam },
    responses: { 200: ok('审核结果', z.array(GoalGradeSchema)), ...errors },
  }),
  getRules: createRoute({
    method: 'get',
    path: '/api/exante/rules',
    tags,
    summary: '本地区本年度的事前评估标准（金额门槛、评级折算比例、评分模板）',
    request: { query: YearQuery },
    responses: { 200: ok('评估标准', RulesSchema), ...errors },
  }),
  setRules: createRoute({
    method: 'put',
    path: '/api/exante/rules',
    tags,
    summary: '设置本地区本年度的事前评估标准 — 财政',
    request: { query: YearQuery, body: jsonBody(RulesSchema) },
    responses: { 200: ok('评估标准', RulesSchema), ...errors },
  }),
  agencies: createRoute({
    method: 'get',
    path: '/api/exante/agencies',
    tags,
    summary: '已登记的第三方机构 — 财政',
    responses: { 200: ok('第三方机构', z.array(AgencySchema)), ...errors },
  }),
  addAgency: createRoute({
    method: 'post',
    path: '/api/exante/agencies',
    tags,
    summary: '登记第三方机构 — 财政',
    request: { body: jsonBody(AgencyBody) },
    responses: { 201: ok('第三方机构', AgencySchema), ...errors },
  }),
  addMember: createRoute({
    method: 'post',
    path: '/api/exante/agencies/{id}/members',
    tags,
    summary: '把第三方账户（由系统管理员创建）归入机构 — 财政',
    request: { params: AgencyIdParam, body: jsonBody(MemberBody) },
    responses: { 200: ok('已归入', z.object({ ok: z.literal(true) })), ...errors },
  }),
};

export function registerExAnteRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  registerExAnteMoreRoutes(app, deps);
  app.openapi(route.list, async (c) => {
    const q = c.req.valid('query');
    return c.json(
      await listExAnte(db, c.var.actor, { departmentCode: q.department, year: q.year }),
      200,
    );
  });
  app.openapi(route.register, async (c) =>
    c.json(await registerExAnte(db, c.var.actor, c.req.valid('json')), 201),
  );
  app.openapi(route.get, async (c) =>
    c.json(await getExAnte(db, c.var.actor, c.req.valid('param').id), 200),
  );
  app.openapi(route.sheet, async (c) =>
    c.json(
      await saveDepartmentSheet(db, c.var.actor, c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(route.submit, async (c) =>
    c.json(await submitExAnte(db, c.var.actor, c.req.valid('param').id), 200),
  );
  app.openapi(route.review, async (c) =>
    c.json(await reviewExAnte(db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(route.confirm, async (c) =>
    c.json(
      await confirmExAnte(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json').opinion ?? null,
      ),
      200,
    ),
  );
  app.openapi(route.tpSheet, async (c) =>
    c.json(
      await thirdPartySheet(db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), false),
      200,
    ),
  );
  app.openapi(route.tpSubmit, async (c) =>
    c.json(
      await thirdPartySheet(db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), true),
      200,
    ),
  );
  app.openapi(route.adopt, async (c) =>
    c.json(await adoptExAnteGoals(db, c.var.actor, c.req.valid('param').id, deps.now()), 200),
  );
  app.openapi(route.report, async (c) => {
    const { format } = c.req.valid('query');
    const r = await renderExAnteReport(
      db,
      c.var.actor,
      c.req.valid('param').id,
      format,
      deps.now(),
    );
    return new Response(new Uint8Array(r.body), {
      status: 200,
      headers: {
        'content-type': r.contentType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(r.fileName)}`,
        'cache-control': 'no-store',
      },
    });
  });
  app.openapi(route.grade, async (c) =>
    c.json(
      await gradeGoal(db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), deps.now()),
      200,
    ),
  );
  app.openapi(route.grades, async (c) =>
    c.json(await listGoalGrades(db, c.var.actor, c.req.valid('param').id), 200),
  );
  app.openapi(route.getRules, async (c) =>
    c.json(await getExAnteRules(db, c.var.actor, c.req.valid('query').year), 200),
  );
  app.openapi(route.setRules, async (c) =>
    c.json(
      await setExAnteRules(db, c.var.actor, c.req.valid('query').year, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(route.agencies, async (c) => c.json(await listAgencies(db, c.var.actor), 200));
  app.openapi(route.addAgency, async (c) =>
    c.json(await registerAgency(db, c.var.actor, c.req.valid('json')), 201),
  );
  app.openapi(route.addMember, async (c) => {
    await addAgencyMember(db, c.var.actor, c.req.valid('param').id, c.req.valid('json').username);
    return c.json({ ok: true as const }, 200);
  });
}
