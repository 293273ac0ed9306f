// Request and response schemas of enterprise services (enterprises, requests, surveys, policy packages and grants).
import { z } from '@hono/zod-openapi';
import { REQUEST_CATEGORIES, REQUEST_STATUSES } from '@jixiao/core/investment/index';
import { DepartmentCodeParam } from '../departments/departments.schema.ts';

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
export const IdParams = DepartmentCodeParam.extend({
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

export const EnterpriseQuery = z.object({
  key: q('key', boolQuery('重点企业筛选')),
  hasOfficer: q('hasOfficer', boolQuery('是否已配首席服务官')),
  subdistrict: q('subdistrict', z.string().max(40)),
  q: q('q', z.string().max(100, '搜索词不超过 100 字')),
  ...paging,
});
export const EnterpriseBody = z
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
export const EnterprisePatch = EnterpriseBody.partial().strict().openapi('EnterprisePatch');

export const RequestQuery = z.object({
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
export const RequestBody = z
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
export const CloseBody = z
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
export const WithdrawBody = z
  .object({
    reason: z.string({ message: '撤回原因必填' }).trim().min(1, '撤回原因不能为空').max(500),
  })
  .strict()
  .openapi('WithdrawRequest');
export const SurveyBody = z
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
export const SurveyQuery = z.object({
  from: q('from', isoDate('起始日期')),
  to: q('to', isoDate('截止日期')),
  ...paging,
});
export const PackageBody = z
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
export const GrantQuery = z.object({
  packageId: q('packageId', z.string().max(64)),
  enterpriseId: q('enterpriseId', z.string().max(64)),
  from: q('from', isoDate('起始日期')),
  to: q('to', isoDate('截止日期')),
  ...paging,
});
export const GrantBody = z
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

// ——— responses ———

const page = { total: z.number(), page: z.number(), pageSize: z.number() };

export const EnterpriseSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    creditCode: z.string().nullable(),
    industryCode: z.string().nullable(),
    industryName: z.string().nullable(),
    subdistrictCode: z.string().nullable(),
    subdistrictName: z.string().nullable(),
    isKeyEnterprise: z.boolean(),
    serviceOfficer: z.string().nullable(),
    serviceOfficerUnit: z.string().nullable(),
    serviceOfficerSince: z.string().nullable(),
    investmentProjectId: z.string().nullable(),
    illustrative: z.boolean(),
  })
  .openapi('Enterprise');
export const EnterprisePageSchema = z
  .object({ items: z.array(EnterpriseSchema), ...page })
  .openapi('EnterprisePage');

export const EnterpriseRequestSchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    category: z.enum(REQUEST_CATEGORIES),
    categoryLabel: z.string(),
    summary: z.string(),
    receivedOn: z.string(),
    dueOn: z.string(),
    closedOn: z.string().nullable(),
    status: z.enum(REQUEST_STATUSES),
    statusLabel: z.string(),
    onTime: z.boolean().nullable().openapi({ description: '按期办结；未办结时为 null' }),
    closureNote: z.string().nullable(),
    handledBy: z.string().nullable(),
    survey: z
      .object({ score: z.number().nullable(), satisfied: z.boolean().nullable() })
      .nullable(),
    illustrative: z.boolean(),
  })
  .openapi('EnterpriseRequest');
export const EnterpriseRequestPageSchema = z
  .object({ items: z.array(EnterpriseRequestSchema), ...page })
  .openapi('EnterpriseRequestPage');

export const SurveySchema = z
  .object({
    id: z.string(),
    requestId: z.string(),
    surveyedOn: z.string(),
    score: z.number().nullable(),
    satisfied: z.boolean().nullable(),
    comment: z.string().nullable(),
  })
  .openapi('SatisfactionSurvey');
export const SurveyPageSchema = z
  .object({
    items: z.array(SurveySchema.extend({ enterpriseName: z.string(), summary: z.string() })),
    ...page,
  })
  .openapi('SatisfactionSurveyPage');

export const PolicyPackageSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    projectId: z.string().nullable(),
    grants: z.number(),
    enterprises: z.number(),
    amountYuan: z.string(),
    illustrative: z.boolean(),
  })
  .openapi('PolicyPackage');

export const PolicyGrantSchema = z
  .object({
    id: z.string(),
    packageId: z.string(),
    packageName: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    grantedOn: z.string(),
    amountYuan: z.string(),
    batch: z.number().nullable(),
    note: z.string().nullable(),
  })
  .openapi('PolicyGrant');
export const PolicyGrantPageSchema = z
  .object({
    items: z.array(PolicyGrantSchema),
    totalAmountYuan: z.string(),
    enterprises: z.number(),
    ...page,
  })
  .openapi('PolicyGrantPage');
