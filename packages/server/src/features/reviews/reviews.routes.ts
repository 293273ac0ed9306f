// Report review: POST /api/reviews (upload a report file) and GET the review of a generated report.
import { REVIEW_CODES, REVIEW_DOCUMENT_TYPES, SEVERITIES } from '@jixiao/core';
import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { App, AppDeps } from '../../http/app-env.ts';
import { ServiceError } from '../../http/service-error.ts';
import {
  MAX_REVIEW_BYTES,
  reviewGeneratedReport,
  reviewUploadedReport,
} from './reviews.service.ts';
import { errorBody } from '../../http/error-response.ts';
import { DepartmentCodeParam, YearQuery } from '../departments/departments.schema.ts';
import { errorResponse } from '../../http/error-schema.ts';

const FindingSchema = z
  .object({
    code: z.enum(REVIEW_CODES),
    severity: z.enum(SEVERITIES),
    line: z.number().openapi({
      description:
        '摘录起始位置：.txt 为行号，.docx 为段落号（不计空段），.pdf 为该页内的行号（见 page）',
    }),
    endLine: z.number().openapi({ description: '摘录结束位置（计法同 line）' }),
    page: z.number().optional().openapi({ description: 'PDF：摘录所在页（从 1 起）' }),
    ocr: z
      .literal(true)
      .optional()
      .openapi({ description: '文字由扫描件识别（OCR），请对照原件核实' }),
    excerpt: z
      .string()
      .openapi({ description: '原文摘录（与所审文本逐字相同；跨行时各行原文相连）' }),
    message: z.string(),
    messageEn: z.string(),
    start: z.number().openapi({ description: '摘录在规范化文本中的起始位置' }),
    end: z.number(),
  })
  .openapi('ReviewFinding');
const ReviewedSchema = z
  .object({
    fileName: z.string(),
    kind: z.enum(['txt', 'docx', 'pdf']),
    text: z.string().openapi({ description: '审核所依据的文本（发现的行号指向此文本）' }),
    pageStarts: z
      .array(z.number())
      .optional()
      .openapi({ description: 'PDF：每页在 text 中的起始行' }),
    result: z.object({
      title: z.string(),
      year: z.number().nullable(),
      documentType: z.enum(REVIEW_DOCUMENT_TYPES).openapi({
        description:
          '报告类型：department 部门整体支出自评，project 项目支出自评，evaluation 绩效评价报告，rectification 整改报告',
      }),
      ocr: z.boolean().openapi({ description: '文字由扫描件识别' }),
      findings: z.array(FindingSchema),
      figures: z.array(
        z.object({
          label: z.string(),
          value: z.string(),
          unit: z.string(),
          line: z.number(),
          page: z.number().optional(),
        }),
      ),
    }),
  })
  .openapi('ReviewedReport');

const tags = ['报告审核 Report review'];

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/reviews',
  tags,
  summary: '上传报告（.txt / .docx / .pdf，扫描件经文字识别）进行智能审核',
  request: {
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z.any().openapi({ type: 'string', format: 'binary', description: '报告文件' }),
            type: z.enum(REVIEW_DOCUMENT_TYPES).optional().openapi({
              description: '报告类型（不填则按标题和内容识别）',
            }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: { description: '审核结果', content: { 'application/json': { schema: ReviewedSchema } } },
    400: errorResponse('文件无法读取'),
    401: errorResponse('未登录'),
    403: errorResponse('无权操作'),
    413: errorResponse('文件过大，或文字过长'),
    422: errorResponse('文件在时限内未能读完（可能已损坏）'),
    503: errorResponse('同时审核的报告较多，请稍后再试（Retry-After）'),
  },
});

const generatedRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/report/review',
  tags,
  summary: '审核系统生成的该部门自评报告',
  request: { params: DepartmentCodeParam, query: YearQuery },
  responses: {
    200: { description: '审核结果', content: { 'application/json': { schema: ReviewedSchema } } },
    400: errorResponse('输入有误'),
    401: errorResponse('未登录'),
    403: errorResponse('无权访问'),
    404: errorResponse('不存在'),
  },
});

export function registerReviewRoutes(app: App, deps: AppDeps): void {
  app.use(
    '/api/reviews',
    bodyLimit({
      maxSize: MAX_REVIEW_BYTES + 64 * 1024,
      onError: (c) =>
        c.json(
          errorBody('FILE_TOO_LARGE', {
            limit: '20 MB',
            advice: '无法审核',
            adviceEn: 'it cannot be reviewed',
          }),
          413,
        ),
    }),
  );
  app.openapi(uploadRoute, async (c) => {
    const form = await c.req.parseBody().catch(() => {
      throw new ServiceError('REVIEW_UPLOAD_FORM');
    });
    const file = form['file'];
    if (!(file instanceof File)) {
      throw new ServiceError('REVIEW_FILE_MISSING');
    }
    const type = form['type'];
    const documentType = REVIEW_DOCUMENT_TYPES.find((t) => t === type);
    if (type !== undefined && documentType === undefined) {
      throw new ServiceError('REVIEW_DOCUMENT_TYPE');
    }
    const reviewed = await reviewUploadedReport(
      c.var.actor,
      file.name,
      new Uint8Array(await file.arrayBuffer()),
      documentType,
    );
    return c.json(reviewed, 200);
  });
  app.openapi(generatedRoute, async (c) => {
    const reviewed = await reviewGeneratedReport(
      deps.database.db,
      c.var.actor,
      c.req.valid('param').code,
      c.req.valid('query').year,
      deps.now(),
    );
    return c.json(reviewed, 200);
  });
}
