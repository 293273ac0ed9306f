// Request/response schemas of 公开 and 人大 reporting (zod → validation, types and OpenAPI).
import { z } from '@hono/zod-openapi';
import { DepartmentCodeParam, YearQuery } from '../departments/departments.schema.ts';

export { DepartmentCodeParam, YearQuery };

export const FileIdParam = DepartmentCodeParam.extend({
  fileId: z
    .string()
    .regex(/^[0-9a-f-]{36}$/, '文件编号格式不正确')
    .openapi({ param: { name: 'fileId', in: 'path' } }),
});

export const RegionYearQuery = YearQuery.extend({
  region: z
    .string()
    .regex(/^[0-9]{6}$/, '地区代码应为 6 位数字')
    .optional()
    .openapi({
      param: { name: 'region', in: 'query' },
      example: '440105',
      description: '地区代码；省略时为本人所属地区',
    }),
});

export const SummaryQuery = RegionYearQuery.extend({
  format: z
    .enum(['docx', 'xlsx'], { message: '格式应为 docx / xlsx' })
    .default('docx')
    .openapi({ param: { name: 'format', in: 'query' }, example: 'docx' }),
});

export const PublicationFileSchema = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    kind: z.enum([
      'departmentReport',
      'departmentTable',
      'projectTable',
      'externalReport',
      'manifest',
    ]),
    title: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
  })
  .openapi('PublicationFile');

export const PublicationSchema = z
  .object({
    departmentCode: z.string(),
    departmentName: z.string(),
    fiscalYear: z.number().int(),
    status: z.enum(['none', 'prepared', 'published']),
    evaluationSubmitted: z.boolean(),
    preparedAt: z.string().nullable(),
    packageSha256: z.string().nullable(),
    publishedOn: z.string().nullable(),
    publicationUrl: z.string().nullable(),
    screenshotName: z.string().nullable(),
    publishedAt: z.string().nullable(),
    files: z.array(PublicationFileSchema),
  })
  .openapi('Publication');

export const PublishForm = z.object({
  url: z
    .string()
    .optional()
    .openapi({ example: 'https://www.haizhu.gov.cn/gkmlpt/content/1/1234.html' }),
  publishedOn: z
    .string()
    .optional()
    .openapi({ example: '2024-08-20', description: '公开时间（年-月-日）' }),
  screenshot: z.any().optional().openapi({
    type: 'string',
    format: 'binary',
    description: '公开页面截图（PNG / JPEG，≤ 5 MB）',
  }),
});

export const RegisterRowSchema = z
  .object({
    departmentCode: z.string(),
    departmentName: z.string(),
    status: z.enum(['none', 'prepared', 'published']),
    preparedAt: z.string().nullable(),
    publishedOn: z.string().nullable(),
    publicationUrl: z.string().nullable(),
    hasScreenshot: z.boolean(),
    fileCount: z.number().int(),
  })
  .openapi('PublicationRegisterRow');

export const NpcEvaluationSchema = z
  .object({
    evaluationId: z.string(),
    kind: z.enum(['self', 'external']),
    departmentCode: z.string(),
    departmentName: z.string(),
    projectCode: z.string().nullable(),
    projectName: z.string().nullable(),
    total: z.string().nullable(),
    grade: z.string().nullable(),
    evaluator: z.string().nullable(),
    flagged: z.boolean(),
    note: z.string().nullable(),
    flaggedAt: z.string().nullable(),
  })
  .openapi('NpcEvaluation');

export const NpcFlagBody = z
  .object({
    kind: z.enum(['self', 'external'], { message: '评价类型应为 self / external' }),
    evaluationId: z.string().min(1, '请指定评价').max(64),
    flagged: z.boolean(),
    note: z.string().trim().max(500, '备注不超过 500 字').nullable().default(null),
  })
  .openapi('NpcFlagInput');
