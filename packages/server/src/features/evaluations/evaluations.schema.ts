// Schemas for the self-evaluation endpoints (live scores, submit, return, accept).
import {
  EVALUATION_STATUSES,
  FINDING_CODES,
  GRADES,
  SCORING_ERROR_CODES,
  SEVERITIES,
} from '@jixiao/core';
import { z } from '@hono/zod-openapi';

const FindingNote = z.object({
  code: z.string().min(1).max(64),
  severity: z.enum(SEVERITIES, { message: '严重程度应为 high / medium / low' }),
  line: z.number().int().positive().nullable(),
  message: z.string().min(1).max(2000),
});

/** As stored: the severity is whatever the reviewer attached. */
const FindingNoteOut = z
  .object({
    code: z.string(),
    severity: z.string(),
    line: z.number().nullable(),
    message: z.string(),
  })
  .openapi('ReviewFindingNote');

export const ReturnBody = z
  .object({
    comment: z
      .string()
      .trim()
      .min(2, '请填写退回意见（至少 2 个字）')
      .max(4000, '退回意见不超过 4000 字'),
    findings: z.array(FindingNote).max(200, '附带的审核发现不超过 200 条').default([]),
  })
  .openapi('ReturnEvaluationBody');

/** A step of a sign-off history (shared shape with the goal set's history). */
export const WorkflowEventSchema = z
  .object({
    action: z.string(),
    fromStatus: z.string().nullable(),
    toStatus: z.string(),
    actor: z.string(),
    actorRole: z.string(),
    comment: z.string().nullable(),
    at: z.string(),
  })
  .openapi('WorkflowEvent');

export const HeadApproveBody = z
  .object({
    comment: z.string().trim().max(4000, '审核意见不超过 4000 字').nullable().optional(),
  })
  .openapi('HeadApproveEvaluationBody');

const ContractIndicatorSchema = z
  .object({
    id: z.string().openapi({ description: '在本主体指标中的序号（"1"、"2" …）' }),
    indicatorId: z.string().openapi({ description: '指标在数据库中的编号（计分引擎不读）' }),
    level1: z.string(),
    level2: z.string(),
    name: z.string(),
    operator: z.string(),
    target: z.string(),
    actual: z.string(),
    unit: z.string(),
    weight: z.string(),
    score: z.string().nullable(),
    deduction: z.string().nullable(),
    deductionReason: z.string().nullable(),
    deviationNote: z.string().nullable(),
    applicable: z.boolean(),
    metric: z
      .object({ key: z.string(), value: z.string(), records: z.number(), asOf: z.string() })
      .nullable()
      .optional()
      .openapi({ description: '实际值来自业务数据指标时的来源' }),
  })
  .openapi('ContractIndicator');

const ContractInputSchema = z
  .object({
    version: z.literal(1),
    rules: z.object({ preset: z.string() }),
    subject: z.object({
      kind: z.enum(['project', 'department']),
      name: z.string(),
      year: z.number(),
      unit: z.string(),
    }),
    budget: z.object({
      initial: z.string(),
      adjusted: z.string(),
      executed: z.string(),
      weight: z.string(),
      note: z.string().nullable(),
    }),
    indicators: z.array(ContractIndicatorSchema),
  })
  .openapi('ContractInput', {
    description: '自评计分输入（scoring-contract v1 JSON，金额为万元）',
  });

const codedMessage = <C extends z.ZodType>(code: C) =>
  z.object({
    code,
    indicator: z.string().nullable(),
    message: z.string(),
    messageEn: z.string(),
  });

const ScoredOutputSchema = z
  .object({
    budget: z.object({ rate: z.string(), score: z.string() }),
    indicators: z.array(
      z.object({
        id: z.string(),
        score: z.string(),
        findings: z.array(z.enum(FINDING_CODES)),
        applicable: z.boolean(),
      }),
    ),
    total: z.string(),
    grade: z.enum(GRADES),
    findings: z.array(codedMessage(z.enum(FINDING_CODES))),
    errors: z.tuple([]),
  })
  .openapi('ScoredOutput');

const InvalidScoringOutputSchema = z
  .object({ errors: z.array(codedMessage(z.enum(SCORING_ERROR_CODES))) })
  .openapi('InvalidScoringOutput');

const EvaluationSubjectSchema = z
  .object({
    kind: z.enum(['project', 'department']),
    projectId: z.string().nullable(),
    code: z.string(),
    name: z.string(),
    input: ContractInputSchema,
    output: z
      .union([ScoredOutputSchema, InvalidScoringOutputSchema])
      .openapi({ description: '计分结果（scoring-contract v1 输出：得分或 errors）' }),
    status: z.enum(['live', ...EVALUATION_STATUSES]),
    frozenAt: z.string().nullable(),
    reviewComment: z.string().nullable(),
    reviewFindings: z.array(FindingNoteOut).nullable(),
  })
  .openapi('EvaluationSubject');

export const DepartmentEvaluationSchema = z
  .object({
    departmentCode: z.string(),
    departmentName: z.string(),
    year: z.number(),
    preset: z.string(),
    department: EvaluationSubjectSchema,
    projects: z.array(EvaluationSubjectSchema),
    headReviewRequired: z
      .boolean()
      .openapi({ description: '本年度自评须经部门负责人审核后再报财政局' }),
    history: z.array(WorkflowEventSchema).openapi({ description: '签批记录（先后顺序）' }),
  })
  .openapi('DepartmentEvaluation');
