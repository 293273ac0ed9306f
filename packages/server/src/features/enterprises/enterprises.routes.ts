// Enterprise services over HTTP: enterprises and their chief service officer, requests (create, close,
// withdraw, survey), satisfaction surveys, policy packages and grants.
import { createRoute, z } from '@hono/zod-openapi';
import { REQUEST_CATEGORIES } from '@jixiao/core/investment/index';
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
import { ErrorBodySchema } from '../../http/error-schema.ts';

const isoDate = (label: string) =>
  z
    .string({ message: `${label}必须是日期` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`);
const paging = {
  page: z.coerce
    .number({ message: '页码必须是数字' })
    .int('页码必须是整数')
    .min(1, '页码从 1 开始')
    .default(1)
    .openapi({ param: { name: 'page', in: 'query' } }),
  pageSize: z.coerce
    .number({ message: '每页条数必须是数字' })
    .int('每页条数必须是整数')
    .min(1, '每页至少 1 条')
    .max(200, '每页最多 200 条')
    .default(20)
    .openapi({ param: { name: 'pageSize', in: 'query' } }),
};
const boolQuery = (label: string) =>
  z.enum(['true', 'false'], { message: `${label}应为 true 或 false` });
const IdParams = DepartmentCodeParam.extend({
  id: z
    .string()
    .min(1)
    .max(64, 'ID 过长')
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const Category = z.enum(REQUEST_CATEGORIES, {
  message: `诉求类别应为 ${REQUEST_CATEGORIES.join(' / ')} 之一`,
});
const q = <T extends z.ZodType>(name: string, schema: T) =>
  schema.optional().openapi({ param: { name, in: 'query' } });

const EnterpriseQuery = z.object({
  key: q('key', boolQuery('重点企业筛选')),
  hasOfficer: q('hasOfficer', boolQuery('是否已配首席服务官')),
  subdistrict: q('subdistrict', z.string().max(40)),
  q: q('q', z.string().max(100, '搜索词不超过 100 字')),
  ...paging,
});
const EnterpriseBody = z
  .object({
    name: z
      .string({ message: '企业名称必填' })
      .trim()
      .min(1, '企业名称不能为空')
      .max(200, '企业名称不超过 200 字'),
    creditCode: z.string().trim().max(18, '统一社会信用代码为 18 位').nullable().optional(),
    industryCode: z
      .string()
      .regex(/^\d{2,4}$/, '行业代码应为 2–4 位数字')
      .nullable()
      .optional(),
    industryName: z.string().max(60).nullable().optional(),
    subdistrictCode: z.string().max(40).nullable().optional(),
    isKeyEnterprise: z.boolean({ message: '是否重点企业应为 true 或 false' }).optional(),
    serviceOfficer: z.string().max(40, '首席服务官姓名不超过 40 字').nullable().optional(),
    serviceOfficerUnit: z.string().max(100).nullable().optional(),
    serviceOfficerSince: isoDate('首席服务官任职日期').nullable().optional(),
    investmentProjectId: z.string().max(64).nullable().optional(),
  })
  .strict()
  .openapi('EnterpriseInput');
const EnterprisePatch = EnterpriseBody.partial().strict().openapi('EnterprisePatch');

const RequestQuery = z.object({
  status: q(
    'status',
    z.enum(['open', 'closed', 'withdrawn'], { message: '状态应为 open / closed / withdrawn' }),
  ),
  excludeWithdrawn: q('excludeWithdrawn', boolQuery('是否排除撤回')),
  category: q('category', Category),
  enterpriseId: q('enterpriseId', z.string().max(64)),
  overdueOn: q('overdueOn', isoDate('逾期判断日期')),
  receivedFrom: q('receivedFrom', isoDate('受理起始日期')),
  receivedTo: q('receivedTo', isoDate('受理截止日期')),
  dueFrom: q('dueFrom', isoDate('期限起始日期')),
  dueTo: q('dueTo', isoDate('期限截止日期')),
  closedFrom: q('closedFrom', isoDate('办结起始日期')),
  closedTo: q('closedTo', isoDate('办结截止日期')),
  q: q('q', z.string().max(100, '搜索词不超过 100 字')),
  ...paging,
});
const RequestBody = z
  .object({
    enterpriseId: z.string({ message: '请选择企业' }).min(1, '请选择企业').max(64),
    category: Category,
    summary: z
      .string({ message: '诉求内容必填' })
      .trim()
      .min(1, '诉求内容不能为空')
      .max(2000, '诉求内容不超过 2000 字'),
    receivedOn: isoDate('受理日期'),
    dueOn: isoDate('办理期限')
      .nullable()
      .optional()
      .openapi({ description: '默认受理后 10 个工作日（按国务院节假日安排）' }),
    handledBy: z.string().max(100).nullable().optional(),
  })
  .strict()
  .openapi('EnterpriseRequestInput');
const CloseBody = z
  .object({
    closedOn: isoDate('办结日期'),
    closureNote: z
      .string({ message: '办理结果必填' })
      .trim()
      .min(1, '办理结果不能为空')
      .max(2000, '办理结果不超过 2000 字'),
  })
  .strict()
  .openapi('CloseRequest');
const WithdrawBody = z
  .object({
    reason: z.string({ message: '撤回原因必填' }).trim().min(1, '撤回原因不能为空').max(500),
  })
  .strict()
  .openapi('WithdrawRequest');
const SurveyBody = z
  .object({
    surveyedOn: isoDate('回访日期'),
    score: z
      .number({ message: '评分应为 1–5 的整数' })
      .int('评分应为整数')
      .min(1, '评分为 1–5')
      .max(5, '评分为 1–5')
      .nullable()
      .optional(),
    satisfied: z.boolean({ message: '是否满意应为 true 或 false' }).nullable().optional(),
    comment: z.string().max(1000).nullable().optional(),
  })
  .strict()
  .openapi('SatisfactionSurveyInput');
const SurveyQuery = z.object({
  from: q('from', isoDate('起始日期')),
  to: q('to', isoDate('截止日期')),
  ...paging,
});
const PackageBody = z
  .object({
    code: z.string({ message: '政策包编号必填' }).trim().min(1, '政策包编号不能为空').max(40),
    name: z.string({ message: '政策包名称必填' }).trim().min(1, '政策包名称不能为空').max(200),
    description: z.string().max(2000).nullable().optional(),
    projectCode: z
      .string()
      .max(40)
      .nullable()
      .optional()
      .openapi({ description: '兑现资金来源的预算项目编码，如 TZCJ-XM-002' }),
  })
  .strict()
  .openapi('PolicyPackageInput');
const GrantQuery = z.object({
  packageId: q('packageId', z.string().max(64)),
  enterpriseId: q('enterpriseId', z.string().max(64)),
  from: q('from', isoDate('起始日期')),
  to: q('to', isoDate('截止日期')),
  ...paging,
});
const GrantBody = z
  .object({
    packageId: z.string({ message: '请选择政策包' }).min(1, '请选择政策包').max(64),
    enterpriseId: z.string({ message: '请选择企业' }).min(1, '请选择企业').max(64),
    grantedOn: isoDate('兑现日期'),
    amountWan: z
      .string({ message: '兑现金额必须是文本形式的金额' })
      .regex(/^\d{1,12}(\.\d{1,6})?$/, '兑现金额应为万元金额，最多 6 位小数'),
    batch: z.number().int('批次应为整数').min(1, '批次从 1 开始').max(99).nullable().optional(),
    note: z.string().max(500).nullable().optional(),
  })
  .strict()
  .openapi('PolicyGrantInput');

const err = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBodySchema } },
});
const errors = {
  400: err('输入有误'),
  401: err('未登录'),
  403: err('无权访问'),
  404: err('不存在'),
  409: err('状态不允许或重复'),
};
const tags = ['企业服务 Enterprise services'];
const anyJson = (description: string) => ({
  description,
  content: { 'application/json': { schema: z.any() } },
});
const ok = (description: string) => ({ 200: anyJson(description) });
const created = (description: string) => ({ 201: anyJson(description) });
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
    responses: { ...ok('企业'), ...errors },
  }),
  createEnterprise: createRoute({
    method: 'post',
    path: `${p}/enterprises`,
    tags,
    summary: '登记企业',
    request: { params: DepartmentCodeParam, ...body(EnterpriseBody) },
    responses: { ...created('已登记'), ...errors },
  }),
  patchEnterprise: createRoute({
    method: 'patch',
    path: `${p}/enterprises/{id}`,
    tags,
    summary: '修改企业信息、配备首席服务官',
    request: { params: IdParams, ...body(EnterprisePatch) },
    responses: { ...ok('已修改'), ...errors },
  }),
  listRequests: createRoute({
    method: 'get',
    path: `${p}/enterprise-requests`,
    tags,
    summary: '企业诉求台账',
    request: { params: DepartmentCodeParam, query: RequestQuery },
    responses: { ...ok('诉求'), ...errors },
  }),
  createRequest: createRoute({
    method: 'post',
    path: `${p}/enterprise-requests`,
    tags,
    summary: '受理企业诉求',
    request: { params: DepartmentCodeParam, ...body(RequestBody) },
    responses: { ...created('已受理'), ...errors },
  }),
  closeRequest: createRoute({
    method: 'post',
    path: `${p}/enterprise-requests/{id}/close`,
    tags,
    summary: '办结诉求',
    request: { params: IdParams, ...body(CloseBody) },
    responses: { ...ok('已办结'), ...errors },
  }),
  withdrawRequest: createRoute({
    method: 'post',
    path: `${p}/enterprise-requests/{id}/withdraw`,
    tags,
    summary: '企业撤回诉求',
    request: { params: IdParams, ...body(WithdrawBody) },
    responses: { ...ok('已撤回'), ...errors },
  }),
  survey: createRoute({
    method: 'post',
    path: `${p}/enterprise-requests/{id}/survey`,
    tags,
    summary: '办结后满意度回访',
    request: { params: IdParams, ...body(SurveyBody) },
    responses: { ...created('已回访'), ...errors },
  }),
  listSurveys: createRoute({
    method: 'get',
    path: `${p}/satisfaction-surveys`,
    tags,
    summary: '满意度回访记录',
    request: { params: DepartmentCodeParam, query: SurveyQuery },
    responses: { ...ok('回访'), ...errors },
  }),
  listPackages: createRoute({
    method: 'get',
    path: `${p}/policy-packages`,
    tags,
    summary: '惠企政策包及当年兑现情况',
    request: { params: DepartmentCodeParam, query: YearQuery },
    responses: { ...ok('政策包'), ...errors },
  }),
  createPackage: createRoute({
    method: 'post',
    path: `${p}/policy-packages`,
    tags,
    summary: '新增政策包',
    request: { params: DepartmentCodeParam, query: YearQuery, ...body(PackageBody) },
    responses: { ...created('已新增'), ...errors },
  }),
  listGrants: createRoute({
    method: 'get',
    path: `${p}/policy-grants`,
    tags,
    summary: '政策兑现明细（含金额合计、企业数）',
    request: { params: DepartmentCodeParam, query: GrantQuery },
    responses: { ...ok('兑现明细'), ...errors },
  }),
  createGrant: createRoute({
    method: 'post',
    path: `${p}/policy-grants`,
    tags,
    summary: '登记一笔政策兑现',
    request: { params: DepartmentCodeParam, ...body(GrantBody) },
    responses: { ...created('已登记'), ...errors },
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
