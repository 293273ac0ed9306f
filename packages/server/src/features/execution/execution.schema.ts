// Request schemas for execution, projects and the ledger (zod → validation, types and OpenAPI).
import { z } from '@hono/zod-openapi';
import { YearQuery } from '../departments/departments.schema.ts';

export const MonthParamSchema = z.coerce
  .number({ message: '月份必须是数字' })
  .int('月份必须是整数')
  .min(1, '月份应为 1–12')
  .max(12, '月份应为 1–12');

export const ExecutionQuery = YearQuery.extend({
  month: MonthParamSchema.optional().openapi({
    param: { name: 'month', in: 'query' },
    example: 6,
    description: '截至月份（默认：已导入的最后一个月）',
  }),
});

export const LedgerQuery = YearQuery.extend({
  project: z
    .string()
    .max(64, '项目编码过长')
    .optional()
    .openapi({ param: { name: 'project', in: 'query' }, example: 'TZCJ-XM-001' }),
  month: MonthParamSchema.optional().openapi({ param: { name: 'month', in: 'query' }, example: 6 }),
  page: z.coerce
    .number({ message: '页码必须是数字' })
    .int('页码必须是整数')
    .min(1, '页码从 1 开始')
    .max(100000, '页码过大')
    .optional()
    .openapi({ param: { name: 'page', in: 'query' }, example: 1 }),
  pageSize: z.coerce
    .number({ message: '每页条数必须是数字' })
    .int('每页条数必须是整数')
    .min(1, '每页至少 1 条')
    .max(500, '每页至多 500 条')
    .optional()
    .openapi({ param: { name: 'pageSize', in: 'query' }, example: 50 }),
});

const Money = z.string().openapi({ example: '762700.00', description: '元，两位小数' });
const Rate = z
  .string()
  .nullable()
  .openapi({ example: '95.34', description: '百分比，两位小数；无预算时为 null' });

const Figures = {
  initialYuan: Money,
  budgetYuan: Money,
  executedYuan: Money,
  carryoverYuan: Money,
  rate: Rate,
  gapToTimeProgress: z.string().nullable(),
};
const MonthSchema = z.object({
  month: z.number(),
  executedYuan: Money,
  cumulativeYuan: Money,
  rate: Rate,
  timeProgress: z.string(),
});

export const ExecutionSchema = z
  .object({
    departmentCode: z.string(),
    departmentName: z.string(),
    year: z.number(),
    month: z.number(),
    lastLedgerMonth: z.number(),
    timeProgress: z.string().openapi({ example: '50.00', description: '序时进度 %' }),
    ...Figures,
    months: z.array(MonthSchema),
    total: z.object(Figures),
    projects: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        level: z.number(),
        fundSource: z.string(),
        fundSourceName: z.string(),
        expenditureType: z.string(),
        unbudgeted: z.boolean(),
        ...Figures,
        months: z.array(MonthSchema),
      }),
    ),
    fundSources: z.array(
      z.object({ key: z.string(), name: z.string(), projects: z.number(), ...Figures }),
    ),
    expenditureTypes: z.array(
      z.object({ key: z.string(), name: z.string(), projects: z.number(), ...Figures }),
    ),
  })
  .openapi('Execution');

export const ProjectListSchema = z
  .array(
    z.object({
      id: z.string().openapi({ description: '项目编号（新建项目绩效目标、修改项目时使用）' }),
      code: z.string(),
      name: z.string(),
      level: z.number(),
      parentId: z.string().nullable().openapi({ description: '二级项目所属的一级项目编号' }),
      fundSource: z.string(),
      expenditureType: z.string(),
      initialYuan: Money,
      budgetYuan: Money,
    }),
  )
  .openapi('ProjectList');

export const LedgerPageSchema = z
  .object({
    page: z.number(),
    pageSize: z.number(),
    total: z.number(),
    totalYuan: Money,
    entries: z.array(
      z.object({
        id: z.number(),
        payDate: z.string(),
        month: z.number(),
        projectCode: z.string(),
        economicClass: z.string(),
        amountYuan: Money,
        summary: z.string().nullable(),
        voucherNo: z.string().nullable(),
        importBatchId: z.string().nullable(),
      }),
    ),
  })
  .openapi('LedgerPage');
