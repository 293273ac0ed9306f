// POST …/imports/{kind}?year=&replace= (multipart field "file": .xlsx or .csv) and GET …/imports?year=.
// The whole file is checked before anything is written; a refused file answers 422 with every bad row.
import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { App, AppDeps } from '../../http/app-env.ts';
import { errorBody } from '../../http/error-response.ts';
import { ServiceError } from '../../http/service-error.ts';
import { importBudgets, importLedger, importProgress, listImports } from './imports.service.ts';
import { bufferSource } from '../../import/import-source.ts';
import { DepartmentCodeParam, YearQuery } from '../departments/departments.schema.ts';
import { ErrorBodySchema, errorResponse } from '../../http/error-schema.ts';
import { registerColumnMappingRoutes } from './column-mapping.routes.ts';
import { registerDocumentImportRoutes } from './document-imports.routes.ts';
import { registerLedgerReplaceRoutes } from './ledger-replace.routes.ts';
import { savedMapping } from './column-mapping.service.ts';

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const tags = ['数据导入 Imports'];

const ImportParams = DepartmentCodeParam.extend({
  kind: z
    .enum(['ledger', 'budgets', 'progress'], {
      message: '导入类型应为 ledger（支出台账）/ budgets（项目预算）/ progress（指标完成进度）',
    })
    .openapi({ param: { name: 'kind', in: 'path' }, example: 'ledger' }),
});
const ImportQuery = YearQuery.extend({
  replace: z
    .enum(['true', 'false', '1', '0'], { message: 'replace 应为 true 或 false' })
    .optional()
    .openapi({
      param: { name: 'replace', in: 'query' },
      description: '台账：替换已导入的月份；项目预算：替换本年度全部预算行',
    }),
});

const RowErrorSchema = z
  .object({
    row: z.number(),
    column: z.string(),
    value: z.string(),
    code: z.string(),
    message: z.string(),
    messageEn: z.string(),
  })
  .openapi('ImportRowError');
const ImportResultSchema = z
  .object({
    batchId: z.string(),
    kind: z.string(),
    fileName: z.string(),
    sha256: z.string(),
    format: z.string(),
    encoding: z.string().nullable(),
    rows: z.number(),
    months: z.array(z.number()),
    totalYuan: z.string(),
    createdProjects: z.array(z.string()),
    replaced: z
      .object({
        months: z.array(z.number()),
        batches: z.array(z.string()),
        deletedRows: z.number(),
      })
      .nullable(),
  })
  .openapi('ImportResult');
const ImportBatchSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    fileName: z.string(),
    sha256: z.string(),
    months: z.array(z.number()),
    rows: z.number(),
    totalYuan: z.string(),
    status: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    replacedRows: z.number().openapi({ description: '该次导入替换掉的台账行数（可撤销替换）' }),
  })
  .openapi('ImportBatch');

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/departments/{code}/imports/{kind}',
  tags,
  summary:
    '导入支出台账 / 项目预算 / 指标完成进度（.xlsx 或 .csv，UTF-8 或 GBK），整批校验、整批写入',
  request: {
    params: ImportParams,
    query: ImportQuery,
    body: {
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
    },
  },
  responses: {
    200: {
      description: '导入结果',
      content: { 'application/json': { schema: ImportResultSchema } },
    },
    400: errorResponse('请求有误'),
    401: errorResponse('未登录'),
    403: errorResponse('无权操作'),
    404: errorResponse('部门不存在'),
    409: errorResponse('文件已导入过，或月份已有数据（需 replace=true）'),
    413: errorResponse('文件过大'),
    422: {
      description: '文件有错误：整批拒绝，details.errors 列出每一处错误',
      content: {
        'application/json': {
          schema: ErrorBodySchema.extend({
            error: ErrorBodySchema.shape.error.extend({
              details: z
                .object({ errorCount: z.number(), errors: z.array(RowErrorSchema) })
                .partial()
                .optional(),
            }),
          }),
        },
      },
    },
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/imports',
  tags,
  summary: '导入批次（最新在前）',
  request: { params: DepartmentCodeParam, query: YearQuery },
  responses: {
    200: {
      description: '批次',
      content: { 'application/json': { schema: z.array(ImportBatchSchema) } },
    },
    400: errorResponse('输入有误'),
    401: errorResponse('未登录'),
    403: errorResponse('无权访问'),
    404: errorResponse('不存在'),
  },
});

export function registerImportRoutes(app: App, deps: AppDeps): void {
  app.use(
    '/api/departments/:code/imports/*',
    bodyLimit({
      maxSize: MAX_IMPORT_BYTES,
      onError: (c) =>
        c.json(
          errorBody('FILE_TOO_LARGE', {
            limit: '200 MB',
            advice: '请按月份拆分后导入',
            adviceEn: 'split it by month',
          }),
          413,
        ),
    }),
  );
  app.openapi(uploadRoute, async (c) => {
    const { code, kind } = c.req.valid('param');
    const { year, replace } = c.req.valid('query');
    const form = await c.req.parseBody().catch(() => {
      throw new ServiceError('UPLOAD_FORM_INVALID');
    });
    const file = form['file'];
    if (!(file instanceof File)) {
      throw new ServiceError('UPLOAD_FILE_MISSING', { what: '文件', whatEn: 'file' });
    }
    // The department's remembered column mapping for this kind of file goes before the built-in aliases.
    const mapping = await savedMapping(deps.database.db, code, kind);
    const input = {
      departmentCode: code,
      year,
      source: bufferSource(file.name, new Uint8Array(await file.arrayBuffer())),
      replace: replace === 'true' || replace === '1',
      ...(mapping ? { mapping } : {}),
    };
    const run =
      kind === 'ledger' ? importLedger : kind === 'budgets' ? importBudgets : importProgress;
    return c.json(await run(deps.database, c.var.actor, input), 200);
  });
  registerColumnMappingRoutes(app, deps);
  registerDocumentImportRoutes(app, deps);
  registerLedgerReplaceRoutes(app, deps);
  app.openapi(listRoute, async (c) =>
    c.json(
      await listImports(
        deps.database,
        c.var.actor,
        c.req.valid('param').code,
        c.req.valid('query').year,
      ),
      200,
    ),
  );
}
