// 绩效运行监控 (双监控) over HTTP: the department's warnings at a cut-off month, its responses and submission,
// the 绩效运行监控表 (.docx / .xlsx), and the finance bureau's region-wide page.
import { createRoute, z } from '@hono/zod-openapi';
import { COMPLETION_LIKELIHOODS, DEVIATION_REASONS } from '@jixiao/core';
import type { App, AppDeps } from '../../http/app-env.ts';
import {
  getMonitoring,
  regionMonitoring,
  renderMonitoringForm,
  saveResponses,
  submitMonitoring,
} from './monitoring.service.ts';
import { DepartmentCodeParam, YearQuery } from '../departments/departments.schema.ts';
import { MonthParamSchema } from '../execution/execution.schema.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { fileResponse } from '../../http/file-response.ts';
import { MonitoringSchema, RegionMonitoringSchema } from './monitoring.schema.ts';

const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权访问'),
  404: errorResponse('不存在'),
};
const tags = ['运行监控 Monitoring'];

const MonthParams = DepartmentCodeParam.extend({
  month: MonthParamSchema.openapi({ param: { name: 'month', in: 'path' }, example: 6 }),
});
const FormParams = MonthParams.extend({
  file: z
    .enum(['form.docx', 'form.xlsx'], { message: '格式应为 form.docx 或 form.xlsx' })
    .openapi({ param: { name: 'file', in: 'path' }, example: 'form.docx' }),
});
const OptionalMonthQuery = YearQuery.extend({
  month: MonthParamSchema.optional().openapi({
    param: { name: 'month', in: 'query' },
    description: '监控截止月份（默认为年度配置的截止月份）',
  }),
});

const ResponsesBody = z
  .object({
    items: z
      .array(
        z.object({
          subjectKey: z.string().min(1, '监控对象不能为空').max(200, '监控对象过长'),
          deviationReasons: z
            .array(
              z.enum(DEVIATION_REASONS, {
                message:
                  '偏差原因应为 FUNDING(经费保障)/SYSTEM(制度保障)/STAFFING(人员保障)/HARDWARE(硬件保障)/OTHER(其他)',
              }),
            )
            .max(5)
            .optional(),
          deviationNote: z.string().max(2000, '偏差原因分析不超过 2000 字').nullable().optional(),
          completionLikelihood: z
            .enum(COMPLETION_LIKELIHOODS, {
              message: '完成目标可能性应为 CERTAIN(确定能)/POSSIBLE(有可能)/IMPOSSIBLE(完全不可能)',
            })
            .nullable()
            .optional(),
          measures: z.string().max(2000, '纠偏措施不超过 2000 字').nullable().optional(),
          expectedAnnual: z
            .string()
            .max(500, '全年预计完成情况不超过 500 字')
            .nullable()
            .optional(),
        }),
      )
      .min(1, '至少填写一项')
      .max(1000, '一次至多 1000 项'),
  })
  .openapi('MonitoringResponses');

const currentRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/monitoring',
  tags,
  summary: '运行监控（默认截止月份）：预算执行与绩效目标双监控预警',
  request: { params: DepartmentCodeParam, query: OptionalMonthQuery },
  responses: {
    200: { description: '监控结果', content: { 'application/json': { schema: MonitoringSchema } } },
    ...errors,
  },
});
const monthRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/monitoring/{month}',
  tags,
  summary: '运行监控（指定截止月份）',
  request: { params: MonthParams, query: YearQuery },
  responses: {
    200: { description: '监控结果', content: { 'application/json': { schema: MonitoringSchema } } },
    ...errors,
  },
});
const formRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/monitoring/{month}/{file}',
  tags,
  summary: '下载绩效运行监控表（form.docx / form.xlsx）',
  request: { params: FormParams, query: YearQuery },
  responses: {
    200: fileResponse('监控表文件', ['docx', 'xlsx']),
    ...errors,
  },
});
const responsesRoute = createRoute({
  method: 'put',
  path: '/api/departments/{code}/monitoring/{month}/responses',
  tags,
  summary: '填写预警反馈：偏差原因、完成目标可能性、纠偏措施',
  request: {
    params: MonthParams,
    query: YearQuery,
    body: { content: { 'application/json': { schema: ResponsesBody } }, required: true },
  },
  responses: {
    200: { description: '监控结果', content: { 'application/json': { schema: MonitoringSchema } } },
    ...errors,
    423: errorResponse('已报送，不能修改'),
  },
});
const submitRoute = createRoute({
  method: 'post',
  path: '/api/departments/{code}/monitoring/{month}/submit',
  tags,
  summary: '报送运行监控表（红色、黄色预警须全部填写反馈）',
  request: { params: MonthParams, query: YearQuery },
  responses: {
    200: { description: '已报送', content: { 'application/json': { schema: MonitoringSchema } } },
    ...errors,
    409: errorResponse('仍有预警未填写反馈'),
    423: errorResponse('已报送'),
  },
});
const overviewRoute = createRoute({
  method: 'get',
  path: '/api/monitoring/overview',
  tags,
  summary: '财政局：本区域全部部门的运行监控预警（一页）',
  request: { query: OptionalMonthQuery },
  responses: {
    200: {
      description: '各部门预警',
      content: { 'application/json': { schema: RegionMonitoringSchema } },
    },
    400: errorResponse('输入有误'),
    401: errorResponse('未登录'),
    403: errorResponse('无权访问'),
  },
});

export function registerMonitoringRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(overviewRoute, async (c) => {
    const { year, month } = c.req.valid('query');
    return c.json(await regionMonitoring(db, c.var.actor, year, month), 200);
  });
  app.openapi(currentRoute, async (c) => {
    const { year, month } = c.req.valid('query');
    return c.json(
      await getMonitoring(db, c.var.actor, c.req.valid('param').code, year, month, deps.now()),
      200,
    );
  });
  app.openapi(monthRoute, async (c) => {
    const { code, month } = c.req.valid('param');
    return c.json(
      await getMonitoring(db, c.var.actor, code, c.req.valid('query').year, month, deps.now()),
      200,
    );
  });
  app.openapi(formRoute, async (c) => {
    const { code, month, file } = c.req.valid('param');
    const f = await renderMonitoringForm(
      db,
      c.var.actor,
      code,
      c.req.valid('query').year,
      month,
      file === 'form.docx' ? 'docx' : 'xlsx',
      deps.now(),
    );
    return new Response(new Uint8Array(f.body), {
      status: 200,
      headers: {
        'content-type': f.contentType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
        'cache-control': 'no-store',
      },
    });
  });
  app.openapi(responsesRoute, async (c) => {
    const { code, month } = c.req.valid('param');
    const items = c.req.valid('json').items.map((i) => ({
      subjectKey: i.subjectKey,
      ...(i.deviationReasons ? { deviationReasons: i.deviationReasons } : {}),
      ...(i.deviationNote !== undefined ? { deviationNote: i.deviationNote } : {}),
      ...(i.completionLikelihood !== undefined
        ? { completionLikelihood: i.completionLikelihood }
        : {}),
      ...(i.measures !== undefined ? { measures: i.measures } : {}),
      ...(i.expectedAnnual !== undefined ? { expectedAnnual: i.expectedAnnual } : {}),
    }));
    return c.json(
      await saveResponses(db, c.var.actor, code, c.req.valid('query').year, month, items),
      200,
    );
  });
  app.openapi(submitRoute, async (c) => {
    const { code, month } = c.req.valid('param');
    return c.json(
      await submitMonitoring(db, c.var.actor, code, c.req.valid('query').year, month, deps.now()),
      200,
    );
  });
}
