// Request and response schemas of the 结果应用 routes (Chinese messages for every field).
import { z } from '@hono/zod-openapi';
import { LINKAGE_ACTIONS, LINKAGE_GRADES } from '@jixiao/core';

const Year = z.coerce
  .number({ message: '年度应为四位数字' })
  .int('年度应为整数')
  .min(2000, '年度不早于 2000')
  .max(2100, '年度不晚于 2100');

export const LinkageQuery = z.object({
  year: Year.openapi({ example: 2024, description: '预算年度（评价结果取上一年度）' }),
  department: z.string().optional().openapi({ example: '440105-TZCJ' }),
  region: z.string().optional().openapi({ example: '440105' }),
});
export const YearRegionQuery = z.object({
  year: Year.openapi({ example: 2024 }),
  region: z.string().optional().openapi({ example: '440105' }),
});

const Grade = z.enum(LINKAGE_GRADES, { message: '等级应为优、良、中、差之一' });
const Action = z.enum(LINKAGE_ACTIONS, { message: '处理方式不正确' });
const Rule = z.object({
  grade: Grade,
  action: Action,
  cutPct: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, '压减比例应为数字（%），最多两位小数')
    .nullable(),
});
export const LinkageRuleSetSchema = z
  .object({
    continuing: z.array(Rule),
    oneOff: z.array(Rule),
    department: z.array(Rule),
  })
  .openapi('LinkageRuleSet');

export const LinkageRulesSchema = z
  .object({
    regionCode: z.string(),
    year: z.number().int(),
    source: z.enum(['default', 'region']),
    rules: LinkageRuleSetSchema,
  })
  .openapi('LinkageRules');

export const RulesBody = z.object({ rules: LinkageRuleSetSchema });

const ProposedAction = z.enum([...LINKAGE_ACTIONS, 'UNGRADED']);

const DecisionSchema = z.object({
  decision: z.enum(['confirmed', 'overridden']),
  action: ProposedAction,
  actionText: z.string(),
  amountYuan: z.string(),
  reason: z.string(),
  decidedByName: z.string(),
  decidedAt: z.string(),
  stale: z.boolean(),
});

export const LinkageRowSchema = z
  .object({
    departmentCode: z.string(),
    departmentName: z.string(),
    projectCode: z.string().nullable(),
    objectName: z.string(),
    objectType: z.enum(['continuing', 'oneOff', 'department']),
    objectTypeText: z.string(),
    selfGrade: z.string().nullable(),
    selfScore: z.string().nullable(),
    selfStatus: z.string(),
    externalGrade: z.string().nullable(),
    externalScore: z.string().nullable(),
    grade: z.string().nullable(),
    gradeSource: z.enum(['external', 'self']).nullable(),
    executionRate: z.string().nullable(),
    openRectifications: z.number().int(),
    lastYearBudgetYuan: z.string(),
    nextYearBudgetYuan: z.string().nullable(),
    baseKind: z.enum(['nextYearBudget', 'lastYearBudget', 'newItems']),
    baseYuan: z.string(),
    proposedAction: ProposedAction,
    proposedCutPct: z.string().nullable(),
    proposedActionText: z.string(),
    proposedAmountYuan: z.string(),
    decision: DecisionSchema.nullable(),
  })
  .openapi('LinkageRow');

export const LinkageTableSchema = z
  .object({
    regionCode: z.string(),
    year: z.number().int(),
    gradesYear: z.number().int(),
    source: z.enum(['default', 'region']),
    rules: LinkageRuleSetSchema,
    rows: z.array(LinkageRowSchema),
  })
  .openapi('LinkageTable');

export const DecisionBody = z
  .object({
    departmentCode: z.string().min(1, '请填写部门编码'),
    projectCode: z.string().min(1).nullable().openapi({ description: 'null = 部门整体' }),
    decision: z.enum(['confirm', 'override'], { message: '应为确认（confirm）或调整（override）' }),
    action: Action.optional(),
    amountYuan: z
      .string()
      .regex(/^\d{1,16}(\.\d{1,2})?$/, '金额应为不超过两位小数的非负数（元）')
      .optional(),
    reason: z.string().max(2000, '理由不超过 2000 字').optional(),
  })
  .openapi('LinkageDecisionInput');

const SubjectComparisonSchema = z
  .object({
    code: z.string().nullable(),
    name: z.string(),
    previousRate: z.string().nullable(),
    currentRate: z.string().nullable(),
    rateChange: z.string().nullable(),
    previousScore: z.string().nullable(),
    currentScore: z.string().nullable(),
    scoreChange: z.string().nullable(),
    previousGrade: z.string().nullable(),
    currentGrade: z.string().nullable(),
    indicators: z.array(
      z.object({
        name: z.string(),
        unit: z.string(),
        target: z.string(),
        actual: z.string(),
        previousActual: z.string().nullable(),
        previousTarget: z.string().nullable(),
      }),
    ),
  })
  .openapi('SubjectComparison');

export const YearComparisonSchema = z
  .object({
    comparison: z
      .object({
        year: z.number().int(),
        previousYear: z.number().int(),
        department: SubjectComparisonSchema,
        projects: z.array(SubjectComparisonSchema),
      })
      .nullable(),
  })
  .openapi('YearComparisonResult');

export const DepartmentParam = z.object({
  code: z
    .string()
    .min(1)
    .openapi({ param: { name: 'code', in: 'path' }, example: '440105-TZCJ' }),
});
