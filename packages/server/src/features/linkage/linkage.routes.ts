// /api/linkage…: the 预算安排建议 (结果应用) of a budget year, its .xlsx export, the bureau's decisions and the rules.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { jsonBody } from '../../http/route-parts.ts';
import { CONTENT_TYPE, fileResponse } from '../../http/file-response.ts';
import {
  DecisionBody,
  DepartmentParam,
  LinkageQuery,
  LinkageRowSchema,
  LinkageRulesSchema,
  LinkageTableSchema,
  RulesBody,
  YearComparisonSchema,
  YearRegionQuery,
} from './linkage.schema.ts';
import { getYearComparison } from './year-comparison.service.ts';
import {
  decideLinkage,
  getLinkageRules,
  getLinkageTable,
  setLinkageRules,
} from './linkage.service.ts';
import { writeDocument } from '../../render/document-writer.ts';

const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权操作（已记入审计日志）'),
  404: errorResponse('不存在'),
};
const ok = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
const tags = ['结果应用 Linkage to the budget'];

const route = {
  table: createRoute({
    method: 'get',
    path: '/api/linkage',
    tags,
    summary:
      '预算安排建议：上年自评与重点评价等级、执行率、未销号整改、建议处理与金额（财政：本地区；部门：本部门）',
    request: { query: LinkageQuery },
    responses: { 200: ok('预算安排建议', LinkageTableSchema), ...errors },
  }),
  xlsx: createRoute({
    method: 'get',
    path: '/api/linkage/export',
    tags,
    summary: '预算安排建议导出（.xlsx）',
    request: { query: LinkageQuery },
    responses: { 200: fileResponse('预算安排建议.xlsx', ['xlsx']), ...errors },
  }),
  decide: createRoute({
    method: 'post',
    path: '/api/linkage/decisions',
    tags,
    summary: '确认或调整一行建议（调整须填写理由；每次决定均保留并记入审计日志）— 财政',
    request: { query: YearRegionQuery, body: jsonBody(DecisionBody) },
    responses: { 200: ok('决定后的该行', LinkageRowSchema), ...errors },
  }),
  getRules: createRoute({
    method: 'get',
    path: '/api/linkage/rules',
    tags,
    summary: '本地区本预算年度的结果应用规则（未设置时为默认规则）',
    request: { query: YearRegionQuery },
    responses: { 200: ok('结果应用规则', LinkageRulesSchema), ...errors },
  }),
  yearComparison: createRoute({
    method: 'get',
    path: '/api/departments/{code}/year-comparison',
    tags,
    summary:
      '同比：本年与上年的执行率、自评得分及各指标上年实际值（上年无数据时 comparison 为 null）',
    request: { params: DepartmentParam, query: YearRegionQuery },
    responses: { 200: ok('同比', YearComparisonSchema), ...errors },
  }),
  setRules: createRoute({
    method: 'put',
    path: '/api/linkage/rules',
    tags,
    summary: '设置本地区本预算年度的结果应用规则 — 财政',
    request: { query: YearRegionQuery, body: jsonBody(RulesBody) },
    responses: { 200: ok('结果应用规则', LinkageRulesSchema), ...errors },
  }),
};

export function registerLinkageRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const tableOf = (actor: Parameters<typeof getLinkageTable>[1], q: z.infer<typeof LinkageQuery>) =>
    getLinkageTable(db, actor, {
      year: q.year,
      regionCode: q.region,
      departmentCode: q.department,
    });
  app.openapi(route.table, async (c) =>
    c.json(await tableOf(c.var.actor, c.req.valid('query')), 200),
  );
  app.openapi(route.xlsx, async (c) => {
    const table = await tableOf(c.var.actor, c.req.valid('query'));
    const body = await writeDocument({ kind: 'linkage-xlsx', table, now: deps.now() });
    const name = `${table.year}年度预算安排建议（${table.regionCode}）.xlsx`;
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPE.xlsx,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'no-store',
      },
    });
  });
  app.openapi(route.decide, async (c) => {
    const q = c.req.valid('query');
    return c.json(await decideLinkage(db, c.var.actor, q.year, c.req.valid('json'), q.region), 200);
  });
  app.openapi(route.yearComparison, async (c) =>
    c.json(
      await getYearComparison(
        db,
        c.var.actor,
        c.req.valid('param').code,
        c.req.valid('query').year,
      ),
      200,
    ),
  );
  app.openapi(route.getRules, async (c) => {
    const q = c.req.valid('query');
    return c.json(await getLinkageRules(db, c.var.actor, q.year, q.region), 200);
  });
  app.openapi(route.setRules, async (c) => {
    const q = c.req.valid('query');
    return c.json(
      await setLinkageRules(db, c.var.actor, q.year, c.req.valid('json').rules, q.region),
      200,
    );
  });
}
