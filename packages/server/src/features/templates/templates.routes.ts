// GET /api/templates/{ledger|budgets|progress}.xlsx — import templates with Chinese headers
// (?department=&year= pre-fills the progress template with that department's indicators).
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { TEMPLATE_KINDS, templateFile, type TemplateKind } from './templates.service.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { fileResponse } from '../../http/file-response.ts';

const TemplateParams = z.object({
  file: z
    .enum(TEMPLATE_KINDS.map((k) => `${k}.xlsx`) as [string, ...string[]], {
      message: '模板应为 ledger.xlsx / budgets.xlsx / progress.xlsx',
    })
    .openapi({ param: { name: 'file', in: 'path' }, example: 'ledger.xlsx' }),
});
const TemplateQuery = z.object({
  department: z
    .string()
    .regex(/^[A-Za-z0-9.-]{1,32}$/, '部门编码只能包含字母、数字、- 和 .（不超过 32 位）')
    .optional()
    .openapi({ param: { name: 'department', in: 'query' } }),
  year: z.coerce
    .number({ message: '年度必须是数字' })
    .int('年度必须是整数')
    .min(2000, '年度不早于 2000')
    .max(2100, '年度不晚于 2100')
    .optional()
    .openapi({ param: { name: 'year', in: 'query' } }),
});

const route = createRoute({
  method: 'get',
  path: '/api/templates/{file}',
  tags: ['数据导入 Imports'],
  summary: '下载导入模板（支出台账 / 项目预算 / 指标完成进度）',
  request: { params: TemplateParams, query: TemplateQuery },
  responses: {
    200: fileResponse('Excel 模板', ['xlsx']),
    400: errorResponse('输入有误'),
    401: errorResponse('未登录'),
    403: errorResponse('无权访问'),
    404: errorResponse('不存在'),
  },
});

export function registerTemplateRoutes(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const kind = c.req.valid('param').file.replace(/\.xlsx$/, '') as TemplateKind;
    const { department, year } = c.req.valid('query');
    const t = await templateFile(
      deps.database.db,
      c.var.actor,
      kind,
      deps.now(),
      department && year ? { departmentCode: department, year } : undefined,
    );
    return new Response(new Uint8Array(t.body), {
      status: 200,
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(t.fileName)}`,
        'cache-control': 'no-store',
      },
    });
  });
}
