// Request/response schemas of the investment pipeline (zod → validation, types and OpenAPI in one place).
import { z } from '@hono/zod-openapi';
import { PIPELINE_STAGES, PROJECT_SOURCES } from '@jixiao/core/investment/index';
import { DepartmentCodeParam } from '../departments/departments.schema.ts';

const STAGE_TEXT =
  '线索 LEAD / 洽谈 NEGOTIATING / 签约 SIGNED / 注册落地 REGISTERED / 开工开业 OPERATING';

export const StageEnum = z.enum(PIPELINE_STAGES, { message: `阶段应为 ${STAGE_TEXT} 之一` });
export const SourceEnum = z.enum(PROJECT_SOURCES, {
  message: `招商方式应为 ${PROJECT_SOURCES.join(' / ')} 之一`,
});

const isoDate = (label: string) =>
  z
    .string({ message: `${label}必须是日期` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`);
const boolQuery = (label: string) =>
  z.enum(['true', 'false'], { message: `${label}应为 true 或 false` });

export const ProjectIdParams = DepartmentCodeParam.extend({
  id: z
    .string()
    .min(1)
    .max(64, '项目 ID 过长')
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const ProjectFilterQuery = z.object({
  year: z.coerce
    .number({ message: '年度必须是数字' })
    .int('年度必须是整数')
    .min(2000, '年度不早于 2000')
    .max(2100, '年度不晚于 2100')
    .optional()
    .openapi({ param: { name: 'year', in: 'query' }, description: '该年度内有阶段推进的项目' }),
  stage: z
    .string()
    .optional()
    .openapi({
      param: { name: 'stage', in: 'query' },
      description: `当前阶段，可逗号分隔多个：${STAGE_TEXT}`,
    }),
  key: boolQuery('重点项目筛选')
    .optional()
    .openapi({
      param: { name: 'key', in: 'query' },
      description: 'true 只看重点项目，false 只看非重点',
    }),
  unit: z
    .string()
    .max(40, '责任单位编码过长')
    .optional()
    .openapi({ param: { name: 'unit', in: 'query' }, description: '责任单位编码' }),
  source: SourceEnum.optional().openapi({ param: { name: 'source', in: 'query' } }),
  q: z
    .string()
    .max(100, '搜索词不超过 100 字')
    .optional()
    .openapi({ param: { name: 'q', in: 'query' }, description: '按编号、名称、投资方搜索' }),
  reachedStage: StageEnum.optional().openapi({
    param: { name: 'reachedStage', in: 'query' },
    description: '在 reachedFrom–reachedTo 期间达到该阶段的项目（指标取数明细）',
  }),
  reachedFrom: isoDate('起始日期')
    .optional()
    .openapi({ param: { name: 'reachedFrom', in: 'query' } }),
  reachedTo: isoDate('截止日期')
    .optional()
    .openapi({ param: { name: 'reachedTo', in: 'query' } }),
});

export const ListQuery = ProjectFilterQuery.extend({
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
  sort: z
    .enum(['code', '-updatedAt', '-plannedInvestment', '-leadOn'], {
      message: '排序应为 code / -updatedAt / -plannedInvestment / -leadOn',
    })
    .default('code')
    .openapi({ param: { name: 'sort', in: 'query' } }),
});

const StageDatesSchema = z.object(
  Object.fromEntries(PIPELINE_STAGES.map((s) => [s, z.string().nullable()])) as Record<
    (typeof PIPELINE_STAGES)[number],
    z.ZodNullable<z.ZodString>
  >,
);

export const ProjectSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    investor: z.string(),
    industryCode: z.string(),
    industryName: z.string(),
    plannedInvestmentYuan: z.string().openapi({ example: '125000000.00' }),
    plannedInvestmentWan: z.string().openapi({ example: '12500.00' }),
    isKeyProject: z.boolean(),
    responsibleUnit: z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(['department', 'subdistrict']),
    }),
    source: z.string(),
    sourceLabel: z.string(),
    stage: StageEnum,
    stageLabel: z.string(),
    stageDates: StageDatesSchema,
    contact: z.string().nullable(),
    note: z.string().nullable(),
    illustrative: z.boolean(),
    fiscalYear: z.number(),
    updatedAt: z.string(),
  })
  .openapi('InvestmentProject');

export const ProjectPageSchema = z
  .object({
    items: z.array(ProjectSchema),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
  })
  .openapi('InvestmentProjectPage');

export const BoardSchema = z
  .array(
    z.object({
      stage: StageEnum,
      label: z.string(),
      count: z.number(),
      investmentYuan: z.string(),
      items: z.array(ProjectSchema),
    }),
  )
  .openapi('InvestmentBoard');

export const HistorySchema = z
  .array(
    z.object({
      id: z.string(),
      kind: z.enum(['create', 'forward', 'back', 'import']),
      fromStage: StageEnum.nullable(),
      toStage: StageEnum,
      toStageLabel: z.string(),
      reachedOn: z.string().nullable(),
      reason: z.string().nullable(),
      changedBy: z.string(),
      changedByName: z.string(),
      changedAt: z.string(),
    }),
  )
  .openapi('InvestmentStageHistory');

export const UnitsSchema = z
  .array(
    z.object({ code: z.string(), name: z.string(), kind: z.enum(['department', 'subdistrict']) }),
  )
  .openapi('InvestmentUnits');

const wan = z
  .string({ message: '计划投资额必须是文本形式的金额' })
  .regex(/^\d{1,12}(\.\d{1,6})?$/, '计划投资额应为万元金额，最多 6 位小数，如 1250.5')
  .openapi({ example: '12500.00', description: '万元' });

const fields = {
  code: z
    .string({ message: '项目编号必填' })
    .trim()
    .min(1, '项目编号不能为空')
    .max(40, '项目编号不超过 40 个字符'),
  name: z
    .string({ message: '项目名称必填' })
    .trim()
    .min(1, '项目名称不能为空')
    .max(200, '项目名称不超过 200 字'),
  investor: z
    .string({ message: '投资方必填' })
    .trim()
    .min(1, '投资方不能为空')
    .max(200, '投资方不超过 200 字'),
  industryCode: z
    .string({ message: '行业代码必填' })
    .regex(/^\d{2,4}$/, '行业代码应为国民经济行业分类（GB/T 4754-2017）的 2–4 位数字代码'),
  industryName: z
    .string({ message: '行业名称必填' })
    .trim()
    .min(1, '行业名称不能为空')
    .max(60, '行业名称不超过 60 字'),
  plannedInvestmentWan: wan,
  isKeyProject: z.boolean({ message: '是否重点项目应为 true 或 false' }),
  responsibleUnitCode: z.string({ message: '责任单位必填' }).min(1, '责任单位不能为空').max(40),
  source: SourceEnum,
  contact: z.string().max(100, '联系人不超过 100 字').nullable().optional(),
  note: z.string().max(2000, '备注不超过 2000 字').nullable().optional(),
};

export const CreateProjectBody = z
  .object({
    ...fields,
    stage: StageEnum.optional(),
    stageDates: z
      .object(
        Object.fromEntries(
          PIPELINE_STAGES.map((s) => [s, isoDate('阶段日期').nullable().optional()]),
        ) as Record<(typeof PIPELINE_STAGES)[number], z.ZodOptional<z.ZodNullable<z.ZodString>>>,
      )
      .strict()
      .optional(),
  })
  .strict()
  .openapi('CreateInvestmentProject');

export const UpdateProjectBody = z
  .object({
    code: fields.code.optional(),
    name: fields.name.optional(),
    investor: fields.investor.optional(),
    industryCode: fields.industryCode.optional(),
    industryName: fields.industryName.optional(),
    plannedInvestmentWan: wan.optional(),
    isKeyProject: fields.isKeyProject.optional(),
    responsibleUnitCode: fields.responsibleUnitCode.optional(),
    source: SourceEnum.optional(),
    contact: fields.contact,
    note: fields.note,
  })
  .strict()
  .openapi('UpdateInvestmentProject');

export const MoveStageBody = z
  .object({
    to: StageEnum,
    date: isoDate('达到日期').nullable().optional(),
    reason: z.string().max(500, '原因不超过 500 字').nullable().optional(),
  })
  .strict()
  .openapi('MoveInvestmentStage');

export const ImportResultSchema = z
  .object({
    fileName: z.string(),
    rows: z.number(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
  })
  .openapi('InvestmentImportResult');
