// GET / PUT /api/departments/{code}/import-mappings/{kind}: the department's remembered column mapping for a kind of
// file (field → the file's header), chosen when an import could not match a required column.
import { createRoute } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { ColumnMappingBody, ColumnMappingSchema, MappingParams } from './column-mapping.schema.ts';
import { getColumnMapping, saveColumnMapping } from './column-mapping.service.ts';

const tags = ['数据导入 Imports'];
const ok = {
  description: '列对应关系',
  content: { 'application/json': { schema: ColumnMappingSchema } },
};

const getRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/import-mappings/{kind}',
  tags,
  summary: '本部门该类文件已保存的列对应关系（字段 → 文件表头）及可对应的字段',
  request: { params: MappingParams },
  responses: {
    200: ok,
    400: errorResponse('输入有误'),
    401: errorResponse('未登录'),
    403: errorResponse('无权访问'),
    404: errorResponse('部门不存在'),
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/departments/{code}/import-mappings/{kind}',
  tags,
  summary: '保存本部门该类文件的列对应关系（此后导入先按它匹配表头）',
  request: {
    params: MappingParams,
    body: { content: { 'application/json': { schema: ColumnMappingBody } }, required: true },
  },
  responses: {
    200: ok,
    400: errorResponse('输入有误，或字段不属于该类文件'),
    401: errorResponse('未登录'),
    403: errorResponse('无权操作'),
    404: errorResponse('部门不存在'),
  },
});

export function registerColumnMappingRoutes(app: App, deps: AppDeps): void {
  app.openapi(getRoute, async (c) => {
    const { code, kind } = c.req.valid('param');
    return c.json(await getColumnMapping(deps.database, c.var.actor, code, kind), 200);
  });
  app.openapi(putRoute, async (c) => {
    const { code, kind } = c.req.valid('param');
    const { mapping } = c.req.valid('json');
    return c.json(await saveColumnMapping(deps.database, c.var.actor, code, kind, mapping), 200);
  });
}
