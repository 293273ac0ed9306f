// The audit log, for the audit administrator only: search, CSV/JSON export (formula-safe cells), chain verification.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import * as audit from './audit-log.service.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { fileResponse } from '../../http/file-response.ts';

const TAG = ['审计日志 Audit log'];
const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('仅审计管理员（已记入审计日志）'),
};

const dateText = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
    '日期格式应为 YYYY-MM-DD 或 ISO 时间，如 2024-01-31 或 2024-01-31T08:00:00+08:00',
  );

export const AuditQuery = z.object({
  user: z.string().max(64, '用户名不超过 64 个字符').optional(),
  action: z
    .string()
    .max(64, '操作不超过 64 个字符')
    .optional()
    .openapi({ description: '操作名称（中文或英文，包含即可，如「提交」）或操作代码前缀' }),
  from: dateText.optional().openapi({ description: '起（含），日期按北京时间' }),
  to: dateText.optional().openapi({ description: '止（日期：含当天），日期按北京时间' }),
  department: z.string().max(32, '部门编码不超过 32 个字符').optional(),
  entity: z.string().max(64).optional(),
  entityId: z.string().max(200).optional(),
  limit: z.coerce
    .number({ message: '条数必须是数字' })
    .int('条数必须是整数')
    .min(1, '条数至少 1')
    .max(500, '每页至多 500 条')
    .default(100),
  offset: z.coerce
    .number({ message: '偏移必须是数字' })
    .int('偏移必须是整数')
    .min(0, '偏移不能为负')
    .max(10_000_000)
    .default(0),
});

const Label = z.object({ zh: z.string(), en: z.string() }).openapi('AuditLabel');

const EntrySchema = z
  .object({
    seq: z.number(),
    at: z.string(),
    actorUserId: z.string(),
    actorUsername: z.string(),
    actorRole: z.string(),
    ip: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    departmentCode: z.string().nullable(),
    before: z.unknown().openapi({ description: '操作前的记录快照（任意 JSON，可为 null）' }),
    after: z.unknown().openapi({ description: '操作后的记录快照（任意 JSON，可为 null）' }),
    prevHash: z.string(),
    hash: z.string(),
    atLocal: z.string().openapi({ description: '北京时间（UTC+8），与导出文件相同' }),
    actionLabel: Label,
    actorName: z.string().nullable(),
    departmentName: z.string().nullable(),
    entityLabel: Label,
    objectName: z.string().nullable(),
    changes: z
      .array(
        z.object({
          field: z.string(),
          label: Label,
          before: z.unknown().openapi({ description: '变更前的值' }),
          after: z.unknown().openapi({ description: '变更后的值' }),
        }),
      )
      .openapi({ description: '变更前后不同的字段（内部编号不列出）' }),
  })
  .openapi('AuditEntry');

const searchRoute = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: TAG,
  summary: '检索审计日志（用户、操作、时间、部门）— 审计管理员',
  request: { query: AuditQuery },
  responses: {
    200: {
      description: '最新在前',
      content: {
        'application/json': {
          schema: z
            .object({ total: z.number(), entries: z.array(EntrySchema) })
            .openapi('AuditPage'),
        },
      },
    },
    ...errors,
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/audit/export.csv',
  tags: TAG,
  summary: '导出审计日志 CSV（UTF-8，公式注入已处理，时间为北京时间，表头注明）— 审计管理员',
  request: { query: AuditQuery.omit({ limit: true, offset: true }) },
  responses: {
    200: fileResponse('CSV', ['csv']),
    ...errors,
  },
});

const exportJsonRoute = createRoute({
  method: 'get',
  path: '/api/audit/export.json',
  tags: TAG,
  summary: '导出审计日志 JSON — 审计管理员',
  request: { query: AuditQuery.omit({ limit: true, offset: true }) },
  responses: {
    200: fileResponse('JSON 文件：AuditEntry 数组（按序号）', ['json']),
    ...errors,
  },
});

const verifyRoute = createRoute({
  method: 'get',
  path: '/api/audit/verify',
  tags: TAG,
  summary: '校验审计日志哈希链 — 审计管理员',
  responses: {
    200: {
      description: '校验结果',
      content: {
        'application/json': {
          schema: z
            .object({
              entries: z.number(),
              intact: z.boolean(),
              lastSeq: z.number(),
              lastHash: z.string(),
              firstBroken: z
                .object({
                  seq: z.number(),
                  reason: z.string(),
                  message: z.string(),
                  messageEn: z.string(),
                })
                .nullable(),
            })
            .openapi('AuditVerification'),
        },
      },
    },
    ...errors,
  },
});

export function registerAuditRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(searchRoute, async (c) =>
    c.json(await audit.searchAuditLog(db, c.var.actor, c.req.valid('query')), 200),
  );
  app.openapi(exportRoute, async (c) => {
    const out = await audit.exportAuditLog(db, c.var.actor, c.req.valid('query'), 'csv');
    return c.body(out.body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${out.fileName}"`,
    });
  });
  app.openapi(exportJsonRoute, async (c) => {
    const out = await audit.exportAuditLog(db, c.var.actor, c.req.valid('query'), 'json');
    return c.body(out.body, 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${out.fileName}"`,
    });
  });
  app.openapi(verifyRoute, async (c) => c.json(await audit.verifyAuditLog(db, c.var.actor), 200));
}
