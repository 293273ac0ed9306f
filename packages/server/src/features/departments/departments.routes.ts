// GET /api/departments, GET /api/departments/{code}?year= — scoped to what the user may see.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { getDepartmentProfile, listDepartments } from './departments.service.ts';
import {
  DepartmentCodeParam,
  DepartmentProfileSchema,
  DepartmentSummarySchema,
  YearQuery,
} from './departments.schema.ts';
import { ErrorBodySchema } from '../../http/error-schema.ts';

const errors = {
  401: { description: '未登录', content: { 'application/json': { schema: ErrorBodySchema } } },
  403: { description: '无权访问', content: { 'application/json': { schema: ErrorBodySchema } } },
  404: { description: '不存在', content: { 'application/json': { schema: ErrorBodySchema } } },
};

const listRoute = createRoute({
  method: 'get',
  path: '/api/departments',
  tags: ['部门 Departments'],
  summary: '可见的部门列表',
  responses: {
    200: {
      description: '部门列表',
      content: { 'application/json': { schema: z.array(DepartmentSummarySchema) } },
    },
    401: errors[401],
  },
});

const profileRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}',
  tags: ['部门 Departments'],
  summary: '部门概况（职能、机构、人员编制）',
  request: { params: DepartmentCodeParam, query: YearQuery },
  responses: {
    200: {
      description: '部门概况',
      content: { 'application/json': { schema: DepartmentProfileSchema } },
    },
    ...errors,
  },
});

export function registerDepartmentRoutes(app: App, deps: AppDeps): void {
  app.openapi(listRoute, async (c) =>
    c.json(await listDepartments(deps.database.db, c.var.actor), 200),
  );
  app.openapi(profileRoute, async (c) => {
    const { code } = c.req.valid('param');
    const { year } = c.req.valid('query');
    const p = await getDepartmentProfile(deps.database.db, c.var.actor, code, year);
    return c.json(
      {
        code: p.department.code,
        name: p.department.name,
        shortName: p.department.shortName,
        regionCode: p.department.regionCode,
        regionName: p.region?.name ?? null,
        functions: p.department.functions,
        units: p.units.map((u) => ({ name: u.name, kind: u.kind })),
        staffing: p.staffing
          ? {
              authorizedStaff: p.staffing.authorizedStaff,
              activeStaff: p.staffing.activeStaff,
              retiredStaff: p.staffing.retiredStaff,
              illustrative: p.staffing.illustrative,
            }
          : null,
        illustrative: p.department.illustrative,
        scoringPreset: p.fiscalYear?.scoringPreset ?? null,
        basisNotice: p.fiscalYear?.basisNotice ?? null,
      },
      200,
    );
  });
}
