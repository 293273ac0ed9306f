// Operations over HTTP: the system administrator downloads a consistent backup while the server runs (the CLI's
// `jixiao backup --server` uses it when the embedded database is held by the server); a readiness check for
// load balancers and monitoring (no sign-in, no secrets: the database answers, the program's version, whether
// the database structure is current).
import fs from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { assertMayBackup, auditBackup } from './backup.service.ts';
import { backupToStream } from './backup-file.ts';
import { appliedMigrations } from './backup.repository.ts';
import { knownMigrations } from './backup-migrations.ts';

const TAG = ['运维 Operations'];

export const BACKUP_CONTENT_TYPE = 'application/gzip';

const backupRoute = createRoute({
  method: 'get',
  path: '/api/admin/backup',
  tags: TAG,
  summary: '下载整库备份（一致性快照，gzip）— 系统管理员；恢复须在服务器上用 jixiao restore',
  responses: {
    200: {
      description: 'Jixiao 备份文件（jixiao restore 可恢复到嵌入式数据库或 PostgreSQL）',
      content: { [BACKUP_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
    },
    401: errorResponse('未登录'),
    403: errorResponse('仅系统管理员（已记入审计日志）'),
  },
});

const ReadySchema = z
  .object({
    ok: z.boolean(),
    version: z.string().openapi({ description: '程序版本' }),
    database: z.enum(['pglite', 'postgresql']),
    schemaCurrent: z.boolean().openapi({ description: '数据库结构与程序一致（迁移已全部应用）' }),
  })
  .openapi('Readiness');

const readyRoute = createRoute({
  method: 'get',
  path: '/api/health/ready',
  tags: TAG,
  summary: '就绪检查（无需登录）：数据库可用、版本、结构是否最新',
  responses: {
    200: { description: '就绪', content: { 'application/json': { schema: ReadySchema } } },
    503: { description: '数据库不可用', content: { 'application/json': { schema: ReadySchema } } },
  },
});

const LivenessSchema = z
  .object({
    ok: z.literal(true),
    version: z.string().openapi({ description: '程序版本' }),
    uptimeSeconds: z.number().int().openapi({ description: '服务进程已运行的秒数' }),
    startedAt: z.string().openapi({ description: '服务进程启动时间（ISO 8601，UTC）' }),
  })
  .openapi('Liveness');

const healthRoute = createRoute({
  method: 'get',
  path: '/api/health',
  tags: TAG,
  summary:
    '存活检查（无需登录，不访问数据库）：进程在答复即为存活，附版本与运行时长；数据库是否可用见 /api/health/ready',
  responses: {
    200: { description: '存活', content: { 'application/json': { schema: LivenessSchema } } },
  },
});

const VERSION = (
  JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export function registerOperationsRoutes(app: App, deps: AppDeps): void {
  app.openapi(healthRoute, (c) => {
    const uptime = process.uptime();
    const startedAt = new Date(Date.now() - uptime * 1000).toISOString();
    return c.json(
      { ok: true as const, version: VERSION, uptimeSeconds: Math.floor(uptime), startedAt },
      200,
    );
  });
  app.openapi(backupRoute, (c) => {
    const actor = c.var.actor;
    assertMayBackup(actor);
    const out = new PassThrough();
    const now = deps.now();
    void backupToStream(deps.database, out, now)
      .then((summary) => auditBackup(deps.database.db, actor, summary, 'api'))
      .catch((e: unknown) => {
        process.stderr.write(
          `backup failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
        );
        out.destroy(e instanceof Error ? e : new Error(String(e)));
      });
    const name = `jixiao-${now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}.backup.gz`;
    return c.body(Readable.toWeb(out) as ReadableStream<Uint8Array>, 200, {
      'content-type': BACKUP_CONTENT_TYPE,
      'content-disposition': `attachment; filename="${name}"`,
    });
  });
  app.openapi(readyRoute, async (c) => {
    const database = deps.database.driver === 'pg' ? 'postgresql' : 'pglite';
    try {
      const applied = await appliedMigrations(deps.database.db);
      const schemaCurrent = applied.length === knownMigrations().length;
      return c.json({ ok: true, version: VERSION, database, schemaCurrent } as const, 200);
    } catch {
      return c.json({ ok: false, version: VERSION, database, schemaCurrent: false } as const, 503);
    }
  });
}
