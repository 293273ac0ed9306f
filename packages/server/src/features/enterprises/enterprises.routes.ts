// Enterprise services over HTTP: enterprises and their chief service officer, requests (create, close,
// withdraw, survey), satisfaction surveys, policy packages and grants.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import {
  closeRequest,
  createEnterprise,
  createPolicyGrant,
  createPolicyPackage,
  createRequest,
  listEnterprises,
  listPolicyGrants,
  listPolicyPackages,
  listRequests,
  listSurveys,
  recordSurvey,
  updateEnterprise,
  withdrawRequest,
} from './enterprises.service.ts';
import { DepartmentCodeParam, YearQuery } from '../departments/departments.schema.ts';
import {
  CloseBody,
  EnterpriseBody,
  EnterprisePageSchema,
  EnterprisePatch,
  EnterpriseQuery,
  EnterpriseRequestPageSchema,
  EnterpriseRequestSchema,
  EnterpriseSchema,
  GrantBody,
  GrantQuery,
  IdParams,
  PackageBody,
  PolicyGrantPageSchema,
  PolicyGrantSchema,
  PolicyPackageSchema,
  RequestBody,
  RequestQuery,
  SurveyBody,
  SurveyPageSchema,
  SurveyQuery,
  SurveySchema,
  WithdrawBody,
} from './enterprises.schema.ts';
import { errorResponse } from '../../http/error-schema.ts';

const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权访问'),
  404: errorResponse('不存在'),
  409: errorResponse('状态不允许或重复'),
};
const tags = ['企业服务 Enterprise services'];
const jsonOf = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
const ok = <T extends z.ZodType>(description: string, schema: T) => ({
  200: jsonOf(description, schema),
});
const created = <T extends z.ZodType>(description: string, schema: T) => ({
  201: jsonOf(description, schema),
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const p = '/api/departments/{code}';

const routes = {
  listEnterprises: createRoute({
    method: 'get',
    path: `${p}/enterprises`,
    tags,
    summary: '企业名录（重点企业、首席服务官）',
    request: { params: DepartmentCodeParam, query: EnterpriseQuery },
    responses: { ...ok('企业', EnterprisePageSchema), ...errors },
  }),
  createEnterprise: createRoute({
    method: 'post',
    path: `${p}/enterprises`,
    tags,
    summary: '登记企业',
    request: { params: DepartmentCodeParam, ...body(EnterpriseBody) },
    responses: { ...created('已登记', EnterpriseSchema), ...errors },
  }),
  patchEnterprise: createRoute({
    method: 'patch',
    path: `${p}/enterprises/{id}`,
    tags,
    summary: '修改企业信息、配备首席服务官',
    request: { params: IdParams, ...body(EnterprisePatch) },
    responses: { ...ok('已修改', EnterpriseSchema), ...errors },
  }),
  listRequests: createRoute({
    method: 'get',
    path: `${p}/enterprise-requests`,
    tags,
    summary: '企业诉求台账',
    request: { params: DepartmentCodeParam, query: RequestQuery },
    responses: { ...ok('诉求', EnterpriseRequestPageSchema), ...errors },
  }),
  createRequest: createRoute({
    method: 'post',
    path: `${p}/enterprise-requests`,
    tags,
    summary: '受理企业诉求',
    request: { params: DepartmentCodeParam, ...body(RequestBody) },
    responses: { ...created('已受理', EnterpriseRequestSchema), ...errors },
  }),
  closeRequest: createRoute({
    method: 'post',
    path: `${p}/enterprise-requests/{id}/close`,
    tags,
    summary: '办结诉求',
    request: { params: IdParams, ...body(CloseBody) },
    responses: { ...ok('已办结', EnterpriseRequestSchema), ...errors },
  }),
  withdrawRequest: createRoute({
    method: 'post',
    path: `${p}/enterprise-requests/{id}/withdraw`,
    tags,
    summary: '企业撤回诉求',
    request: { params: IdParams, ...body(WithdrawBody) },
    responses: { ...ok('已撤回', EnterpriseRequestSchema), ...errors },
  }),
  survey: createRoute({
    method: 'post',
    path: `${p}/enterprise-requests/{id}/survey`,
    tags,
    summary: '办结后满意度回访',
    request: { params: IdParams, ...body(SurveyBody) },
    responses: { ...created('已回访', SurveySchema), ...errors },
  }),
  listSurveys: createRoute({
    method: 'get',
    path: `${p}/satisfaction-surveys`,
    tags,
    summary: '满意度回访记录',
    request: { params: DepartmentCodeParam, query: SurveyQuery },
    responses: { ...ok('回访', SurveyPageSchema), ...errors },
  }),
  listPackages: createRoute({
    method: 'get',
    path: `${p}/policy-packages`,
    tags,
    summary: '惠企政策包及当年兑现情况',
    request: { params: DepartmentCodeParam, query: YearQuery },
    responses: { ...ok('政策包', z.array(PolicyPackageSchema)), ...errors },
  }),
  createPackage: createRoute({
    method: 'post',
    path: `${p}/policy-packages`,
    tags,
    summary: '新增政策包',
    request: { params: DepartmentCodeParam, query: YearQuery, ...body(PackageBody) },
    responses: { ...created('已新增', PolicyPackageSchema), ...errors },
  }),
  listGrants: createRoute({
    method: 'get',
    path: `${p}/policy-grants`,
    tags,
    summary: '政策兑现明细（含金额合计、企业数）',
    request: { params: DepartmentCodeParam, query: GrantQuery },
    responses: { ...ok('兑现明细', PolicyGrantPageSchema), ...errors },
  }),
  createGrant: createRoute({
    method: 'post',
    path: `${p}/policy-grants`,
    tags,
    summary: '登记一笔政策兑现',
    request: { params: DepartmentCodeParam, ...body(GrantBody) },
    responses: { ...created('已登记', PolicyGrantSchema), ...errors },
  }),
};

const bool = (v: 'true' | 'false' | undefined): boolean | undefined =>
  v === undefined ? undefined : v === 'true';

export function registerEnterpriseRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(routes.listEnterprises, async (c) => {
    const x = c.req.valid('query');
    const f = {
      isKeyEnterprise: bool(x.key),
      hasOfficer: bool(x.hasOfficer),
      subdistrictCode: x.subdistrict,
      q: x.q,
      page: x.page,
      pageSize: x.pageSize,
    };
    return c.json(await listEnterprises(db, c.var.actor, c.req.valid('param').code, f), 200);
  });
  app.openapi(routes.createEnterprise, async (c) =>
    c.json(
      await createEnterprise(
        db,
        c.var.actor,
        c.req.valid('param').code,
        c.req.valid('json'),
        deps.now(),
      ),
      201,
    ),
  );
  app.openapi(routes.patchEnterprise, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(
      await updateEnterprise(db, c.var.actor, code, id, c.req.valid('json'), deps.now()),
      200,
    );
  });
  app.openapi(routes.listRequests, async (c) => {
    const x = c.req.valid('query');
    return c.json(
      await listRequests(db, c.var.actor, c.req.valid('param').code, {
        ...x,
        excludeWithdrawn: bool(x.excludeWithdrawn),
      }),
      200,
    );
  });
  app.openapi(routes.createRequest, async (c) =>
    c.json(
      await createRequest(
        db,
        c.var.actor,
        c.req.valid('param').code,
        c.req.valid('json'),
        deps.now(),
      ),
      201,
    ),
  );
  app.openapi(routes.closeRequest, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(
      await closeRequest(db, c.var.actor, code, id, c.req.valid('json'), deps.now()),
      200,
    );
  });
  app.openapi(routes.withdrawRequest, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(
      await withdrawRequest(db, c.var.actor, code, id, c.req.valid('json').reason, deps.now()),
      200,
    );
  });
  app.openapi(routes.survey, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(
      await recordSurvey(db, c.var.actor, code, id, c.req.valid('json'), deps.now()),
      201,
    );
  });
  app.openapi(routes.listSurveys, async (c) =>
    c.json(
      await listSurveys(db, c.var.actor, c.req.valid('param').code, c.req.valid('query')),
      200,
    ),
  );
  app.openapi(routes.listPackages, async (c) =>
    c.json(
      await listPolicyPackages(
        db,
        c.var.actor,
        c.req.valid('param').code,
        c.req.valid('query').year,
      ),
      200,
    ),
  );
  app.openapi(routes.createPackage, async (c) =>
    c.json(
      await createPolicyPackage(
        db,
        c.var.actor,
        c.req.valid('param').code,
        c.req.valid('query').year,
        c.req.valid('json'),
        deps.now(),
      ),
      201,
    ),
  );
  app.openapi(routes.listGrants, async (c) =>
    c.json(
      await listPolicyGrants(db, c.var.actor, c.req.valid('param').code, c.req.valid('query')),
      200,
    ),
  );
  app.openapi(routes.createGrant, async (c) =>
    c.json(
      await createPolicyGrant(
        db,
        c.var.actor,
        c.req.valid('param').code,
        c.req.valid('json'),
        deps.now(),
      ),
      201,
    ),
  );
}
