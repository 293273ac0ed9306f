// 全区自评报告打包 over HTTP: the finance reviewer starts the zip of the region's reports of a year (a background job),
// polls its progress, and downloads the zip when it is done.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { ERROR_CODES } from '@jixiao/core';
import {
  districtJob,
  districtJobDownloaded,
  districtJobFile,
  startDistrictJob,
} from './district-jobs.ts';

const tags = ['报告 Report'];

const DistrictJobSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    state: z.enum(['running', 'done', 'failed']),
    phase: z.enum(['word', 'pdf', 'zip', 'done']).openapi({
      description: 'word = 生成 Word；pdf = 转换 PDF；zip = 打包；done = 完成',
    }),
    done: z
      .number()
      .int()
      .openapi({ description: '已完成的步骤数（每份 Word、每份 PDF、打包各一步）' }),
    total: z.number().int(),
    departments: z.number().int().nullable(),
    pdfs: z
      .number()
      .int()
      .nullable()
      .openapi({ description: '已生成的 PDF 份数（未安装 LibreOffice 时为 0）' }),
    fileName: z.string().nullable(),
    error: z
      .object({
        code: z.enum(ERROR_CODES as [string, ...string[]]),
        zh: z.string(),
        en: z.string(),
      })
      .nullable(),
  })
  .openapi('DistrictReportJob');

const StartBody = z
  .object({
    year: z.number().int().min(2000, '年度不早于 2000').max(2100, '年度不晚于 2100'),
    pdf: z.boolean().default(true).openapi({ description: '安装了 LibreOffice 时同时生成 PDF' }),
  })
  .openapi('DistrictReportStart');

const JobParams = z.object({
  id: z.uuid('任务编号格式不正确').openapi({ param: { name: 'id', in: 'path' } }),
});

const errors = {
  401: errorResponse('未登录'),
  403: errorResponse('仅本地区财政局审核员'),
  404: errorResponse('任务不存在或已过期'),
};

const startRoute = createRoute({
  method: 'post',
  path: '/api/reports/district',
  tags,
  summary:
    '打包本地区各部门某年度的整体支出绩效自评报告（Word，装有 LibreOffice 时另附 PDF）：后台任务',
  request: { body: { content: { 'application/json': { schema: StartBody } }, required: true } },
  responses: {
    202: {
      description: '任务已开始（或同一用户同一年度的任务正在进行）；轮询进度',
      content: { 'application/json': { schema: DistrictJobSchema } },
    },
    400: errorResponse('输入有误'),
    ...errors,
  },
});

const statusRoute = createRoute({
  method: 'get',
  path: '/api/reports/district/{id}',
  tags,
  summary: '打包任务的进度',
  request: { params: JobParams },
  responses: {
    200: { description: '进度', content: { 'application/json': { schema: DistrictJobSchema } } },
    ...errors,
  },
});

const fileRoute = createRoute({
  method: 'get',
  path: '/api/reports/district/{id}/file',
  tags,
  summary: '下载打包好的 zip（下载完成后即删除；未下载的一小时后删除）',
  request: { params: JobParams },
  responses: {
    200: {
      description: 'zip：Word/ 下每个部门一份 .docx，PDF/ 下对应的 PDF',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errors,
    409: errorResponse('仍在打包中'),
    503: errorResponse('打包失败'),
  },
});

export function registerDistrictReportRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(startRoute, async (c) => {
    const { year, pdf } = c.req.valid('json');
    const view = await startDistrictJob(db, c.var.actor, {
      year,
      pdf,
      dataDir: deps.config.dataDir,
      now: deps.now(),
    });
    return c.json(view, 202);
  });
  app.openapi(statusRoute, (c) => c.json(districtJob(c.var.actor, c.req.valid('param').id), 200));
  app.openapi(fileRoute, (c) => {
    const { id } = c.req.valid('param');
    const f = districtJobFile(c.var.actor, id);
    const stream = createReadStream(f.path);
    stream.once('end', () => void districtJobDownloaded(c.var.actor, id));
    const body = Readable.toWeb(stream) as ReadableStream<Uint8Array>;
    return c.body(body, 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
      'cache-control': 'no-store',
    });
  });
}
