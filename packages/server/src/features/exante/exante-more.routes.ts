// More /api/exante routes: 佐证材料 files of an item (upload, list, download) and the accounts of registered
// 第三方机构 (the system administrator creates them). Registered by registerExAnteRoutes.
import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { App, AppDeps } from '../../http/app-env.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { errorBody } from '../../http/error-response.ts';
import { jsonBody } from '../../http/route-parts.ts';
import { ServiceError } from '../../http/service-error.ts';
import {
  AgencyAccountBody,
  AgencyAccountCreatedSchema,
  AgencyAccountsSchema,
  ItemIdParam,
} from './exante.schema.ts';
import { createAgencyAccount, listAgencyAccounts } from './exante-accounts.service.ts';
import {
  MAX_EVIDENCE_BYTES,
  downloadEvidence,
  listItemEvidence,
  uploadEvidence,
} from './exante-evidence.service.ts';

const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权操作（已记入审计日志）'),
  404: errorResponse('不存在'),
  409: errorResponse('当前状态不允许 / 已存在'),
};
const ok = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
const tags = ['事前绩效评估 Ex-ante assessment'];
const evidencePath = '/api/exante/items/{id}/evidence';

export const EvidenceSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    mimeType: z.string(),
    size: z.number(),
    sha256: z.string(),
    pointCode: z.string().nullable(),
    versionNo: z.number().nullable(),
    uploadedByName: z.string(),
    createdAt: z.string(),
  })
  .openapi('ExAnteEvidence');

const EvidenceParam = ItemIdParam.extend({
  evidenceId: z.string().regex(/^[0-9a-f-]{36}$/, '材料编号格式不正确'),
});

const route = {
  upload: createRoute({
    method: 'post',
    path: evidencePath,
    tags,
    summary: '上传佐证材料（PDF/Word/Excel/JPG/PNG/文本，≤ 20 MB；可注明评估要点与版本）',
    request: {
      params: ItemIdParam,
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: z.object({
              file: z.any().openapi({ type: 'string', format: 'binary', description: '文件' }),
              pointCode: z.string().optional().openapi({ description: '评估要点编码' }),
              versionNo: z.string().optional().openapi({ description: '版本号' }),
            }),
          },
        },
      },
    },
    responses: {
      201: ok('已上传', EvidenceSchema),
      ...errors,
      413: errorResponse('文件过大'),
      415: errorResponse('文件类型不符'),
    },
  }),
  list: createRoute({
    method: 'get',
    path: evidencePath,
    tags,
    summary: '该评估的佐证材料',
    request: { params: ItemIdParam },
    responses: { 200: ok('佐证材料', z.array(EvidenceSchema)), ...errors },
  }),
  download: createRoute({
    method: 'get',
    path: `${evidencePath}/{evidenceId}`,
    tags,
    summary: '下载一份佐证材料（记入审计日志）',
    request: { params: EvidenceParam },
    responses: {
      200: {
        description: '文件',
        content: {
          'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
      ...errors,
    },
  }),
  accounts: createRoute({
    method: 'get',
    path: '/api/exante/agency-accounts',
    tags,
    summary: '本地区第三方机构及其账户 — 系统管理员',
    responses: { 200: ok('第三方机构账户', AgencyAccountsSchema), ...errors },
  }),
  createAccount: createRoute({
    method: 'post',
    path: '/api/exante/agency-accounts',
    tags,
    summary: '为已登记的第三方机构创建评估人员账户（不给密码则生成并显示一次）— 系统管理员',
    request: { body: jsonBody(AgencyAccountBody) },
    responses: { 201: ok('已创建', AgencyAccountCreatedSchema), ...errors },
  }),
};

function formText(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 100) : null;
}

export function registerExAnteMoreRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.use(
    '/api/exante/items/:id/evidence',
    bodyLimit({
      maxSize: MAX_EVIDENCE_BYTES + 64 * 1024,
      onError: (c) => c.json(errorBody('EXANTE_EVIDENCE_TOO_LARGE', { limit: '20 MB' }), 413),
    }),
  );
  app.openapi(route.upload, async (c) => {
    const form = await c.req.parseBody().catch(() => {
      throw new ServiceError('EXANTE_EVIDENCE_EMPTY');
    });
    const file = form['file'];
    if (!(file instanceof File)) {
      throw new ServiceError('EXANTE_EVIDENCE_EMPTY');
    }
    const versionNo = Number(formText(form['versionNo']) ?? NaN);
    const saved = await uploadEvidence(db, c.var.actor, c.req.valid('param').id, {
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      pointCode: formText(form['pointCode']),
      versionNo: Number.isInteger(versionNo) && versionNo > 0 ? versionNo : null,
    });
    return c.json(saved, 201);
  });
  app.openapi(route.list, async (c) =>
    c.json(await listItemEvidence(db, c.var.actor, c.req.valid('param').id), 200),
  );
  app.openapi(route.download, async (c) => {
    const { id, evidenceId } = c.req.valid('param');
    const f = await downloadEvidence(db, c.var.actor, id, evidenceId);
    return new Response(new Uint8Array(f.body), {
      status: 200,
      headers: {
        'content-type': f.mimeType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  });
  app.openapi(route.accounts, async (c) => c.json(await listAgencyAccounts(db, c.var.actor), 200));
  app.openapi(route.createAccount, async (c) => {
    const r = await createAgencyAccount(db, c.var.actor, c.req.valid('json'), deps.now());
    return c.json(
      {
        agency: r.agency,
        username: r.user.username,
        displayName: r.user.displayName,
        generatedPassword: r.generatedPassword,
      },
      201,
    );
  });
}
