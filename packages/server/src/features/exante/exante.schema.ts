// Request and response schemas of the ex-ante routes (Chinese messages for every field).
import { z } from '@hono/zod-openapi';

const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const Yuan = z
  .string({ message: '请填写金额（元）' })
  .regex(
    /^\d{1,16}(\.\d{1,2})?$/,
    '金额应为不超过两位小数的非负数（元），如 3000000 或 1200000.50',
  );
const Year = z.coerce
  .number({ message: '年度应为四位数字' })
  .int('年度应为整数')
  .min(2000, '年度不早于 2000')
  .max(2100, '年度不晚于 2100');

export const ItemIdParam = z.object({
  id: z
    .string()
    .regex(ID_RE, '评估编号格式不正确')
    .openapi({ param: { name: 'id', in: 'path' } }),
});
export const AgencyIdParam = z.object({
  id: z
    .string()
    .regex(ID_RE, '机构编号格式不正确')
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const ListQuery = z.object({
  department: z.string().optional().openapi({ example: '440105-TZCJ' }),
  year: Year.optional().openapi({ example: 2024 }),
});
export const ReportQuery = z.object({
  format: z
    .enum(['docx', 'pdf', 'xlsx'], { message: '格式应为 docx、pdf 或 xlsx' })
    .default('docx')
    .openapi({ param: { name: 'format', in: 'query' }, example: 'docx' }),
});
export const YearQuery = z.object({ year: Year.openapi({ example: 2024 }) });

const Indicator = z.object({
  level1: z.enum(['OUTPUT', 'BENEFIT', 'SATISFACTION', 'COST'], { message: '一级指标不正确' }),
  level2: z.string().min(1, '请选择二级指标'),
  name: z.string().trim().min(1, '三级指标名称不能为空'),
  operator: z.enum(['GE', 'GT', 'EQ', 'LT', 'LE', 'QUAL'], { message: '计算符号不正确' }),
  target: z.string(),
  unit: z.string(),
  weight: z.string().regex(/^\d+(\.\d{1,2})?$/, '分值应为数字'),
});

export const RegisterBody = z.object({
  departmentCode: z.string().min(1, '请填写部门编码'),
  year: Year,
  projectCode: z
    .string({ message: '请填写项目编码' })
    .trim()
    .min(1, '项目编码不能为空')
    .max(64, '项目编码不超过 64 个字符')
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, '项目编码只能包含字母、数字、点、下划线和短横线'),
  projectName: z.string().trim().min(1, '项目名称不能为空').max(200, '项目名称不超过 200 个字符'),
  type: z.enum(['PROJECT', 'POLICY'], { message: '类型应为项目（PROJECT）或政策（POLICY）' }),
  isNew: z.boolean({ message: '请说明是否新增项目' }),
  amount: Yuan,
  previousAmount: Yuan.nullish(),
  continuing: z.boolean().optional(),
  sensitive: z.boolean().optional(),
  major: z.boolean().optional(),
  background: z.string().max(5000, '立项背景不超过 5000 字').optional(),
  content: z.string().max(5000, '主要内容不超过 5000 字').optional(),
  fundingText: z.string().max(5000, '资金构成不超过 5000 字').optional(),
  goalText: z.string().max(5000, '绩效目标不超过 5000 字').optional(),
  goalIndicators: z.array(Indicator).max(50, '绩效指标不超过 50 个').optional(),
});

const PointInputSchema = z.object({
  pointCode: z.string().min(1, '请指明评估要点'),
  score: z.string().nullish(),
  rating: z
    .enum(['EXCELLENT', 'GOOD', 'FAIR', 'POOR'], { message: '评级应为优/良/中/差' })
    .nullish(),
  note: z.string().max(2000, '说明不超过 2000 字').nullish(),
  evidence: z.array(z.string().max(200)).max(20, '佐证材料不超过 20 项').optional(),
});

export const SheetBody = z.object({
  scores: z.array(PointInputSchema).max(200, '评估要点过多'),
  summary: z.string().max(5000, '总体结论不超过 5000 字').optional(),
  suggestions: z.string().max(5000, '相关建议不超过 5000 字').optional(),
});

export const ReviewBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('return'),
    opinion: z.string().trim().min(1, '退回须填写审核意见'),
  }),
  z.object({
    action: z.literal('conclude'),
    opinion: z.string().optional(),
    confirm: z.boolean().optional(),
  }),
  z.object({
    action: z.literal('rescore'),
    opinion: z.string().optional(),
    confirm: z.boolean().optional(),
    sheet: SheetBody,
  }),
  z.object({
    action: z.literal('assign'),
    opinion: z.string().optional(),
    agencyId: z.string().regex(ID_RE, '请选择第三方机构'),
  }),
]);

export const ConfirmBody = z.object({ opinion: z.string().optional() });

export const AgencyBody = z.object({
  code: z.string().trim().min(1, '请填写机构编码').max(64, '机构编码不超过 64 个字符'),
  name: z.string().trim().min(1, '请填写机构名称').max(200, '机构名称不超过 200 个字符'),
  year: Year,
});
export const MemberBody = z.object({ username: z.string().trim().min(1, '请填写账户用户名') });

const Shares = z.object({
  EXCELLENT: z.string(),
  GOOD: z.string(),
  FAIR: z.string(),
  POOR: z.string(),
});
const Thresholds = z.object({
  departmentThreshold: Yuan,
  financeThreshold: Yuan,
  growthShare: z
    .string()
    .regex(/^\d+(\.\d{1,4})?$/, '增幅比例应为小数，如 0.3')
    .nullable(),
});
const Point = z.object({ code: z.string(), name: z.string(), weight: z.string() });
const Template = z.object({
  type: z.enum(['PROJECT', 'POLICY']),
  name: z.string(),
  dimensions: z
    .array(
      z.object({
        code: z.enum([
          'NECESSITY',
          'ECONOMY',
          'TARGET_REASONABLENESS',
          'FEASIBILITY',
          'FUNDING_COMPLIANCE',
        ]),
        name: z.string(),
        groups: z
          .array(
            z.object({ code: z.string(), name: z.string(), points: z.array(Point).readonly() }),
          )
          .readonly(),
      }),
    )
    .readonly(),
});
export const RulesSchema = z
  .object({
    thresholds: Thresholds,
    ratingShares: Shares,
    templates: z.array(Template).nullable(),
  })
  .openapi('ExAnteRules');

export const ItemViewSchema = z
  .object({
    id: z.string(),
    departmentCode: z.string(),
    departmentName: z.string(),
    fiscalYear: z.number(),
    projectCode: z.string(),
    projectName: z.string(),
    type: z.enum(['PROJECT', 'POLICY']),
    typeText: z.string(),
    isNew: z.boolean(),
    amount: z.string(),
    amountText: z.string(),
    continuing: z.boolean(),
    sensitive: z.boolean(),
    major: z.boolean(),
    requires: z.object({
      department: z.boolean(),
      finance: z.boolean(),
      reasons: z.array(z.string()),
    }),
    state: z.enum(['draft', 'submitted', 'returned', 'thirdParty', 'concluded']),
    stateText: z.string(),
    conclusion: z.string().nullable(),
    conclusionText: z.string().nullable(),
    total: z.string().nullable(),
    confirmed: z.boolean(),
    versionCount: z.number(),
    agencyId: z.string().nullable(),
    agencyName: z.string().nullable(),
    budgetAllowed: z.boolean(),
    budgetRefusal: z.string().nullable(),
    goalId: z.string().nullable(),
  })
  .openapi('ExAnteItem');

const SheetSchema = z.object({
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: z.number(),
      weight: z.string(),
      score: z.string().nullable(),
      rating: z.string().nullable(),
      note: z.string().nullable(),
      evidence: z.array(z.string()).readonly(),
    }),
  ),
  total: z.string(),
  maxTotal: z.string(),
  complete: z.boolean(),
  conclusion: z.string(),
  problems: z.array(
    z.object({ pointCode: z.string(), code: z.string(), zh: z.string(), en: z.string() }),
  ),
});

export const ItemDetailSchema = z
  .object({
    item: ItemViewSchema,
    background: z.string(),
    content: z.string(),
    fundingText: z.string(),
    goalText: z.string(),
    goalIndicators: z.array(Indicator),
    template: Template,
    ratingShares: z.record(z.string(), z.string()),
    versions: z.array(
      z.object({
        versionNo: z.number(),
        assessor: z.string(),
        assessorText: z.string(),
        assessedByName: z.string(),
        total: z.string(),
        conclusion: z.string(),
        conclusionText: z.string(),
        submitted: z.boolean(),
        submittedAt: z.string().nullable(),
        summary: z.string(),
        suggestions: z.string(),
        sheet: SheetSchema,
      }),
    ),
    events: z.array(
      z.object({
        action: z.string(),
        actionText: z.string(),
        versionNo: z.number().nullable(),
        opinion: z.string().nullable(),
        actorName: z.string(),
        at: z.string(),
      }),
    ),
  })
  .openapi('ExAnteDetail');

export const AgencySchema = z
  .object({ id: z.string(), code: z.string(), name: z.string() })
  .openapi('ExAnteAgency');

export const GradeBody = z.object({
  grade: z.enum(['优', '良', '中', '差'], { message: '审核结果应为 优、良、中、差 之一' }),
  opinion: z.string().trim().min(1, '请填写审核意见').max(2000, '审核意见不超过 2000 字'),
  requiredChanges: z.string().max(2000, '修改要求不超过 2000 字').nullish(),
});

export const GoalGradeSchema = z
  .object({
    grade: z.enum(['优', '良', '中', '差']),
    opinion: z.string(),
    requiredChanges: z.string().nullable(),
    reviewerName: z.string(),
    at: z.string(),
  })
  .openapi('GoalGrade');

export const AgencyAccountBody = z
  .object({
    agencyCode: z.string().trim().min(1, '请选择第三方机构').max(64),
    username: z
      .string({ message: '请填写用户名' })
      .trim()
      .min(3, '用户名至少 3 位')
      .max(32, '用户名不超过 32 位'),
    displayName: z
      .string({ message: '请填写姓名' })
      .trim()
      .min(1, '请填写姓名')
      .max(50, '姓名不超过 50 个字符'),
    password: z.string().max(200, '密码不超过 200 个字符').optional(),
  })
  .strict();

export const AgencyAccountCreatedSchema = z
  .object({
    agency: z.string(),
    username: z.string(),
    displayName: z.string(),
    generatedPassword: z.string().nullable(),
  })
  .openapi('ExAnteAgencyAccountCreated');

export const AgencyAccountsSchema = z
  .array(
    AgencySchema.extend({
      accounts: z.array(
        z.object({ username: z.string(), displayName: z.string(), disabled: z.boolean() }),
      ),
    }),
  )
  .openapi('ExAnteAgencyAccounts');
