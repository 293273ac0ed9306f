// Requests and responses of the goal-declaration and region-wide budget uploads (zod, Chinese messages).
import { z } from '@hono/zod-openapi';
import { YearQuery } from '../departments/departments.schema.ts';

const flag = (name: string, description: string) =>
  z
    .enum(['true', 'false', '1', '0'], { message: `${name} 应为 true 或 false` })
    .optional()
    .openapi({ param: { name, in: 'query' }, description });

export const RegionParam = z.object({
  region: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
    .openapi({ param: { name: 'region', in: 'path' }, example: '440111' }),
});

export const GoalImportQuery = YearQuery.extend({
  preview: flag('preview', '只检查并列出将要新建的绩效目标，不写入'),
  replace: flag('replace', '以本文件替换同一项目的草稿（已提交、审核或锁定的不会被替换）'),
});

export const BudgetImportQuery = YearQuery.extend({
  unit: z
    .enum(['yuan', 'wanYuan'], { message: '金额单位应为 yuan（元）或 wanYuan（万元）' })
    .optional()
    .openapi({
      param: { name: 'unit', in: 'query' },
      description: '表头未注明单位的金额列的单位',
    }),
  replace: flag('replace', '替换各部门本年度全部预算行'),
});

const WarningSchema = z.object({
  code: z.string(),
  severity: z.string(),
  message: z.string(),
  messageEn: z.string(),
});

export const GoalImportResultSchema = z
  .object({
    fileName: z.string(),
    preview: z.boolean(),
    sets: z.array(
      z.object({
        projectCode: z.string().nullable(),
        projectName: z.string().nullable(),
        targetText: z.string(),
        indicators: z.number(),
        weightsSpread: z.boolean(),
        replaced: z.boolean(),
        goalId: z.string().nullable(),
        warnings: z.array(WarningSchema),
      }),
    ),
  })
  .openapi('GoalImportResult');

export const RegionBudgetResultSchema = z
  .object({
    fileName: z.string(),
    sha256: z.string(),
    format: z.string(),
    encoding: z.string().nullable(),
    rows: z.number(),
    totalYuan: z.string(),
    createdProjects: z.array(z.string()),
    departments: z.array(
      z.object({
        departmentCode: z.string(),
        batchId: z.string(),
        rows: z.number(),
        totalYuan: z.string(),
        createdProjects: z.array(z.string()),
      }),
    ),
  })
  .openapi('RegionBudgetResult');
