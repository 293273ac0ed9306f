// POST /api/departments/{code}/projects, PATCH …/projects/{id}: create and edit a department's projects
// (clerk or head of that department). The list is GET …/projects in execution.routes.ts.
import { createRoute } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { createProject, updateProject } from './projects.service.ts';
import { DepartmentCodeParam } from '../departments/departments.schema.ts';
import {
  CreateProjectBody,
  ProjectIdParam,
  ProjectViewSchema,
  UpdateProjectBody,
} from './projects.schema.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { jsonBody } from '../../http/route-parts.ts';

const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权操作（已记入审计日志）'),
  404: errorResponse('不存在'),
  409: errorResponse('编码已被使用 / 已有台账引用'),
};
const tags = ['预算执行 Execution'];

const createProjectRoute = createRoute({
  method: 'post',
  path: '/api/departments/{code}/projects',
  tags,
  summary: '新建项目（编码、名称、一级/二级、资金来源、支出类型）— 部门填报员 / 部门负责人',
  request: { params: DepartmentCodeParam, body: jsonBody(CreateProjectBody) },
  responses: {
    201: {
      description: '新建的项目',
      content: { 'application/json': { schema: ProjectViewSchema } },
    },
    ...errors,
  },
});

const updateProjectRoute = createRoute({
  method: 'patch',
  path: '/api/departments/{code}/projects/{id}',
  tags,
  summary: '修改项目（只传要改的字段；已有台账记录引用的编码不能修改）— 部门填报员 / 部门负责人',
  request: { params: ProjectIdParam, body: jsonBody(UpdateProjectBody) },
  responses: {
    200: {
      description: '修改后的项目',
      content: { 'application/json': { schema: ProjectViewSchema } },
    },
    ...errors,
  },
});

export function registerProjectRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(createProjectRoute, async (c) => {
    const b = c.req.valid('json');
    const input = {
      code: b.code,
      name: b.name,
      level: b.level,
      parentId: b.parentId ?? null,
      fundSource: b.fundSource,
      expenditureType: b.expenditureType,
    };
    return c.json(
      await createProject(db, c.var.actor, c.req.valid('param').code, b.year, input),
      201,
    );
  });
  app.openapi(updateProjectRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const b = c.req.valid('json');
    const patch = {
      ...(b.code !== undefined ? { code: b.code } : {}),
      ...(b.name !== undefined ? { name: b.name } : {}),
      ...(b.level !== undefined ? { level: b.level } : {}),
      ...(b.parentId !== undefined ? { parentId: b.parentId } : {}),
      ...(b.fundSource !== undefined ? { fundSource: b.fundSource } : {}),
      ...(b.expenditureType !== undefined ? { expenditureType: b.expenditureType } : {}),
    };
    return c.json(await updateProject(db, c.var.actor, code, id, patch), 200);
  });
}
