// The report: GET in any format (download), and paragraph overrides (PUT to overwrite, DELETE to revert).
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import {
  REPORT_FORMATS,
  clearParagraphOverride,
  renderReport,
  setParagraphOverride,
} from './reports.service.ts';
import { DepartmentCodeParam } from '../departments/departments.schema.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { fileResponse } from '../../http/file-response.ts';
import { registerDistrictReportRoutes } from './district-reports.routes.ts';

const ReportQuery = z.object({
  year: z.coerce
    .number({ message: '年度必须是数字' })
    .int('年度必须是整数')
    .min(2000, '年度不早于 2000')
    .max(2100, '年度不晚于 2100')
    .openapi({ param: { name: 'year', in: 'query' }, example: 2023 }),
  format: z
    .enum(REPORT_FORMATS, { message: `格式应为 ${REPORT_FORMATS.join(' / ')}` })
    .default('docx')
    .openapi({ param: { name: 'format', in: 'query' }, example: 'docx' }),
  download: z
    .enum(['0', '1'])
    .default('1')
    .openapi({
      param: { name: 'download', in: 'query' },
      description: '1 = 作为附件下载；0 = 在页面中显示',
    }),
});

const ParagraphParams = DepartmentCodeParam.extend({
  key: z
    .string()
    .regex(/^[a-zA-Z0-9_.-]{1,80}$/, '段落编号格式不正确')
    .openapi({ param: { name: 'key', in: 'path' }, example: 'evaluation.conclusion' }),
});
const YearOnly = z.object({ year: ReportQuery.shape.year });
const ParagraphBody = z
  .object({ text: z.string().trim().min(1, '段落内容不能为空').max(20000, '段落不超过 20000 字') })
  .openapi('ParagraphOverride');

const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权访问'),
  404: errorResponse('不存在'),
};
const tags = ['报告 Report'];

const getRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/report',
  tags,
  summary: '整体支出绩效自评报告（docx / pdf / md / html / xlsx 自评表 / txt）',
  request: { params: DepartmentCodeParam, query: ReportQuery },
  responses: {
    200: fileResponse('报告文件', ['docx', 'pdf', 'md', 'html', 'xlsx', 'txt']),
    ...errors,
    503: errorResponse('PDF 暂不可用'),
  },
});
const putRoute = createRoute({
  method: 'put',
  path: '/api/departments/{code}/report/paragraphs/{key}',
  tags,
  summary: '改写报告中的一个段落（保留到下次生成）',
  request: {
    params: ParagraphParams,
    query: YearOnly,
    body: { content: { 'application/json': { schema: ParagraphBody } }, required: true },
  },
  responses: {
    200: {
      description: '已保存',
      content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } },
    },
    ...errors,
  },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/departments/{code}/report/paragraphs/{key}',
  tags,
  summary: '恢复段落为系统生成的文字',
  request: { params: ParagraphParams, query: YearOnly },
  responses: {
    200: {
      description: '已恢复',
      content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } },
    },
    ...errors,
  },
});

export function registerReportRoutes(app: App, deps: AppDeps): void {
  registerDistrictReportRoutes(app, deps); // 全区报告打包 (district zip)
  const db = deps.database.db;
  app.openapi(getRoute, async (c) => {
    const { code } = c.req.valid('param');
    const { year, format, download } = c.req.valid('query');
    const r = await renderReport(db, c.var.actor, code, year, format, deps.now());
    const disposition =
      download === '1'
        ? `attachment; filename*=UTF-8''${encodeURIComponent(r.fileName)}`
        : 'inline';
    return new Response(new Uint8Array(r.body), {
      status: 200,
      headers: {
        'content-type': r.contentType,
        'content-disposition': disposition,
        'cache-control': 'no-store',
      },
    });
  });
  app.openapi(putRoute, async (c) => {
    const { code, key } = c.req.valid('param');
    await setParagraphOverride(
      db,
      c.var.actor,
      code,
      c.req.valid('query').year,
      key,
      c.req.valid('json').text,
      deps.now(),
    );
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { code, key } = c.req.valid('param');
    await clearParagraphOverride(db, c.var.actor, code, c.req.valid('query').year, key);
    return c.json({ ok: true as const }, 200);
  });
}
