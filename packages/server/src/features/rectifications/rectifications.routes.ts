// /api/rectifications…: the 整改清单 (list, item, manual entry, edits, actions, evidence), collecting items from
// a department-year's sources, the deadlines per region-year and the 整改报告 (.docx).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, AppDeps, AppEnv } from '../../http/app-env.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { jsonBody } from '../../http/route-parts.ts';
import { fileResponse, CONTENT_TYPE } from '../../http/file-response.ts';
import { ServiceError } from '../../http/service-error.ts';
import {
  ActBody,
  CollectBody,
  CollectSchema,
  ConfigBody,
  ConfigQuery,
  ConfigSchema,
  CreateBody,
  DetailSchema,
  EditBody,
  EvidenceSchema,
  EvidenceUpload,
  IdParam,
  ItemSchema,
  ListQuery,
  ReportQuery,
} from './rectifications.schema.ts';
import {
  createRectification,
  editRectification,
  getRectification,
  getRectificationConfig,
  listRectifications,
  setRectificationConfig,
} from './rectifications.service.ts';
import {
  actOnRectification,
  addRectificationEvidence,
  downloadRectificationEvidence,
} from './rectification-workflow.service.ts';
import { collectRectifications } from './rectification-sources.service.ts';
import { renderRectificationReport } from './rectification-report.service.ts';

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
const tags = ['整改 Rectification'];
const itemPath = '/api/rectifications/{id}';

const route = {
  list: createRoute({
    method: 'get',
    path: '/api/rectifications',
    tags,
    summary: '整改清单（部门：本部门；财政：本地区），可按部门、年度、状态（含逾期）筛选',
    request: { query: ListQuery },
    responses: { 200: ok('整改事项', z.array(ItemSchema)), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/api/rectifications',
    tags,
    summary: '财政录入整改事项（审计、人大、财政检查等发现的问题）',
    request: { body: jsonBody(CreateBody) },
    responses: { 201: ok('已列入整改清单', DetailSchema), ...errors },
  }),
  collect: createRoute({
    method: 'post',
    path: '/api/rectifications/collect',
    tags,
    summary:
      '从自评报告问题、财政审核意见、退回意见和运行监控纠偏措施生成整改事项（已生成的不重复）',
    request: { body: jsonBody(CollectBody) },
    responses: { 200: ok('新生成的整改事项', CollectSchema), ...errors },
  }),
  getConfig: createRoute({
    method: 'get',
    path: '/api/rectifications/config',
    tags,
    summary: '整改期限（结果反馈天数、整改措施天数）',
    request: { query: ConfigQuery },
    responses: { 200: ok('整改期限', ConfigSchema), ...errors },
  }),
  setConfig: createRoute({
    method: 'put',
    path: '/api/rectifications/config',
    tags,
    summary: '设置本地区某年度的整改期限 — 财政',
    request: { body: jsonBody(ConfigBody) },
    responses: { 200: ok('整改期限', ConfigSchema), ...errors },
  }),
  report: createRoute({
    method: 'get',
    path: '/api/rectifications/report',
    tags,
    summary: '整改报告（.docx）：按状态统计、逐项整改情况，附整改清单',
    request: { query: ReportQuery },
    responses: { 200: fileResponse('整改报告', ['docx']), ...errors },
  }),
  evidenceFile: createRoute({
    method: 'get',
    path: '/api/rectifications/evidence/{id}',
    tags,
    summary: '下载佐证材料文件',
    request: { params: IdParam },
    responses: {
      200: {
        description: '佐证材料文件',
        content: {
          'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
      ...errors,
    },
  }),
  get: createRoute({
    method: 'get',
    path: itemPath,
    tags,
    summary: '整改事项：字段、处理记录和佐证材料',
    request: { params: IdParam },
    responses: { 200: ok('整改事项', DetailSchema), ...errors },
  }),
  edit: createRoute({
    method: 'patch',
    path: itemPath,
    tags,
    summary: '修改整改事项：部门填措施、责任人、整改结果；财政改问题、要求、期限',
    request: { params: IdParam, body: jsonBody(EditBody) },
    responses: { 200: ok('整改事项', DetailSchema), ...errors },
  }),
  act: createRoute({
    method: 'post',
    path: `${itemPath}/actions`,
    tags,
    summary: '开始整改、提交复核（部门）；复核通过销号或退回（财政）',
    request: { params: IdParam, body: jsonBody(ActBody) },
    responses: { 200: ok('整改事项', DetailSchema), ...errors },
  }),
  evidence: createRoute({
    method: 'post',
    path: `${itemPath}/evidence`,
    tags,
    summary: '上传佐证材料（文件和／或说明）— 部门',
    request: { params: IdParam, body: EvidenceUpload },
    responses: { 201: ok('佐证材料', EvidenceSchema), ...errors, 413: errorResponse('文件过大') },
  }),
};

async function evidenceForm(c: Context<AppEnv>) {
  const form = await c.req.parseBody().catch(() => {
    throw new ServiceError('REQUEST_INVALID', {
      problem: '请以 multipart/form-data 上传佐证材料（字段 file、note）',
      problemEn: 'upload evidence as multipart/form-data fields "file" and "note"',
    });
  });
  const file = form['file'];
  const note = typeof form['note'] === 'string' ? form['note'] : undefined;
  return {
    note,
    file:
      file instanceof File
        ? { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }
        : undefined,
  };
}

function download(body: Uint8Array, name: string, type: string): Response {
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
    },
  });
}

export function registerRectificationRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const a = app as OpenAPIHono<AppEnv>;
  a.openapi(route.list, async (c) => {
    const q = c.req.valid('query');
    const filter = {
      regionCode: q.region,
      departmentCode: q.department,
      year: q.year,
      status: q.status,
      projectId: q.project,
      evaluationId: q.evaluation,
    };
    return c.json(await listRectifications(db, c.var.actor, filter, deps.now()), 200);
  });
  a.openapi(route.create, async (c) =>
    c.json(await createRectification(db, c.var.actor, c.req.valid('json'), deps.now()), 201),
  );
  a.openapi(route.collect, async (c) => {
    const b = c.req.valid('json');
    return c.json(
      await collectRectifications(db, c.var.actor, b.departmentCode, b.year, deps.now()),
      200,
    );
  });
  a.openapi(route.getConfig, async (c) => {
    const q = c.req.valid('query');
    return c.json(await getRectificationConfig(db, c.var.actor, q.region, q.year), 200);
  });
  a.openapi(route.setConfig, async (c) =>
    c.json(await setRectificationConfig(db, c.var.actor, c.req.valid('json')), 200),
  );
  a.openapi(route.report, async (c) => {
    const q = c.req.valid('query');
    const r = await renderRectificationReport(
      db,
      c.var.actor,
      q.department,
      q.year,
      q.evaluation,
      deps.now(),
    );
    return download(r.body, r.fileName, CONTENT_TYPE.docx);
  });
  a.openapi(route.evidenceFile, async (c) => {
    const f = await downloadRectificationEvidence(db, c.var.actor, c.req.valid('param').id);
    return download(f.bytes, f.name, f.type);
  });
  a.openapi(route.get, async (c) =>
    c.json(await getRectification(db, c.var.actor, c.req.valid('param').id, deps.now()), 200),
  );
  a.openapi(route.edit, async (c) =>
    c.json(
      await editRectification(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json'),
        deps.now(),
      ),
      200,
    ),
  );
  a.openapi(route.act, async (c) =>
    c.json(
      await actOnRectification(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json'),
        deps.now(),
      ),
      200,
    ),
  );
  a.openapi(route.evidence, async (c) => {
    const input = await evidenceForm(c);
    return c.json(
      await addRectificationEvidence(db, c.var.actor, c.req.valid('param').id, input),
      201,
    );
  });
}
