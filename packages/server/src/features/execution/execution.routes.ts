// GET …/execution (projects, monthly series, 序时进度, fund sources), …/projects, …/ledger (paged).
import { createRoute } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { getExecution, listLedger, listProjects } from './execution.service.ts';
import { DepartmentCodeParam, YearQuery } from '../departments/departments.schema.ts';
import {
  ExecutionQuery,
  ExecutionSchema,
  LedgerPageSchema,
  LedgerQuery,
  ProjectListSchema,
} from './execution.schema.ts';
import { errorResponse } from '../../http/error-schema.ts';

const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权访问'),
  404: errorResponse('不存在'),
};
const tags = ['预算执行 Execution'];

const executionRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/execution',
  tags,
  summary: '预算执行：各项目及部门的月度/累计执行数、执行率、结转结余、序时进度、资金来源',
  request: { params: DepartmentCodeParam, query: ExecutionQuery },
  responses: {
    200: { description: '执行情况', content: { 'application/json': { schema: ExecutionSchema } } },
    ...errors,
  },
});

const projectsRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/projects',
  tags,
  summary: '项目列表（含年初预算数、全年预算数）',
  request: { params: DepartmentCodeParam, query: YearQuery },
  responses: {
    200: { description: '项目', content: { 'application/json': { schema: ProjectListSchema } } },
    ...errors,
  },
});

const ledgerRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/ledger',
  tags,
  summary: '支出台账明细（分页，可按项目、月份筛选）',
  request: { params: DepartmentCodeParam, query: LedgerQuery },
  responses: {
    200: { description: '台账', content: { 'application/json': { schema: LedgerPageSchema } } },
    ...errors,
  },
});

export function registerExecutionRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(executionRoute, async (c) => {
    const { year, month } = c.req.valid('query');
    return c.json(await getExecution(db, c.var.actor, c.req.valid('param').code, year, month), 200);
  });
  app.openapi(projectsRoute, async (c) =>
    c.json(
      await listProjects(db, c.var.actor, c.req.valid('param').code, c.req.valid('query').year),
      200,
    ),
  );
  app.openapi(ledgerRoute, async (c) => {
    const { year, project, month, page, pageSize } = c.req.valid('query');
    return c.json(
      await listLedger(db, c.var.actor, c.req.valid('param').code, year, {
        ...(project ? { project } : {}),
        ...(month ? { month } : {}),
        ...(page ? { page } : {}),
        ...(pageSize ? { pageSize } : {}),
      }),
      200,
    );
  });
}
