// GET /api/todos?year=: the 待办 centre of the signed-in user (every role's start page shows it).
import { createRoute } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { YearQuery } from '../departments/departments.schema.ts';
import { TodoListSchema } from './todos.schema.ts';
import { listTodos } from './todos.service.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/api/todos',
  tags: ['待办 To-dos'],
  summary:
    '我的待办：待审批的目标和变更申请、被退回或待审核的自评、待填报的运行监控说明、整改事项（计数与页面链接）',
  request: { query: YearQuery },
  responses: {
    200: { description: '待办', content: { 'application/json': { schema: TodoListSchema } } },
    400: errorResponse('输入有误'),
    401: errorResponse('未登录'),
  },
});

export function registerTodoRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(listRoute, async (c) =>
    c.json(await listTodos(db, c.var.actor, c.req.valid('query').year, deps.now()), 200),
  );
}
