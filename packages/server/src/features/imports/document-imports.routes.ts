// POST /api/departments/{code}/goal-imports?year=&preview=&replace= — a clerk's 绩效目标申报表 (flat grid or forms):
// with preview=true the sets that would be created (checked in a transaction that writes nothing), then the same
// file without preview creates them as drafts. POST /api/regions/{region}/budget-imports?year=&unit=&replace= — the
// finance bureau's region-wide 一体化 项目年度预算 export. Multipart field "file"; a refused file answers 422 with
// every bad row (or the expected and found headers).
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { ServiceError } from '../../http/service-error.ts';
import { bufferSource } from '../../import/import-source.ts';
import { savedMapping } from './column-mapping.service.ts';
import {
  BudgetImportQuery,
  GoalImportQuery,
  GoalImportResultSchema,
  RegionBudgetResultSchema,
  RegionParam,
} from './document-imports.schema.ts';
import { DepartmentCodeParam } from '../departments/departments.schema.ts';
import { importGoals } from './goal-import.service.ts';
import { importRegionBudgets } from './budget-import.service.ts';

const tags = ['数据导入 Imports'];
const fileBody = {
  content: {
    'multipart/form-data': {
      schema: z.object({
        file: z
          .any()
          .openapi({ type: 'string', format: 'binary', description: '.xlsx 或 .csv 文件' }),
      }),
    },
  },
  required: true,
};
const refusals = {
  400: errorResponse('请求有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权操作'),
  404: errorResponse('不存在'),
  409: errorResponse('文件已导入过'),
  422: errorResponse('文件有错误：整批拒绝，details.errors 列出每一处错误（或应有与实有的表头）'),
};

const goalsRoute = createRoute({
  method: 'post',
  path: '/api/departments/{code}/goal-imports',
  tags,
  summary: '导入绩效目标申报表（一体化表格或申报表），preview=true 只预览将要新建的目标（草稿）',
  request: { params: DepartmentCodeParam, query: GoalImportQuery, body: fileBody },
  responses: {
    200: {
      description: '将要新建（预览）或已新建的绩效目标草稿，及目标检查的提示',
      content: { 'application/json': { schema: GoalImportResultSchema } },
    },
    ...refusals,
  },
});

const budgetsRoute = createRoute({
  method: 'post',
  path: '/api/regions/{region}/budget-imports',
  tags,
  summary: '财政局导入全区项目年度预算（一体化导出，按单位代码分到各部门）',
  request: { params: RegionParam, query: BudgetImportQuery, body: fileBody },
  responses: {
    200: {
      description: '各部门导入的预算行',
      content: { 'application/json': { schema: RegionBudgetResultSchema } },
    },
    ...refusals,
  },
});

async function uploadedFile(c: { req: { parseBody: () => Promise<Record<string, unknown>> } }) {
  const form = await c.req.parseBody().catch(() => {
    throw new ServiceError('UPLOAD_FORM_INVALID');
  });
  const file = form['file'];
  if (!(file instanceof File)) {
    throw new ServiceError('UPLOAD_FILE_MISSING', { what: '文件', whatEn: 'file' });
  }
  return bufferSource(file.name, new Uint8Array(await file.arrayBuffer()));
}

const yes = (v: string | undefined) => v === 'true' || v === '1';

export function registerDocumentImportRoutes(app: App, deps: AppDeps): void {
  app.openapi(goalsRoute, async (c) => {
    const { code } = c.req.valid('param');
    const { year, preview, replace } = c.req.valid('query');
    const mapping = await savedMapping(deps.database.db, code, 'goals');
    const result = await importGoals(deps.database, c.var.actor, {
      departmentCode: code,
      year,
      source: await uploadedFile(c),
      preview: yes(preview),
      replace: yes(replace),
      ...(mapping ? { mapping } : {}),
    });
    return c.json(result, 200);
  });
  app.openapi(budgetsRoute, async (c) => {
    const { region } = c.req.valid('param');
    const { year, unit, replace } = c.req.valid('query');
    const result = await importRegionBudgets(deps.database, c.var.actor, {
      regionCode: region,
      year,
      source: await uploadedFile(c),
      replace: yes(replace),
      ...(unit ? { unit } : {}),
    });
    return c.json(result, 200);
  });
}
