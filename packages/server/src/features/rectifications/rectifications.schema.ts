// Request and response schemas of the 整改 routes (Chinese messages for every field).
import { z } from '@hono/zod-openapi';
import {
  RECTIFICATION_ACTION_TEXT,
  RECTIFICATION_CATEGORIES,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUSES,
  type RectificationAction,
} from '@jixiao/core';

const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const Year = z.coerce
  .number({ message: '年度应为四位数字' })
  .int('年度应为整数')
  .min(2000, '年度不早于 2000')
  .max(2100, '年度不晚于 2100');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD，如 2024-05-31');
const Text = (max: number, label: string) =>
  z.string().max(max, `${label}不超过 ${String(max)} 字`);
const Status = z.enum(RECTIFICATION_STATUSES);
const DisplayStatus = z.enum([...RECTIFICATION_STATUSES, 'overdue'], {
  message: '状态应为 pending、inProgress、awaitingCheck、closed 或 overdue',
});
const Category = z.enum(RECTIFICATION_CATEGORIES, {
  message: '问题类别应为 decision、process、output、benefit 或 management',
});
const ACTIONS = Object.keys(RECTIFICATION_ACTION_TEXT) as [
  RectificationAction,
  ...RectificationAction[],
];

export const IdParam = z.object({
  id: z
    .string()
    .regex(ID_RE, '编号格式不正确')
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const ListQuery = z.object({
  department: z.string().optional().openapi({ example: '440105-TZCJ' }),
  year: Year.optional().openapi({ example: 2023 }),
  status: DisplayStatus.optional().openapi({ example: 'overdue' }),
  project: z.string().optional(),
  evaluation: z.string().optional(),
  region: z.string().optional().openapi({ example: '440105' }),
});

export const ReportQuery = z.object({
  department: z.string().openapi({ example: '440105-TZCJ' }),
  year: Year.openapi({ example: 2023 }),
  evaluation: z.string().optional(),
});

export const ConfigQuery = z.object({
  year: Year.openapi({ example: 2024 }),
  region: z.string().optional(),
});

export const ItemSchema = z
  .object({
    id: z.string(),
    issueNo: z.string().openapi({ example: '2023-整改-001' }),
    regionCode: z.string(),
    fiscalYear: z.number().int(),
    departmentCode: z.string(),
    departmentName: z.string(),
    projectId: z.string().nullable(),
    projectCode: z.string().nullable(),
    projectName: z.string().nullable(),
    source: z.enum(RECTIFICATION_SOURCES),
    sourceText: z.string(),
    sourceRef: z.string().nullable(),
    evaluationId: z.string().nullable(),
    indicatorRef: z.string().nullable(),
    category: Category,
    categoryText: z.string(),
    problem: z.string(),
    requirement: z.string(),
    responsibleUnit: z.string(),
    owner: z.string(),
    measures: z.string(),
    finalOn: z.string(),
    noticedOn: z.string().nullable(),
    deadline: z.string(),
    status: Status,
    displayStatus: DisplayStatus,
    statusText: z.string(),
    overdue: z.boolean(),
    resultNote: z.string(),
    reviewerOpinion: z.string(),
    budgetImpact: z.string(),
    closedAt: z.string().nullable(),
    illustrative: z.boolean(),
    evidenceCount: z.number().int(),
  })
  .openapi('RectificationItem');

export const EvidenceSchema = z
  .object({
    id: z.string(),
    note: z.string(),
    fileName: z.string().nullable(),
    mimeType: z.string().nullable(),
    size: z.number().int().nullable(),
    uploadedByName: z.string(),
    at: z.string(),
  })
  .openapi('RectificationEvidence');

export const DetailSchema = ItemSchema.extend({
  events: z.array(
    z.object({
      action: z.enum(ACTIONS),
      actionText: z.string(),
      fromStatus: Status.nullable(),
      toStatus: Status,
      note: z.string(),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
  evidence: z.array(EvidenceSchema),
}).openapi('RectificationDetail');

export const CreateBody = z
  .object({
    departmentCode: z.string({ message: '请选择部门' }),
    fiscalYear: Year,
    projectId: z.string().nullable().optional(),
    category: Category.optional(),
    indicatorRef: Text(200, '关联指标').nullable().optional(),
    problem: Text(2000, '问题描述').min(1, '请填写问题描述'),
    requirement: Text(2000, '整改要求').optional(),
    responsibleUnit: Text(200, '责任单位').optional(),
    owner: Text(200, '责任人').optional(),
    finalOn: IsoDate.optional(),
    deadline: IsoDate.optional(),
    budgetImpact: Text(500, '预算影响').optional(),
  })
  .openapi('RectificationCreate');

export const EditBody = z
  .object({
    measures: Text(4000, '整改措施').optional(),
    owner: Text(200, '责任人').optional(),
    responsibleUnit: Text(200, '责任单位').optional(),
    resultNote: Text(4000, '整改结果').optional(),
    problem: Text(2000, '问题描述').optional(),
    requirement: Text(2000, '整改要求').optional(),
    category: Category.optional(),
    deadline: IsoDate.optional(),
    budgetImpact: Text(500, '预算影响').optional(),
  })
  .openapi('RectificationEdit');

export const ActBody = z
  .discriminatedUnion('action', [
    z.object({
      action: z.literal('start'),
      note: Text(2000, '说明').optional(),
      measures: Text(4000, '整改措施').optional(),
    }),
    z.object({
      action: z.literal('submit'),
      note: Text(2000, '说明').optional(),
      resultNote: Text(4000, '整改结果').optional(),
    }),
    z.object({ action: z.literal('accept'), note: Text(2000, '复核意见').optional() }),
    z.object({ action: z.literal('sendBack'), note: Text(2000, '退回意见') }),
  ])
  .openapi('RectificationAction');

export const CollectBody = z
  .object({ departmentCode: z.string({ message: '请选择部门' }), year: Year })
  .openapi('RectificationCollect');

export const CollectSchema = z
  .object({ created: z.number().int(), ids: z.array(z.string()) })
  .openapi('RectificationCollectResult');

export const ConfigSchema = z
  .object({
    regionCode: z.string(),
    fiscalYear: z.number().int(),
    noticeDays: z.number().int(),
    measureDays: z.number().int(),
  })
  .openapi('RectificationConfig');

export const ConfigBody = z
  .object({
    fiscalYear: Year,
    regionCode: z.string().optional(),
    noticeDays: z.number({ message: '结果反馈期限应为天数' }).int('天数应为整数'),
    measureDays: z.number({ message: '整改措施期限应为天数' }).int('天数应为整数'),
  })
  .openapi('RectificationConfigInput');

export const EvidenceUpload = {
  content: {
    'multipart/form-data': {
      schema: z.object({
        file: z
          .any()
          .optional()
          .openapi({ type: 'string', format: 'binary', description: '佐证材料文件' }),
        note: z.string().optional().openapi({ description: '说明' }),
      }),
    },
  },
  required: true as const,
};
