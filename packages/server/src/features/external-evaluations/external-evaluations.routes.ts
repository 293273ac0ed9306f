// /api/external-evaluations…: 财政重点评价 / 部门评价 — pick objects, assign evaluators, the indicator template,
// scoring, submission, the bureau's return and conclusion, the 绩效评价报告.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { jsonBody } from '../../http/route-parts.ts';
import { fileResponse } from '../../http/file-response.ts';
import {
  CandidateSchema,
  CreateBody,
  EvaluationDetailSchema,
  EvaluationSchema,
  EvaluatorsSchema,
  IdParam,
  ListQuery,
  OpinionBody,
  ReportQuery,
  SheetBody,
  TemplateQuery,
  TemplateSchema,
  TemplateViewSchema,
  YearQuery,
} from './external-evaluations.schema.ts';
import {
  getTemplate,
  listCandidates,
  listEvaluations,
  listEvaluators,
  setTemplate,
} from './external-evaluations.service.ts';
import { createEvaluation, getEvaluation } from './external-evaluations-create.service.ts';
import {
  concludeEvaluation,
  returnEvaluation,
  saveSheet,
  startEvaluation,
  submitEvaluation,
} from './external-evaluations-workflow.service.ts';
import { renderExtEvalReport } from './external-evaluations-report.service.ts';

const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权操作（已记入审计日志）'),
  404: errorResponse('不存在'),
  409: errorResponse('当前状态不允许 / 已存在'),
  422: errorResponse('评分表或指标体系有误'),
};
const ok = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
const tags = ['财政重点评价 External evaluation'];
const base = '/api/external-evaluations';
const one = `${base}/{id}`;
const detail = ok('评价详情（评分表已按规则计分）', EvaluationDetailSchema);

const step = (path: string, summary: string) =>
  createRoute({
    method: 'post',
    path: `${one}/${path}`,
    tags,
    summary,
    request: { params: IdParam },
    responses: { 200: detail, ...errors },
  });
const decide = (path: string, summary: string) =>
  createRoute({
    method: 'post',
    path: `${one}/${path}`,
    tags,
    summary,
    request: { params: IdParam, body: jsonBody(OpinionBody) },
    responses: { 200: detail, ...errors },
  });

const route = {
  list: createRoute({
    method: 'get',
    path: base,
    tags,
    summary: '重点绩效评价列表（财政：本地区；第三方：委托给本机构的；部门：本部门已审定的）',
    request: { query: ListQuery },
    responses: { 200: ok('评价', z.array(EvaluationSchema)), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: base,
    tags,
    summary: '选取评价对象（已提交自评的项目，或部门整体支出）并指定评价人 — 财政',
    request: { body: jsonBody(CreateBody) },
    responses: { 201: detail, ...errors },
  }),
  candidates: createRoute({
    method: 'get',
    path: `${base}/candidates`,
    tags,
    summary: '可选评价对象：已提交单位自评的项目与各部门整体支出 — 财政',
    request: { query: YearQuery },
    responses: { 200: ok('可选对象', z.array(CandidateSchema)), ...errors },
  }),
  evaluators: createRoute({
    method: 'get',
    path: `${base}/evaluators`,
    tags,
    summary: '可指定的评价人：本地区财政审核人员与已登记的第三方机构 — 财政',
    request: { query: z.object({ region: z.string().optional() }) },
    responses: { 200: ok('评价人', EvaluatorsSchema), ...errors },
  }),
  getTemplate: createRoute({
    method: 'get',
    path: `${base}/template`,
    tags,
    summary: '本地区本年度的评价指标体系（未设置时为 10号文框架，权重 15/20/35/30）',
    request: { query: TemplateQuery },
    responses: { 200: ok('指标体系', TemplateViewSchema), ...errors },
  }),
  setTemplate: createRoute({
    method: 'put',
    path: `${base}/template`,
    tags,
    summary: '设置本地区本年度的评价指标体系（权重合计 100；产出 + 效益 < 60 时提示）— 财政',
    request: { query: TemplateQuery, body: jsonBody(TemplateSchema) },
    responses: { 200: ok('指标体系', TemplateViewSchema), ...errors },
  }),
  get: createRoute({
    method: 'get',
    path: one,
    tags,
    summary: '评价详情：评分表（实时合计）、报告内容、存在的问题',
    request: { params: IdParam },
    responses: { 200: detail, ...errors },
  }),
  sheet: createRoute({
    method: 'put',
    path: `${one}/sheet`,
    tags,
    summary: '保存评分（输入、扣分理由、佐证材料）、报告内容和存在的问题 — 评价人',
    request: { params: IdParam, body: jsonBody(SheetBody) },
    responses: { 200: detail, ...errors },
  }),
  start: step('start', '启动评分（交评价人）— 财政'),
  submit: step('submit', '提交评价结果（评分表须完整）— 评价人'),
  return: decide('return', '退回重新评分（附意见）— 财政'),
  conclude: decide('conclude', '审定评价结论；存在的问题列入整改清单 — 财政'),
  report: createRoute({
    method: 'get',
    path: `${one}/report`,
    tags,
    summary: '绩效评价报告（docx / pdf，附评分表）',
    request: { params: IdParam, query: ReportQuery },
    responses: {
      200: fileResponse('报告文件', ['docx', 'pdf']),
      ...errors,
      503: errorResponse('PDF 暂不可用'),
    },
  }),
};

function registerReads(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(route.list, async (c) =>
    c.json(await listEvaluations(db, c.var.actor, c.req.valid('query')), 200),
  );
  app.openapi(route.candidates, async (c) => {
    const q = c.req.valid('query');
    return c.json(await listCandidates(db, c.var.actor, q.year, q.region), 200);
  });
  app.openapi(route.evaluators, async (c) =>
    c.json(await listEvaluators(db, c.var.actor, c.req.valid('query').region), 200),
  );
  app.openapi(route.getTemplate, async (c) =>
    c.json(await getTemplate(db, c.var.actor, c.req.valid('query')), 200),
  );
  app.openapi(route.setTemplate, async (c) =>
    c.json(await setTemplate(db, c.var.actor, c.req.valid('query'), c.req.valid('json')), 200),
  );
  app.openapi(route.get, async (c) =>
    c.json(await getEvaluation(db, c.var.actor, c.req.valid('param').id), 200),
  );
  app.openapi(route.report, async (c) => {
    const r = await renderExtEvalReport(
      db,
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('query').format,
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
}

export function registerExternalEvaluationRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  registerReads(app, deps);
  app.openapi(route.create, async (c) =>
    c.json(await createEvaluation(db, c.var.actor, c.req.valid('json')), 201),
  );
  app.openapi(route.sheet, async (c) =>
    c.json(await saveSheet(db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(route.start, async (c) =>
    c.json(await startEvaluation(db, c.var.actor, c.req.valid('param').id), 200),
  );
  app.openapi(route.submit, async (c) =>
    c.json(await submitEvaluation(db, c.var.actor, c.req.valid('param').id, deps.now()), 200),
  );
  app.openapi(route.return, async (c) => {
    const { opinion } = c.req.valid('json');
    return c.json(await returnEvaluation(db, c.var.actor, c.req.valid('param').id, opinion), 200);
  });
  app.openapi(route.conclude, async (c) => {
    const { opinion } = c.req.valid('json');
    const id = c.req.valid('param').id;
    return c.json(await concludeEvaluation(db, c.var.actor, id, opinion, deps.now()), 200);
  });
}
