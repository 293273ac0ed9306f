// /api/departments/{code}/publication… (the department's package: prepare, publish with proof, withdraw, files) and
// /api/publication/register, /api/npc/… (the bureau: 公开 register, 拟报人大 flags, the yearly 人大 summary).
// The anonymous public page is publication-public.ts (outside /api).
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, AppDeps } from '../../http/app-env.ts';
import type { Actor } from '../../auth/actor.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { jsonBody } from '../../http/route-parts.ts';
import { fileResponse } from '../../http/file-response.ts';
import {
  DepartmentCodeParam,
  FileIdParam,
  NpcEvaluationSchema,
  NpcFlagBody,
  PublicationSchema,
  PublishForm,
  RegionYearQuery,
  RegisterRowSchema,
  SummaryQuery,
  YearQuery,
} from './publication.schema.ts';
import {
  getPublication,
  preparePublication,
  recordPublication,
  withdrawPublication,
} from './publication.service.ts';
import {
  packageFile,
  packageZip,
  screenshotFile,
  type DownloadFile,
} from './publication-files.service.ts';
import {
  listNpcEvaluations,
  publicationRegister,
  renderNpcSummary,
  setNpcFlag,
} from './npc.service.ts';
import { registerPublicPages } from './publication-public.ts';

const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权操作（已记入审计日志）'),
  404: errorResponse('不存在'),
  409: errorResponse('当前状态不允许'),
};
const ok = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
const tags = ['公开与人大 Publication'];
const base = '/api/departments/{code}/publication';
const dept = { params: DepartmentCodeParam, query: YearQuery };

const route = {
  get: createRoute({
    method: 'get',
    path: base,
    tags,
    summary: '本部门本年度的绩效公开材料包及公开记录',
    request: dept,
    responses: { 200: ok('公开材料包', PublicationSchema), ...errors },
  }),
  prepare: createRoute({
    method: 'post',
    path: `${base}/prepare`,
    tags,
    summary: '生成公开材料包（自评报告、部门整体及各项目自评表 PDF、清单），尚未公开时可重新生成',
    request: dept,
    responses: {
      200: ok('已生成', PublicationSchema),
      ...errors,
      503: errorResponse('PDF 暂不可用'),
    },
  }),
  publish: createRoute({
    method: 'post',
    path: `${base}/publish`,
    tags,
    summary: '登记公开：公开网址、公开时间和公开页面截图',
    request: {
      ...dept,
      body: { content: { 'multipart/form-data': { schema: PublishForm } }, required: true },
    },
    responses: {
      200: ok('已登记公开', PublicationSchema),
      ...errors,
      413: errorResponse('截图过大'),
      415: errorResponse('截图格式不支持'),
    },
  }),
  withdraw: createRoute({
    method: 'post',
    path: `${base}/withdraw`,
    tags,
    summary: '撤回公开登记（公开页面不再列出），之后可重新生成',
    request: dept,
    responses: { 200: ok('已撤回', PublicationSchema), ...errors },
  }),
  zip: createRoute({
    method: 'get',
    path: `${base}/package`,
    tags,
    summary: '下载公开材料包（zip）',
    request: dept,
    responses: {
      200: {
        description: 'zip',
        content: {
          'application/zip': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
      ...errors,
    },
  }),
  file: createRoute({
    method: 'get',
    path: `${base}/files/{fileId}`,
    tags,
    summary: '下载材料包中的一个文件',
    request: { params: FileIdParam, query: YearQuery },
    responses: { 200: fileResponse('文件', ['pdf', 'docx', 'txt']), ...errors },
  }),
  screenshot: createRoute({
    method: 'get',
    path: `${base}/screenshot`,
    tags,
    summary: '公开截图',
    request: dept,
    responses: {
      200: {
        description: '图片',
        content: {
          'image/png': { schema: z.string().openapi({ format: 'binary' }) },
          'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
      ...errors,
    },
  }),
  register: createRoute({
    method: 'get',
    path: '/api/publication/register',
    tags,
    summary: '公开登记：本地区各部门的公开情况（财政局）',
    request: { query: RegionYearQuery },
    responses: { 200: ok('各部门', z.array(RegisterRowSchema)), ...errors },
  }),
  evaluations: createRoute({
    method: 'get',
    path: '/api/npc/evaluations',
    tags,
    summary: '本年度可报人大的评价（已提交的自评、已完成的重点评价）及拟报人大标记',
    request: { query: RegionYearQuery },
    responses: { 200: ok('评价', z.array(NpcEvaluationSchema)), ...errors },
  }),
  flag: createRoute({
    method: 'put',
    path: '/api/npc/flags',
    tags,
    summary: '标记或取消“拟报人大”',
    request: { body: jsonBody(NpcFlagBody) },
    responses: { 200: ok('已保存', z.object({ ok: z.literal(true) })), ...errors },
  }),
  summary: createRoute({
    method: 'get',
    path: '/api/npc/summary',
    tags,
    summary: '年度预算绩效评价情况报告（随同决算报人大）：docx / xlsx',
    request: { query: SummaryQuery },
    responses: { 200: fileResponse('报告', ['docx', 'xlsx']), ...errors },
  }),
};

function sendFile(f: DownloadFile, inline = false): Response {
  return new Response(new Uint8Array(f.body), {
    status: 200,
    headers: {
      'content-type': f.contentType,
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
      'cache-control': 'no-store',
    },
  });
}

const regionOf = (actor: Actor, region: string | undefined): string => region ?? actor.regionCode;

async function proofForm(c: Context) {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const text = (k: string): string => (typeof form[k] === 'string' ? form[k] : '');
  const file = form['screenshot'];
  return {
    url: text('url'),
    publishedOn: text('publishedOn'),
    screenshot:
      file instanceof File
        ? { name: file.name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) }
        : null,
  };
}

function registerDepartmentRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(route.get, async (c) => {
    const { code } = c.req.valid('param');
    return c.json(await getPublication(db, c.var.actor, code, c.req.valid('query').year), 200);
  });
  app.openapi(route.prepare, async (c) => {
    const { code } = c.req.valid('param');
    const { year } = c.req.valid('query');
    return c.json(await preparePublication(db, c.var.actor, code, year, deps.now()), 200);
  });
  app.openapi(route.publish, async (c) => {
    const { code } = c.req.valid('param');
    const { year } = c.req.valid('query');
    const proof = await proofForm(c);
    return c.json(await recordPublication(db, c.var.actor, code, year, proof, deps.now()), 200);
  });
  app.openapi(route.withdraw, async (c) => {
    const { code } = c.req.valid('param');
    const { year } = c.req.valid('query');
    return c.json(await withdrawPublication(db, c.var.actor, code, year, deps.now()), 200);
  });
  app.openapi(route.zip, async (c) => {
    const { code } = c.req.valid('param');
    return sendFile(await packageZip(db, c.var.actor, code, c.req.valid('query').year));
  });
  app.openapi(route.file, async (c) => {
    const { code, fileId } = c.req.valid('param');
    const { year } = c.req.valid('query');
    return sendFile(await packageFile(db, c.var.actor, code, year, fileId), true);
  });
  app.openapi(route.screenshot, async (c) => {
    const { code } = c.req.valid('param');
    const { year } = c.req.valid('query');
    return sendFile(await screenshotFile(db, c.var.actor, code, year), true);
  });
}

function registerBureauRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(route.register, async (c) => {
    const { year, region } = c.req.valid('query');
    const rows = await publicationRegister(db, c.var.actor, regionOf(c.var.actor, region), year);
    return c.json(rows, 200);
  });
  app.openapi(route.evaluations, async (c) => {
    const { year, region } = c.req.valid('query');
    const rows = await listNpcEvaluations(db, c.var.actor, regionOf(c.var.actor, region), year);
    return c.json(rows, 200);
  });
  app.openapi(route.flag, async (c) => {
    await setNpcFlag(db, c.var.actor, c.req.valid('json'), deps.now());
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(route.summary, async (c) => {
    const { year, region, format } = c.req.valid('query');
    const r = regionOf(c.var.actor, region);
    return sendFile(await renderNpcSummary(db, c.var.actor, r, year, format, deps.now()));
  });
}

export function registerPublicationRoutes(app: App, deps: AppDeps): void {
  registerDepartmentRoutes(app, deps);
  registerBureauRoutes(app, deps);
  registerPublicPages(app, deps);
}
