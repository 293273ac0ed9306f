// GET /api/admin/backup (system administrator only; the file restores) GET /api/health (liveness) and /api/health/ready (no sign-in).
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { Actor } from '../../auth/actor.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { backupLines } from './backup-file.ts';
import { readHeader } from './restore.service.ts';

const sysadmin: Actor = {
  userId: 'u-sys',
  username: 'sysadmin',
  displayName: '系统管理员',
  role: 'systemAdmin',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};

describeEachDb('operations routes', (use) => {
  const app = (actor?: Actor) =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2026-12-03T04:05:00Z') },
      actor ? { testActor: actor } : {},
    );

  it('the system administrator downloads a backup that restore accepts; the download is audited', async () => {
    const res = await app(sysadmin).request('/api/admin/backup');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/gzip');
    expect(res.headers.get('content-disposition')).toContain('jixiao-20261203-0405.backup.gz');
    const body = Buffer.from(await res.arrayBuffer());
    const lines: string[] = [];
    for await (const line of backupLines(Readable.from([body]))) {
      lines.push(line);
    }
    const read = await readHeader(
      (async function* () {
        yield* lines;
      })(),
    );
    expect(read.header.format).toBe('jixiao-backup');
    expect(lines.at(-1)).toMatch(/^#end /);
    await expect
      .poll(async () =>
        queryRows<{ n: number }>(
          use().db,
          sql`select count(*)::int as n from audit_log where action = 'database.backup' and actor_username = 'sysadmin'`,
        ).then((r) => Number(r[0]?.n)),
      )
      .toBe(1);
  }, 300_000);

  it('refuses every other role (三员分立)', async () => {
    for (const role of ['auditAdmin', 'securityAdmin', 'financeReviewer', 'clerk'] as const) {
      const res = await app({ ...sysadmin, role }).request('/api/admin/backup');
      expect(res.status, role).toBe(403);
    }
  }, 300_000);

  it('answers readiness without a session: database reachable, version, schema current', async () => {
    const res = await app().request('/api/health/ready');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: true, schemaCurrent: true });
    expect(body['version']).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(body).sort()).toEqual(['database', 'ok', 'schemaCurrent', 'version']);
  }, 300_000);

  it('answers liveness without a session and without the database: version and uptime', async () => {
    const res = await app().request('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(body['uptimeSeconds']).toEqual(expect.any(Number));
    expect(Date.parse(String(body['startedAt']))).toBeLessThanOrEqual(Date.now());
  });
});
