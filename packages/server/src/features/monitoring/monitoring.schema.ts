// Response and request schemas of 绩效运行监控: the department's picture, its responses, the region's page.
import { z } from '@hono/zod-openapi';
import { COMPLETION_LIKELIHOODS, DEVIATION_REASONS, WARNING_LEVELS } from '@jixiao/core';

const Colour = z.enum(['red', 'yellow', 'green', 'blue']);
const Counts = z.object({
  red: z.number(),
  yellow: z.number(),
  green: z.number(),
  blue: z.number(),
});

export const WarningResponseSchema = z
  .object({
    deviationReasons: z.array(z.enum(DEVIATION_REASONS)),
    deviationNote: z.string().nullable(),
    completionLikelihood: z.enum(COMPLETION_LIKELIHOODS).nullable(),
    measures: z.string().nullable(),
    expectedAnnual: z.string().nullable(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('WarningResponse');

const coloured = {
  level: z
    .enum(WARNING_LEVELS)
    .nullable()
    .openapi({ description: 'RED / YELLOW / GREEN / BLUE；无法判断时为 null（见 reason）' }),
  color: Colour.nullable().openapi({ description: '同 level，小写（界面标签用）' }),
  subjectKey: z.string().openapi({ description: '反馈按此键保存' }),
  needsResponse: z.boolean(),
  response: WarningResponseSchema.nullable(),
};

export const BudgetWarningSchema = z
  .object({
    ...coloured,
    projectId: z.string().nullable(),
    code: z.string(),
    name: z.string(),
    budgetYuan: z.string(),
    executedYuan: z.string(),
    rate: z.string().nullable(),
    timeProgress: z.string(),
    v: z.string().nullable(),
    reason: z.string().nullable(),
    keyProject: z.boolean(),
  })
  .openapi('BudgetWarning');

export const IndicatorWarningSchema = z
  .object({
    ...coloured,
    indicatorId: z.string(),
    projectId: z.string().nullable(),
    projectCode: z.string().nullable(),
    projectName: z.string().openapi({ description: '部门整体或项目名称' }),
    level1: z.string(),
    level2: z.string(),
    name: z.string(),
    operator: z.string(),
    target: z.string(),
    unit: z.string(),
    value: z.string().nullable().openapi({ description: '采用的累计完成值（null：未填报）' }),
    valueMonth: z.number().nullable(),
    valueSource: z.enum(['progress', 'metric']).nullable(),
    basis: z.enum(['PRO_RATA', 'LEVEL', 'REVERSE', 'QUALITATIVE']),
    expected: z.string().nullable(),
    v: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .openapi('IndicatorWarning');

export const GoalWarningSchema = z
  .object({
    ...coloured,
    projectId: z.string().nullable(),
    projectCode: z.string().nullable(),
    projectName: z.string(),
    indicators: z.number(),
  })
  .openapi('GoalWarning');

export const MonitoringSchema = z
  .object({
    departmentCode: z.string(),
    departmentName: z.string(),
    regionCode: z.string(),
    year: z.number(),
    month: z.number(),
    timeProgress: z.string(),
    cutoffMonths: z.array(z.number()).readonly(),
    thresholds: z.object({
      budget: z.object({ red: z.string(), yellow: z.string() }),
      positive: z.object({ red: z.string(), yellow: z.string(), blue: z.string() }),
      levelUnits: z.array(z.string()).readonly(),
    }),
    round: z
      .object({
        id: z.string(),
        status: z.enum(['draft', 'submitted']),
        submittedAt: z.string().nullable(),
        submittedBy: z.string().nullable(),
      })
      .nullable(),
    department: BudgetWarningSchema,
    projects: z.array(BudgetWarningSchema),
    goals: z.array(GoalWarningSchema),
    indicators: z.array(IndicatorWarningSchema),
    warnings: Counts.openapi({
      description: '按项目预算与指标计数（部门整体与目标汇总不重复计数）',
    }),
  })
  .openapi('Monitoring', {
    description:
      'department/projects：预算执行预警；indicators：指标预警；goals：目标执行预警；warnings：红黄绿蓝计数。level 为 RED/YELLOW/GREEN/BLUE，color 为小写。',
  });

export const RegionMonitoringRowSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    status: z.enum(['none', 'draft', 'submitted']),
    budgetYuan: z.string(),
    executedYuan: z.string(),
    rate: z.string().nullable(),
    level: z.enum(WARNING_LEVELS).nullable().openapi({ description: '部门整体预算执行预警' }),
    color: Colour.nullable(),
    warnings: Counts,
    items: z.array(
      z.object({
        subjectKey: z.string(),
        kind: z.enum(['budget', 'indicator']),
        label: z.string(),
        level: z.enum(WARNING_LEVELS),
        v: z.string().nullable(),
        responded: z.boolean(),
      }),
    ),
  })
  .openapi('RegionMonitoringRow');

export const RegionMonitoringSchema = z
  .object({
    year: z.number(),
    month: z.number(),
    timeProgress: z.string(),
    departments: z.array(RegionMonitoringRowSchema),
  })
  .openapi('RegionMonitoring');
