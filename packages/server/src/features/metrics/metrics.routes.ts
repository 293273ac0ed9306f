// Live metrics over HTTP: the catalogue, one indicator's value with the records behind it, binding an
// indicator to a metric, and every metric-bound indicator of a department-year.
import { createRoute, z } from '@hono/zod-openapi';
import { METRIC_KEYS, REQUEST_CATEGORIES } from '@jixiao/core/investment/index';
import type { App, AppDeps } from '../../http/app-env.ts';
import {
  bindIndicatorMetric,
  getIndicatorMetric,
  listDepartmentMetrics,
  listMetricCatalogue,
} from './metrics.service.ts';
import { DepartmentCodeParam, YearQuery } from '../departments/departments.schema.ts';
import { errorResponse } from '../../http/error-schema.ts';

const AsOf = z
  .string({ message: '截止日期必须是日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期格式应为 YYYY-MM-DD')
  .optional()
  .openapi({
    param: { name: 'asOf', in: 'query' },
    description: '统计截止日期（默认：绑定时设定的日期，否则年末）',
  });
const IndicatorParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64, '指标 ID 过长')
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const MetricInfoSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    nameEn: z.string(),
    unit: z.string(),
    description: z.string(),
    params: z.array(z.string()),
  })
  .openapi('MetricInfo');
const MetricParamsSchema = z
  .object({
    keyOnly: z.boolean().optional().openapi({ description: '仅统计重点项目' }),
    category: z.enum(REQUEST_CATEGORIES).optional().openapi({ description: '仅统计一类诉求' }),
    asOf: z.string().optional().openapi({ description: '绑定时指定的统计截止日' }),
  })
  .openapi('MetricParams');
const IndicatorMetricSchema = z
  .object({
    indicatorId: z.string(),
    indicator: z.string(),
    departmentCode: z.string(),
    year: z.number(),
    target: z.string(),
    unit: z.string(),
    enteredActual: z.string().nullable(),
    metric: MetricInfoSchema,
    params: MetricParamsSchema,
    value: z
      .string()
      .nullable()
      .openapi({ description: '实时计算的实际完成值（无可统计记录时为 null）' }),
    display: z.string(),
    asOf: z.string(),
    window: z.object({ from: z.string(), to: z.string() }),
    recordKind: z.enum([
      'investmentProject',
      'enterpriseRequest',
      'satisfactionSurvey',
      'enterprise',
    ]),
    recordCount: z.number(),
    records: z.array(z.string()).openapi({ description: '计入的记录 ID' }),
    numerator: z.string().nullable(),
    denominator: z.string().nullable(),
    note: z.object({ zh: z.string(), en: z.string() }).nullable(),
    link: z.string().openapi({ description: '列出这些记录的查询接口' }),
  })
  .openapi('IndicatorMetric');
const BindBody = z
  .object({
    key: z
      .enum(METRIC_KEYS, { message: `取数口径应为 ${METRIC_KEYS.join(' / ')} 之一` })
      .nullable(),
    params: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .strict()
  .openapi('BindIndicatorMetric');

const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权访问'),
  404: errorResponse('不存在或未绑定'),
};
const tags = ['实时取数 Live metrics'];

const catalogueRoute = createRoute({
  method: 'get',
  path: '/api/metrics',
  tags,
  summary: '可绑定的业务取数口径',
  responses: {
    200: {
      description: '口径',
      content: { 'application/json': { schema: z.array(MetricInfoSchema) } },
    },
    401: errorResponse('未登录'),
  },
});
const getRoute = createRoute({
  method: 'get',
  path: '/api/indicators/{id}/metric',
  tags,
  summary: '指标的实时实际完成值及其依据记录',
  request: { params: IndicatorParam, query: z.object({ asOf: AsOf }) },
  responses: {
    200: {
      description: '实时值',
      content: { 'application/json': { schema: IndicatorMetricSchema } },
    },
    ...errors,
    409: errorResponse('口径不存在'),
  },
});
const putRoute = createRoute({
  method: 'put',
  path: '/api/indicators/{id}/metric',
  tags,
  summary: '绑定（或解除，key 为 null）指标的业务取数口径：仅草稿或退回状态的目标可改',
  request: {
    params: IndicatorParam,
    body: { content: { 'application/json': { schema: BindBody } }, required: true },
  },
  responses: {
    200: {
      description: '已绑定',
      content: { 'application/json': { schema: IndicatorMetricSchema.nullable() } },
    },
    ...errors,
    423: errorResponse('目标已锁定'),
  },
});
const deptRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/metrics',
  tags,
  summary: '部门当年所有绑定业务取数的指标及其实时值',
  request: { params: DepartmentCodeParam, query: YearQuery.extend({ asOf: AsOf }) },
  responses: {
    200: {
      description: '指标实时值',
      content: { 'application/json': { schema: z.array(IndicatorMetricSchema) } },
    },
    ...errors,
  },
});

export function registerMetricRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(catalogueRoute, async (c) => c.json(listMetricCatalogue(), 200));
  app.openapi(getRoute, async (c) =>
    c.json(
      await getIndicatorMetric(db, c.var.actor, c.req.valid('param').id, c.req.valid('query').asOf),
      200,
    ),
  );
  app.openapi(putRoute, async (c) => {
    const b = c.req.valid('json');
    const r = await bindIndicatorMetric(
      db,
      c.var.actor,
      c.req.valid('param').id,
      b.key === null ? null : { key: b.key, params: b.params ?? null },
      deps.now(),
    );
    return c.json(r, 200);
  });
  app.openapi(deptRoute, async (c) => {
    const { year, asOf } = c.req.valid('query');
    return c.json(
      await listDepartmentMetrics(db, c.var.actor, c.req.valid('param').code, year, asOf),
      200,
    );
  });
}
