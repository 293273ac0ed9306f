// 替换已导入月份 safely: POST …/imports/ledger/preview (multipart "file") shows what replacing would do (writes
// nothing); the confirmation is POST …/imports/ledger?replace=true; POST …/imports/{batchId}/restore undoes it.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { ServiceError } from '../../http/service-error.ts';
import { bufferSource } from '../../import/import-source.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { DepartmentCodeParam, YearQuery } from '../departments/departments.schema.ts';
import { savedMapping } from './column-mapping.service.ts';
import { previewLedgerReplace, restoreReplacedImport } from './ledger-replace.service.ts';

const tags = ['数据导入 Imports'];
const errors = {
  400: errorResponse('请求有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权操作'),
  404: errorResponse('不存在'),
  409: errorResponse('状态不允许'),
};

const ReplacePreviewSchema = z
  .object({
    fileName: z.string(),
    months: z.array(z.number()),
    replacedMonths: z.array(z.number()),
    removed: z.array(z.object({ month: z.number(), rows: z.number(), amountYuan: z.string() })),
    removedRows: z.number(),
    removedYuan: z.string(),
    addedRows: z.number(),
    addedYuan: z.string(),
    budgetYuan: z.string(),
    executedBeforeYuan: z.string(),
    executedAfterYuan: z.string(),
    rateBefore: z.string().nullable(),
    rateAfter: z.string().nullable(),
  })
  .openapi('LedgerReplacePreview');

const previewRoute = createRoute({
  method: 'post',
  path: '/api/departments/{code}/imports/ledger/preview',
  tags,
  summary: '替换已导入月份前预览：删除与新增的笔数、金额，执行率变化（不写入）',
  request: {
    params: DepartmentCodeParam,
    query: YearQuery,
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: '替换预览',
      content: { 'application/json': { schema: ReplacePreviewSchema } },
    },
    ...errors,
    422: errorResponse('文件有错误'),
  },
});

const restoreRoute = createRoute({
  method: 'post',
  path: '/api/departments/{code}/imports/{batchId}/restore',
  tags,
  summary: '撤销一次月份替换：移除该次导入的数据，恢复被它替换的台账',
  request: {
    params: DepartmentCodeParam.extend({
      batchId: z
        .string()
        .min(1)
        .openapi({ param: { name: 'batchId', in: 'path' } }),
    }),
  },
  responses: {
    200: {
      description: '已恢复',
      content: {
        'application/json': {
          schema: z
            .object({ removedRows: z.number(), restoredRows: z.number() })
            .openapi('LedgerRestoreResult'),
        },
      },
    },
    ...errors,
  },
});

export function registerLedgerReplaceRoutes(app: App, deps: AppDeps): void {
  app.openapi(previewRoute, async (c) => {
    const { code } = c.req.valid('param');
    const form = await c.req.parseBody().catch(() => {
      throw new ServiceError('UPLOAD_FORM_INVALID');
    });
    const file = form['file'];
    if (!(file instanceof File)) {
      throw new ServiceError('UPLOAD_FILE_MISSING', { what: '文件', whatEn: 'file' });
    }
    const mapping = await savedMapping(deps.database.db, code, 'ledger');
    const preview = await previewLedgerReplace(deps.database, c.var.actor, {
      departmentCode: code,
      year: c.req.valid('query').year,
      source: bufferSource(file.name, new Uint8Array(await file.arrayBuffer())),
      ...(mapping ? { mapping } : {}),
    });
    return c.json(preview, 200);
  });
  app.openapi(restoreRoute, async (c) => {
    const { code, batchId } = c.req.valid('param');
    return c.json(await restoreReplacedImport(deps.database, c.var.actor, code, batchId), 200);
  });
}
