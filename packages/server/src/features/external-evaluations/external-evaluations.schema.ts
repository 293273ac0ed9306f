// Request and response schemas of the external evaluation routes (Chinese messages for every field).
import { z } from '@hono/zod-openapi';

const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const Dec = z.string().regex(/^\d{1,16}(\.\d{1,4})?$/, '应为非负数字，如 95 或 1200000.50');
const Score = z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, '分值应为不超过两位小数的数字');
const Year = z.coerce
  .number({ message: '年度应为四位数字' })
  .int('年度应为整数')
  .min(2000, '年度不早于 2000')
  .max(2100, '年度不晚于 2100');
const Dimension = z.enum(['decision', 'process', 'output', 'benefit'], {
  message: '一级指标应为决策、过程、产出或效益',
});
const Status = z.enum(['draft', 'scoring', 'submitted', 'concluded']);
const Grade = z.enum(['优', '良', '中', '差']);
const Formula = z.enum(['byAvailable', 'byAdjustedBudget'], {
  message: '预算执行率口径应为 byAvailable（实际到位资金）或 byAdjustedBudget（调整后预算数）',
});
const Kind = z.enum(['project', 'department'], { message: '评价对象应为项目或部门整体' });

export const IdParam = z.object({
  id: z
    .string()
    .regex(ID_RE, '评价编号格式不正确')
    .openapi({ param: { name: 'id', in: 'path' } }),
});
export const ListQuery = z.object({
  year: Year.optional().openapi({ example: 2023 }),
  region: z.string().optional().openapi({ example: '440105' }),
  department: z.string().optional().openapi({ example: '440105-TZCJ' }),
});
export const YearQuery = z.object({
  year: Year.openapi({ example: 2023 }),
  region: z.string().optional().openapi({ example: '440105' }),
});
export const TemplateQuery = YearQuery.extend({ kind: Kind.default('project') });
export const ReportQuery = z.object({
  format: z
    .enum(['docx', 'pdf'], { message: '格式应为 docx 或 pdf' })
    .default('docx')
    .openapi({ param: { name: 'format', in: 'query' }, example: 'docx' }),
});

export const RuleSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('proportional'), cap: Dec.optional() }),
    z.object({
      type: z.literal('deductPerPoint'),
      unit: z.enum(['percentPoint', 'occurrence']),
      deduct: Dec,
      fullAt: Dec.optional(),
    }),
    z.object({
      type: z.literal('tiered'),
      tiers: z.array(z.object({ label: z.string(), score: Score })).min(1, '至少一个档次'),
    }),
    z.object({
      type: z.literal('checklist'),
      items: z.array(z.string()).min(1, '至少一个要点'),
      pointsEach: Dec,
    }),
    z.object({ type: z.literal('manual') }),
  ])
  .openapi('ExtEvalRule');

export const InputSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('ratio'), numerator: Dec, denominator: Dec }),
    z.object({ kind: z.literal('rate'), percent: Dec }),
    z.object({ kind: z.literal('execution'), spent: Dec, available: Dec, adjustedBudget: Dec }),
    z.object({ kind: z.literal('count'), count: z.number().int().min(0) }),
    z.object({ kind: z.literal('tier'), index: z.number().int().min(0) }),
    z.object({ kind: z.literal('checklist'), met: z.array(z.boolean()) }),
    z.object({ kind: z.literal('manual'), score: z.string(), note: z.string() }),
  ])
  .openapi('ExtEvalInput');

export const IndicatorDefSchema = z.object({
  dimension: Dimension,
  level2: z.string().trim().min(1, '二级指标不能为空'),
  name: z.string().trim().min(1, '三级指标名称不能为空'),
  explanation: z.string(),
  points: z.string(),
  criterion: z.string(),
  maxScore: Score,
  rule: RuleSchema,
  metric: z.literal('budgetExecution').optional(),
});

const Weights = z.object({ decision: Score, process: Score, output: Score, benefit: Score });

export const TemplateSchema = z
  .object({
    weights: Weights,
    resultWeightWarnBelow: Score,
    indicators: z.array(IndicatorDefSchema).min(1, '至少一项指标'),
  })
  .openapi('ExtEvalTemplate');

export const TemplateViewSchema = z
  .object({
    year: z.number().int(),
    kind: Kind,
    template: TemplateSchema,
    isDefault: z.boolean(),
    warnings: z.array(z.string()),
  })
  .openapi('ExtEvalTemplateView');

export const CreateBody = z.object({
  year: Year,
  departmentCode: z.string().min(1, '请选择部门'),
  /** null = 部门整体 (部门评价). */
  projectId: z.string().regex(ID_RE, '项目编号格式不正确').nullable(),
  evaluatorKind: z.enum(['inhouse', 'thirdParty'], {
    message: '评价方式应为财政自行评价或委托第三方',
  }),
  /** In-house: the finance reviewer's username (default: the one creating it). */
  evaluatorUsername: z.string().optional(),
  /** Third party: the registered agency. */
  agencyId: z.string().regex(ID_RE, '机构编号格式不正确').optional(),
});

const Narrative = z.object({
  overview: z.string(),
  goals: z.string(),
  workProcess: z.string(),
  experience: z.string(),
  other: z.string(),
});
const Finding = z.object({
  problem: z.string(),
  recommendation: z.string(),
  dimension: z.enum(['decision', 'process', 'output', 'benefit', 'management']),
  indicatorName: z.string().optional(),
});

export const SheetBody = z.object({
  executionFormula: Formula.optional(),
  rows: z
    .array(
      z.object({
        position: z.number().int().min(1),
        input: InputSchema.nullable(),
        deductionReason: z.string().optional(),
        evidence: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  narrative: Narrative.partial().optional(),
  findings: z.array(Finding).optional(),
});

export const OpinionBody = z.object({ opinion: z.string().optional() });

const IndicatorView = IndicatorDefSchema.extend({
  position: z.number().int(),
  input: InputSchema.nullable(),
  score: z.string().nullable(),
  deducted: z.string().nullable(),
  detail: z.record(z.string(), z.string()),
  issue: z.string().nullable(),
  issueText: z.string().nullable(),
  deductionReason: z.string(),
  evidence: z.array(z.string()),
});

export const EvaluationSchema = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    fiscalYear: z.number().int(),
    departmentCode: z.string(),
    departmentName: z.string(),
    projectId: z.string().nullable(),
    projectCode: z.string().nullable(),
    objectKind: Kind,
    objectName: z.string(),
    evaluatorKind: z.enum(['inhouse', 'thirdParty']),
    evaluatorName: z.string(),
    agencyId: z.string().nullable(),
    status: Status,
    statusText: z.string(),
    executionFormula: Formula,
    total: z.string().nullable(),
    grade: Grade.nullable(),
    submittedAt: z.string().nullable(),
    concludedAt: z.string().nullable(),
    findingCount: z.number().int(),
  })
  .openapi('ExternalEvaluation');

export const EvaluationDetailSchema = EvaluationSchema.extend({
  weights: Weights,
  narrative: Narrative,
  findings: z.array(Finding),
  conclusionOpinion: z.string().nullable(),
  indicators: z.array(IndicatorView),
  dimensions: z.record(z.string(), z.object({ max: z.string(), score: z.string() })),
  runningTotal: z.string(),
  complete: z.boolean(),
  provisionalGrade: Grade.nullable(),
  warnings: z.array(z.string()),
  money: z.object({ budget: z.string(), spent: z.string() }),
  rectificationCount: z.number().int(),
  canScore: z.boolean(),
  canManage: z.boolean(),
}).openapi('ExternalEvaluationDetail');

export const CandidateSchema = z
  .object({
    kind: Kind,
    departmentCode: z.string(),
    departmentName: z.string(),
    projectId: z.string().nullable(),
    projectCode: z.string().nullable(),
    name: z.string(),
    selfEvaluation: z
      .object({ status: z.string(), total: z.string().nullable(), grade: z.string().nullable() })
      .nullable(),
    evaluationId: z.string().nullable(),
  })
  .openapi('ExtEvalCandidate');

export const EvaluatorsSchema = z
  .object({
    reviewers: z.array(z.object({ username: z.string(), displayName: z.string() })),
    agencies: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  })
  .openapi('ExtEvalEvaluators');
