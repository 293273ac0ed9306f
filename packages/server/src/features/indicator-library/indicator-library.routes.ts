// The indicator library: search templates (text, field, level 1/2), one template, add a region's own (finance bureau).
// Creating an indicator from a template: POST /api/goals/{id}/indicators/from-template (indicators routes).
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import * as library from './indicator-library.service.ts';
import { IdParam, Level1Enum, Level2Enum, OperatorEnum } from '../goals/goals.schema.ts';
import { errorResponse } from '../../http/error-schema.ts';

const TAG = ['指标库 Indicator library'];
const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权访问'),
  404: errorResponse('不存在'),
  409: errorResponse('重复'),
};

export const TemplateSchema = z
  .object({
    id: z.string(),
    field: z.string(),
    level1: Level1Enum,
    level1Label: z.string(),
    level2: Level2Enum,
    level2Label: z.string(),
    name: z.string(),
    unit: z.string(),
    operator: OperatorEnum,
    operatorSymbol: z.string(),
    dataSource: z.string().nullable(),
    description: z.string().nullable(),
    builtin: z.boolean(),
  })
  .openapi('IndicatorTemplate');

const SearchQuery = z.object({
  q: z.string().max(50, '搜索词不超过 50 个字符').optional(),
  field: z.string().max(50, '领域不超过 50 个字符').optional(),
  level1: Level1Enum.optional(),
  level2: Level2Enum.optional(),
});

const NewTemplateBody = z
  .object({
    field: z
      .string({ message: '请填写领域' })
      .trim()
      .min(1, '请填写领域')
      .max(50, '领域不超过 50 个字符'),
    level1: Level1Enum,
    level2: Level2Enum,
    name: z
      .string({ message: '请填写指标名称' })
      .trim()
      .min(1, '请填写指标名称')
      .max(100, '指标名称不超过 100 个字符'),
    unit: z.string().max(20, '计量单位不超过 20 个字符').default(''),
    operator: OperatorEnum,
    dataSource: z.string().max(200, '数据来源不超过 200 个字符').nullable().optional(),
    description: z.string().max(1000, '说明不超过 1000 个字符').nullable().optional(),
  })
  .strict()
  .openapi('NewIndicatorTemplate');

const paths = ['/api/indicator-library', '/api/indicator-templates'] as const;

const listRoute = (path: string) =>
  createRoute({
    method: 'get',
    path,
    tags: TAG,
    summary: '检索指标库（按名称/说明关键词、领域、一级/二级指标）',
    request: { query: SearchQuery },
    responses: {
      200: {
        description: '模板',
        content: { 'application/json': { schema: z.array(TemplateSchema) } },
      },
      ...errors,
    },
  });

const getRoute = (path: string) =>
  createRoute({
    method: 'get',
    path: `${path}/{id}`,
    tags: TAG,
    summary: '一个指标库模板',
    request: { params: IdParam },
    responses: {
      200: { description: '模板', content: { 'application/json': { schema: TemplateSchema } } },
      ...errors,
    },
  });

const createTemplateRoute = (path: string) =>
  createRoute({
    method: 'post',
    path,
    tags: TAG,
    summary: '新增本地区指标库模板 — 财政审核员',
    request: {
      body: { content: { 'application/json': { schema: NewTemplateBody } }, required: true },
    },
    responses: {
      201: { description: '已新增', content: { 'application/json': { schema: TemplateSchema } } },
      ...errors,
    },
  });

export function registerIndicatorLibraryRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  for (const path of paths) {
    app.openapi(listRoute(path), async (c) =>
      c.json(await library.listTemplates(db, c.var.actor, c.req.valid('query')), 200),
    );
    app.openapi(getRoute(path), async (c) =>
      c.json(await library.getTemplate(db, c.var.actor, c.req.valid('param').id), 200),
    );
    app.openapi(createTemplateRoute(path), async (c) =>
      c.json(await library.createTemplate(db, c.var.actor, c.req.valid('json'), deps.now()), 201),
    );
  }
}
