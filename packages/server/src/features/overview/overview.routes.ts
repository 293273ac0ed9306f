// GET /api/overview?year= — the finance bureau's table of all departments of its region.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { regionOverview } from './overview.service.ts';
import { YearQuery } from '../departments/departments.schema.ts';
import { ErrorBodySchema } from '../../http/error-schema.ts';

const OverviewRowSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    status: z.string(),
    budgetYuan: z.string(),
    executedYuan: z.string(),
    rate: z.string().nullable(),
    score: z.string().nullable(),
    grade: z.string().nullable(),
    projects: z.number(),
    findings: z.number(),
    warnings: z.object({ red: z.number(), yellow: z.number() }),
    goalGrades: z.object({
      excellent: z.number(),
      good: z.number(),
      fair: z.number(),
      poor: z.number(),
    }),
  })
  .openapi('OverviewRow');

const route = createRoute({
  method: 'get',
  path: '/api/overview',
  tags: ['财政局 Finance bureau'],
  summary: '本地区各部门自评提交状态、执行率、得分、等级与预警',
  request: { query: YearQuery },
  responses: {
    200: {
      description: '各部门概览',
      content: { 'application/json': { schema: z.array(OverviewRowSchema) } },
    },
    401: { description: '未登录', content: { 'application/json': { schema: ErrorBodySchema } } },
    403: {
      description: '仅财政局审核员',
      content: { 'application/json': { schema: ErrorBodySchema } },
    },
  },
});

export function registerOverviewRoutes(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) =>
    c.json(await regionOverview(deps.database.db, c.var.actor, c.req.valid('query').year), 200),
  );
}
