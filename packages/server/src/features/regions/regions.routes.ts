// GET/POST /api/regions/{code}/fiscal-years: the region's opened fiscal years; the finance bureau opens one.
import { createRoute } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { listFiscalYears, openFiscalYear } from './fiscal-years.service.ts';

import {
  FiscalYearListingSchema,
  FiscalYearSchema,
  OpenFiscalYearBody,
  RegionCodeParam,
} from './regions.schema.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { jsonBody } from '../../http/route-parts.ts';

const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权操作（已记入审计日志）'),
  404: errorResponse('地区不存在'),
};
const tags = ['预算年度 Fiscal years'];

const listRoute = createRoute({
  method: 'get',
  path: '/api/regions/{code}/fiscal-years',
  tags,
  summary: '本地区已开启的预算年度（计分规则、是否需财政审核）',
  request: { params: RegionCodeParam },
  responses: {
    200: {
      description: '预算年度',
      content: { 'application/json': { schema: FiscalYearListingSchema } },
    },
    ...errors,
  },
});

const openRoute = createRoute({
  method: 'post',
  path: '/api/regions/{code}/fiscal-years',
  tags,
  summary: '开启预算年度（计分规则默认 mof-2020），开启后本地区各部门可规划该年度 — 财政局审核员',
  request: { params: RegionCodeParam, body: jsonBody(OpenFiscalYearBody) },
  responses: {
    201: {
      description: '已开启的年度',
      content: { 'application/json': { schema: FiscalYearSchema } },
    },
    ...errors,
    409: errorResponse('该年度已开启'),
  },
});

export function registerRegionRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listRoute, async (c) =>
    c.json(await listFiscalYears(db, c.var.actor, c.req.valid('param').code, deps.now()), 200),
  );
  app.openapi(openRoute, async (c) =>
    c.json(
      await openFiscalYear(
        db,
        c.var.actor,
        c.req.valid('param').code,
        c.req.valid('json'),
        deps.now(),
      ),
      201,
    ),
  );
}
