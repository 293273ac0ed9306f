// Start-up on an empty database: the first administrator (generated password printed once, or the configured one;
// a weak configured one stops the start) and the indicator library; both idempotent.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { queryRows } from '../db/open-db.ts';
import { describeEachDb } from '../db/test-db.ts';
import { startupHooks } from '../startup.ts';
import { BUILTIN_TEMPLATE_COUNT } from '../services/indicator-library.service.ts';
import { verifyPassword } from './password.ts';
import { firstAdminStartupHook } from './startup-and-demo.ts';

describeEachDb('start-up hooks', (use) => {
  it('a weak JIXIAO_ADMIN_PASSWORD stops the start with a clear message', async () => {
    const deps = { database: use(), config: loadConfig({ JIXIAO_ADMIN_PASSWORD: 'adminadmin12' }), now: () => new Date('2024-01-01T00:00:00Z') };
    await expect(firstAdminStartupHook(deps, () => undefined)).rejects.toThrow('JIXIAO_ADMIN_PASSWORD 不符合密码规则');
  });

  it('first start: library seeded, administrator "admin" created with a password printed once', async () => {
    const lines: string[] = [];
    const deps = { database: use(), config: loadConfig({}), now: () => new Date('2024-01-01T00:00:00Z') };
    for (const hook of startupHooks) {
      await hook(deps, (s) => lines.push(s));
    }
    const printed = /initial password \(shown once, change it after signing in\): (\S+)$/.exec(lines.find((l) => l.includes('admin')) ?? '');
    expect(printed).not.toBeNull();
    const rows = await queryRows<{ role: string; region_code: string; password_hash: string }>(use().db, sql`select role, region_code, password_hash from users where username = 'admin'`);
    expect(rows.map((r) => [r.role, r.region_code])).toEqual([['systemAdmin', '*']]);
    expect(await verifyPassword(printed![1]!, rows[0]!.password_hash)).toBe(true);
    expect(lines.some((l) => l.includes(`${BUILTIN_TEMPLATE_COUNT} templates added`))).toBe(true);
    const again: string[] = [];
    for (const hook of startupHooks) {
      await hook(deps, (s) => again.push(s));
    }
    expect(again).toEqual([]);
    const n = await queryRows<{ n: number }>(use().db, sql`select count(*)::int as n from indicator_templates`);
    expect(Number(n[0]!.n)).toBe(BUILTIN_TEMPLATE_COUNT);
    const audit = await queryRows<{ action: string; actor_username: string }>(use().db, sql`select action, actor_username from audit_log`);
    expect(audit).toEqual([{ action: 'user.create', actor_username: 'system' }]);
  });
}, 'empty');
