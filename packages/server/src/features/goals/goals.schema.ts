// Request/response schemas of goals, indicators and change requests (Chinese messages for every field).
import { GOAL_STATUSES, LEVEL1S, LEVEL2S, OPERATORS, TARGET_BASES } from '@jixiao/core';
import { z } from '@hono/zod-openapi';

export { DepartmentCodeParam, YearQuery } from '../departments/departments.schema.ts';

const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const IdParam = z.object({
  id: z
    .string()
    .regex(ID_RE, '编号格式不正确（应为 UUID）')
    .openapi({
      param: { name: 'id', in: 'path' },
      example: '5f0c7c3e-2d7e-4f5b-9a53-3c1d2b4a6e71',
    }),
});

export const Level1Enum = z.enum(LEVEL1S, {
  message: '一级指标应为 OUTPUT（产出）/ BENEFIT（效益）/ SATISFACTION（满意度）/ COST（成本）',
});
export const Level2Enum = z.enum(LEVEL2S, {
  message:
    '二级指标应为 QUANTITY/QUALITY/TIMELINESS/COST/ECONOMIC/SOCIAL/ECOLOGICAL/SUSTAINABLE/SERVICE_SATISFACTION 之一',
});
export const OperatorEnum = z.enum(OPERATORS, {
  message: '指标性质应为 GE(≥) / GT(＞) / EQ(＝) / LT(＜) / LE(≤) / QUAL(定性) 之一',
});
export const TargetBasisEnum = z.enum(TARGET_BASES, {
  message: '指标值来源应为 PLAN（计划）/ INDUSTRY（行业）/ HISTORY（历史）/ OTHER（其他）',
});

const text = (max: number, what: string) =>
  z.string({ message: `${what}应为文本` }).max(max, `${what}不超过 ${max} 个字符`);
const weight = z
  .string({ message: '分值应为数字文本，如 "15" 或 "7.5"' })
  .regex(/^\s*\d{1,3}(\.\d{1,2})?\s*$/, '分值应为至多两位小数的数字，如 "15" 或 "7.5"');

export const CreateGoalBody = z
  .object({
    departmentCode: z
      .string({ message: '请填写部门编码' })
      .regex(/^[A-Za-z0-9.-]{1,32}$/, '部门编码只能包含字母、数字、- 和 .（不超过 32 位）'),
    year: z
      .number({ message: '年度必须是数字' })
      .int('年度必须是整数')
      .min(2000, '年度不早于 2000')
      .max(2100, '年度不晚于 2100'),
    projectId: z.string().regex(ID_RE, '项目编号格式不正确').nullable().optional(),
    targetText: text(4000, '年度总体目标'),
  })
  .strict()
  .openapi('CreateGoal');

export const GoalTextBody = z
  .object({ targetText: text(4000, '年度总体目标') })
  .strict()
  .openapi('GoalText');

export const SubmitBody = z
  .object({
    noSatisfactionReason: text(500, '未设满意度指标的理由').nullable().optional(),
    comment: text(500, '送审说明').nullable().optional(),
  })
  .strict()
  .openapi('SubmitGoal');

export const ApproveBody = z
  .object({ comment: text(500, '审核意见').nullable().optional() })
  .strict()
  .openapi('ApproveBody');
export const ReturnBody = z
  .object({ comment: text(500, '退回意见').trim().min(1, '退回须填写意见') })
  .strict()
  .openapi('ReturnBody');
export const CheckQuery = z.object({
  noSatisfactionReason: text(500, '未设满意度指标的理由').optional(),
});

const indicatorFields = {
  level1: Level1Enum,
  level2: Level2Enum,
  name: text(100, '指标名称').trim().min(1, '请填写三级指标名称'),
  operator: OperatorEnum,
  target: text(200, '年度指标值'),
  unit: text(20, '计量单位'),
  weight,
  targetBasis: TargetBasisEnum.nullable(),
  dataSource: text(200, '数据来源').nullable(),
  sort: z.number().int('排序应为整数').min(0).max(10000),
};

export const IndicatorBody = z
  .object({
    level1: Level1Enum,
    level2: Level2Enum,
    name: text(100, '指标名称').trim().min(1, '请填写三级指标名称'),
    operator: OperatorEnum,
    target: text(200, '年度指标值'),
    unit: text(20, '计量单位').default(''),
    weight,
    targetBasis: TargetBasisEnum.nullable().optional(),
    dataSource: text(200, '数据来源').nullable().optional(),
    sort: z.number().int('排序应为整数').min(0).max(10000).optional(),
  })
  .strict()
  .openapi('IndicatorInput');

export const IndicatorPatchBody = z
  .object(indicatorFields)
  .partial()
  .strict()
  .openapi('IndicatorPatch');

export const FromTemplateBody = z
  .object({
    templateId: z.string({ message: '请选择指标库模板' }).regex(ID_RE, '模板编号格式不正确'),
    target: text(200, '年度指标值'),
    weight,
    unit: text(20, '计量单位').optional(),
    name: text(100, '指标名称').trim().min(1, '指标名称不能为空').optional(),
    targetBasis: TargetBasisEnum.nullable().optional(),
    dataSource: text(200, '数据来源').nullable().optional(),
  })
  .strict()
  .openapi('IndicatorFromTemplate');

export const ActualBody = z
  .object({
    actual: text(200, '实际完成值').nullable(),
    evidence: text(2000, '佐证材料').nullable().optional(),
    deviationNote: text(2000, '偏差原因分析及改进措施').nullable().optional(),
    qualScore: z.string({ message: '定性得分应为数字文本' }).max(10).nullable().optional(),
  })
  .strict()
  .openapi('ActualInput');

export const DeductionBody = z
  .object({
    deduction: z.string({ message: '扣分应为数字文本，如 "3" 或 "1.5"' }).max(10, '扣分格式不正确'),
    reason: text(1000, '扣分理由').nullable().optional(),
  })
  .strict()
  .openapi('DeductionInput');

export const ChangeFieldEnum = z.enum(['target', 'weight', 'operator', 'unit', 'name'], {
  message:
    '变更项应为 target（指标值）/ weight（分值）/ operator（指标性质）/ unit（计量单位）/ name（名称）',
});

const ChangeItem = z
  .object({
    indicatorId: z.string({ message: '请指定指标' }).regex(ID_RE, '指标编号格式不正确'),
    field: ChangeFieldEnum,
    newValue: text(200, '变更后的值'),
  })
  .strict();

export const ChangeRequestBody = z
  .object({
    reason: text(1000, '变更理由').trim().min(1, '变更申请须填写理由'),
    indicatorId: z.string().regex(ID_RE, '指标编号格式不正确').optional(),
    field: ChangeFieldEnum.optional(),
    newValue: text(200, '变更后的值').optional(),
    items: z.array(ChangeItem).min(1, '至少包含一项变更').max(50, '一次最多 50 项变更').optional(),
    changes: z
      .array(ChangeItem)
      .min(1, '至少包含一项变更')
      .max(50, '一次最多 50 项变更')
      .optional(),
  })
  .strict()
  .openapi('ChangeRequestInput');

export const DecisionBody = z
  .object({ comment: text(500, '审核意见').nullable().optional() })
  .strict()
  .openapi('ChangeDecision');
export const StatusQuery = YearStatus();

function YearStatus() {
  return z.object({
    year: z.coerce
      .number({ message: '年度必须是数字' })
      .int('年度必须是整数')
      .min(2000, '年度不早于 2000')
      .max(2100, '年度不晚于 2100'),
    status: z
      .enum(['pending', 'deptApproved', 'approved', 'rejected'], {
        message: '状态应为 pending / deptApproved / approved / rejected',
      })
      .optional(),
  });
}

// ——— responses ———

export const IssueSchema = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    indicatorId: z.string().nullable(),
    message: z.string(),
    messageEn: z.string(),
  })
  .openapi('GoalSetIssue');

export const IndicatorViewSchema = z
  .object({
    id: z.string(),
    goalId: z.string(),
    departmentCode: z.string(),
    fiscalYear: z.number(),
    level1: Level1Enum,
    level1Label: z.string(),
    level2: Level2Enum,
    level2Label: z.string(),
    name: z.string(),
    operator: OperatorEnum,
    operatorSymbol: z.string(),
    target: z.string(),
    unit: z.string(),
    weight: z.string(),
    targetBasis: TargetBasisEnum.nullable(),
    dataSource: z.string().nullable(),
    sort: z.number(),
    actual: z.string().nullable(),
    actualEnteredAt: z.string().nullable(),
    actualEnteredBy: z.string().nullable(),
    evidence: z.string().nullable(),
    deviationNote: z.string().nullable(),
    qualScore: z.string().nullable(),
    deduction: z.string().nullable(),
    deductionReason: z.string().nullable(),
    deductionBy: z.string().nullable(),
    deductionAt: z.string().nullable(),
    metricKey: z.string().nullable(),
    illustrative: z.boolean(),
    changes: z.array(
      z.object({
        id: z.string(),
        field: z.string(),
        originalValue: z.string(),
        newValue: z.string(),
        reason: z.string(),
        status: z.string(),
        requestedAt: z.string(),
        decidedAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('Indicator');

export const GoalViewSchema = z
  .object({
    id: z.string(),
    departmentCode: z.string(),
    regionCode: z.string(),
    fiscalYear: z.number(),
    scope: z.enum(['department', 'project']),
    projectId: z.string().nullable(),
    projectCode: z.string().nullable(),
    projectName: z.string().nullable(),
    targetText: z.string(),
    actualText: z.string().nullable(),
    status: z.enum(GOAL_STATUSES),
    editable: z.boolean(),
    lockedAt: z.string().nullable(),
    illustrative: z.boolean(),
    weightTotal: z.string(),
    tree: z.array(
      z.object({
        level1: Level1Enum,
        label: z.string(),
        weight: z.string(),
        groups: z.array(
          z.object({
            level2: Level2Enum,
            label: z.string(),
            weight: z.string(),
            indicators: z.array(IndicatorViewSchema),
          }),
        ),
      }),
    ),
    events: z.array(
      z.object({
        action: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string(),
        actor: z.string(),
        actorRole: z.string(),
        comment: z.string().nullable(),
        at: z.string(),
      }),
    ),
    pendingChangeRequests: z.number(),
  })
  .openapi('Goal');

export const GoalDetailSchema = GoalViewSchema.extend({ issues: z.array(IssueSchema) }).openapi(
  'GoalDetail',
);

export const GoalListingSchema = z
  .object({
    department: z.object({ code: z.string(), name: z.string(), regionCode: z.string() }),
    year: z.number(),
    financeApprovalRequired: z.boolean(),
    yearEnded: z.boolean().openapi({ description: '年度已结束：不能再新建、送审或审核绩效目标' }),
    indicatorWeightTotal: z.string(),
    budgetWeight: z.string(),
    goals: z.array(GoalViewSchema),
  })
  .openapi('GoalListing');

export const SubmitResultSchema = z
  .object({ goal: GoalViewSchema, issues: z.array(IssueSchema) })
  .openapi('SubmitResult');

export const ChangeRequestViewSchema = z
  .object({
    id: z.string(),
    batchId: z.string(),
    departmentCode: z.string(),
    fiscalYear: z.number(),
    goalId: z.string(),
    indicatorId: z.string(),
    indicatorName: z.string(),
    field: z.string(),
    fieldLabel: z.string(),
    originalValue: z.string(),
    newValue: z.string(),
    reason: z.string(),
    requestedBy: z.string(),
    requestedByName: z.string(),
    requestedAt: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    deptDecidedBy: z.string().nullable(),
    deptDecidedAt: z.string().nullable(),
    deptComment: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionComment: z.string().nullable(),
  })
  .openapi('ChangeRequest');

export const TargetChangeSchema = z
  .object({
    indicatorId: z.string(),
    originalTarget: z.string(),
    newTarget: z.string(),
    reason: z.string(),
    approvedAt: z.string(),
  })
  .openapi('TargetChange');

export const OkSchema = z.object({ ok: z.literal(true) }).openapi('Ok');
