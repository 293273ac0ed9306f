// Schemas for the self-evaluation endpoints (live scores, submit, return, accept).
import { EVALUATION_STATUSES, SEVERITIES } from '@jixiao/core';
import { z } from '@hono/zod-openapi';

const FindingNote = z.object({
  code: z.string().min(1).max(64),
  severity: z.enum(SEVERITIES, { message: '严重程度应为 high / medium / low' }),
  line: z.number().int().positive().nullable(),
  message: z.string().min(1).max(2000),
});

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

const EvaluationSubjectSchema = z.object({
  kind: z.enum(['project', 'department']),
  projectId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  input: z
    .record(z.string(), z.unknown())
    .openapi({ description: '自评计分输入（scoring-contract v1 JSON）' }),
  output: z
    .record(z.string(), z.unknown())
    .openapi({ description: '计分结果（scoring-contract v1 输出）' }),
  status: z.enum(['live', ...EVALUATION_STATUSES]),
  frozenAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  reviewFindings: z.array(FindingNote).nullable(),
});

export const DepartmentEvaluationSchema = z
  .object({
    departmentCode: z.string(),
    departmentName: z.string(),
    year: z.number(),
    preset: z.string(),
    department: EvaluationSubjectSchema,
    projects: z.array(EvaluationSubjectSchema),
  })
  .openapi('DepartmentEvaluation');
