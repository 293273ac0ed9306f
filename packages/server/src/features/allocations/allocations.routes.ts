// 任务分解 over HTTP: the city's yearly targets, their split across departments and 街道, and the
// progress and ranking of each unit month by month (counted from the pipeline).
import { createRoute, z } from '@hono/zod-openapi';
import { TARGET_KINDS } from '@jixiao/core/investment/index';
import type { App, AppDeps } from '../../http/app-env.ts';
import {
  getDecomposition,
  listInvestmentTargets,
  saveInvestmentTarget,
} from './allocations.service.ts';
import { DepartmentCodeParam, YearQuery } from '../departments/departments.schema.ts';
import { errorResponse } from '../../http/error-schema.ts';

const KindParams = DepartmentCodeParam.extend({
  kind: z
    .enum(TARGET_KINDS, { message: `任务类型应为 ${TARGET_KINDS.join(' / ')} 之一` })
    .openapi({ param: { name: 'kind', in: 'path' }, example: 'negotiatedKeyProjects' }),
});
const ProgressQuery = YearQuery.extend({
  month: z.coerce
    .number({ message: '月份必须是数字' })
    .int('月份必须是整数')
    .min(1, '月份为 1–12')
    .max(12, '月份为 1–12')
    .optional()
    .openapi({
      param: { name: 'month', in: 'query' },
      description: '统计到该月末（默认：往年 12 月，今年为当月）',
    }),
});
const quantity = z
  .string({ message: '数值必须是文本形式' })
  .trim()
  .min(1, '数值不能为空')
  .max(24, '数值过长');
const SaveBody = z
  .object({
    target: quantity.openapi({
      description: '市下达目标：项目数为整数；投资额为万元',
      example: '300',
    }),
    documentNo: z.string().max(100, '文号不超过 100 字').nullable().optional(),
    note: z.string().max(1000, '备注不超过 1000 字').nullable().optional(),
    allocations: z
      .array(
        z
          .object({ unitCode: z.string().min(1, '责任单位不能为空').max(40), value: quantity })
          .strict(),
        { message: '分解明细应为数组' },
      )
      .max(200, '责任单位不超过 200 个'),
  })
  .strict()
  .openapi('SaveInvestmentTarget');

const TargetSchema = z
  .object({
    kind: z.enum(TARGET_KINDS),
    label: z.string(),
    unit: z.string(),
    target: z.string(),
    allocated: z.string(),
    difference: z.string(),
    status: z.enum(['UNDER', 'EXACT', 'OVER']),
    documentNo: z.string().nullable(),
    note: z.string().nullable(),
    allocations: z.array(
      z.object({
        unitCode: z.string(),
        unitName: z.string(),
        unitKind: z.enum(['department', 'subdistrict']),
        value: z.string(),
      }),
    ),
  })
  .openapi('InvestmentTarget');

const ProgressSchema = z
  .object({
    year: z.number(),
    kind: z.enum(TARGET_KINDS),
    label: z.string(),
    unit: z.string(),
    metricKey: z.string(),
    month: z.number(),
    timeProgress: z.string(),
    district: z.object({
      target: z.string().nullable(),
      actual: z.string(),
      rate: z.string().nullable(),
      cumulative: z.array(z.string()),
    }),
    units: z.array(
      z.object({
        unitCode: z.string(),
        unitName: z.string(),
        unitKind: z.enum(['department', 'subdistrict']),
        target: z.string(),
        actual: z.string(),
        cumulative: z.array(z.string()),
        monthly: z.array(z.string()),
        rate: z.string().nullable(),
        status: z.enum(['DONE', 'ON_TRACK', 'BEHIND', 'NO_TARGET']),
        rank: z.number(),
      }),
    ),
  })
  .openapi('InvestmentDecomposition');

const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权访问'),
  404: errorResponse('不存在'),
};
const tags = ['任务分解 Target decomposition'];

const listRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/investment-targets',
  tags,
  summary: '市下达招商任务及分解情况',
  request: { params: DepartmentCodeParam, query: YearQuery },
  responses: {
    200: {
      description: '任务',
      content: { 'application/json': { schema: z.array(TargetSchema) } },
    },
    ...errors,
  },
});
const putRoute = createRoute({
  method: 'put',
  path: '/api/departments/{code}/investment-targets/{kind}',
  tags,
  summary: '设定市下达任务并分解到责任单位（分解合计须不少于市下达目标）',
  request: {
    params: KindParams,
    query: YearQuery,
    body: { content: { 'application/json': { schema: SaveBody } }, required: true },
  },
  responses: {
    200: { description: '已保存', content: { 'application/json': { schema: TargetSchema } } },
    ...errors,
  },
});
const progressRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/investment-targets/{kind}/progress',
  tags,
  summary: '各责任单位完成进度、排名及逐月累计（由招商项目库按责任单位和达到月份统计）',
  request: { params: KindParams, query: ProgressQuery },
  responses: {
    200: { description: '进度', content: { 'application/json': { schema: ProgressSchema } } },
    ...errors,
  },
});

export function registerAllocationRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listRoute, async (c) =>
    c.json(
      await listInvestmentTargets(
        db,
        c.var.actor,
        c.req.valid('param').code,
        c.req.valid('query').year,
      ),
      200,
    ),
  );
  app.openapi(putRoute, async (c) => {
    const { code, kind } = c.req.valid('param');
    return c.json(
      await saveInvestmentTarget(
        db,
        c.var.actor,
        code,
        c.req.valid('query').year,
        kind,
        c.req.valid('json'),
        deps.now(),
      ),
      200,
    );
  });
  app.openapi(progressRoute, async (c) => {
    const { code, kind } = c.req.valid('param');
    const { year, month } = c.req.valid('query');
    return c.json(
      await getDecomposition(db, c.var.actor, code, year, kind, month, deps.now()),
      200,
    );
  });
}
