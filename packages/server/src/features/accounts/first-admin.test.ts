// Start-up on an empty database: the first administrator (generated password printed once, or the configured one;
// a weak configured one stops the start) and the indicator library; both idempotent. A generated password must be
// changed at the first sign-in (only the change is allowed until then); a configured one is not forced.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { BUILTIN_TEMPLATE_COUNT } from '../indicator-library/indicator-library.service.ts';
import { TestClient, errorOf } from '../../http/test-client.ts';
import { verifyPassword } from '../../auth/password.ts';
import { ensureFirstAdminAtStart, runStartupTasks } from './first-admin.ts';

describeEachDb(
  'start-up hooks',
  (use) => {
    let adminPassword = '';

    it('a weak JIXIAO_ADMIN_PASSWORD stops the start with a clear message', async () => {
      const deps = {
        database: use(),
        config: loadConfig({ JIXIAO_ADMIN_PASSWORD: 'adminadmin12' }),
        now: () => new Date('2024-01-01T00:00:00Z'),
      };
      await expect(ensureFirstAdminAtStart(deps, () => undefined)).rejects.toThrow(
        'JIXIAO_ADMIN_PASSWORD 不符合密码规则',
      );
    });

    it('first start: library seeded, administrator "admin" created with a password printed once', async () => {
      const lines: string[] = [];
      const deps = {
        database: use(),
        config: loadConfig({}),
        now: () => new Date('2024-01-01T00:00:00Z'),
      };
      await runStartupTasks(deps, (s) => lines.push(s));
      const line = lines.find((l) => l.includes('admin')) ?? '';
      expect(line).toContain('首次登录须修改');
      const printed =
        /initial password \(shown once, must be changed at the first sign-in\): (\S+)$/.exec(line);
      expect(printed).not.toBeNull();
      const rows = await queryRows<{
        role: string;
        region_code: string;
        password_hash: string;
        must_change_password: boolean;
      }>(
        use().db,
        sql`select role, region_code, password_hash, must_change_password from users where username = 'admin'`,
      );
      expect(rows.map((r) => [r.role, r.region_code, r.must_change_password])).toEqual([
        ['systemAdmin', '*', true],
      ]);
      expect(await verifyPassword(printed![1]!, rows[0]!.password_hash)).toBe(true);
      adminPassword = printed![1]!;
      expect(lines.some((l) => l.includes(`${BUILTIN_TEMPLATE_COUNT} templates added`))).toBe(true);
      const again: string[] = [];
      await runStartupTasks(deps, (s) => again.push(s));
      expect(again).toEqual([]);
      const n = await queryRows<{ n: number }>(
        use().db,
        sql`select count(*)::int as n from indicator_templates`,
      );
      expect(Number(n[0]!.n)).toBe(BUILTIN_TEMPLATE_COUNT);
      const audit = await queryRows<{
        action: string;
        actor_username: string;
        after: { mustChangePassword: boolean; firstAdministrator: boolean };
      }>(
        use().db,
        sql`select action, actor_username, after from audit_log where action like 'user.%'`,
      );
      expect(
        audit.map((a) => [
          a.action,
          a.actor_username,
          a.after.firstAdministrator,
          a.after.mustChangePassword,
        ]),
      ).toEqual([['user.create', 'system', true, true]]);
    });

    it('the generated password signs in, but the administrator must change it before anything else', async () => {
      const now = new Date('2024-01-01T01:00:00Z');
      const app = createApp({ database: use(), config: loadConfig({}), now: () => now });
      const admin = new TestClient(app);
      const login = await admin.login('admin', adminPassword);
      expect(login.status).toBe(200);
      expect((login.body as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
      expect(
        ((await admin.get('/api/auth/me')).body as { mustChangePassword: boolean })
          .mustChangePassword,
      ).toBe(true);
      const refused = await admin.get('/api/users');
      expect(refused.status).toBe(403);
      expect(errorOf(refused)).toMatchObject({
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: '首次登录或密码被重置后，须先修改密码',
      });
      const changed = await admin.post('/api/auth/password', {
        current: adminPassword,
        next: 'Haizhu#Bureau2024',
      });
      expect(changed.status, changed.text).toBe(200);
      expect(
        ((await admin.get('/api/auth/me')).body as { mustChangePassword: boolean })
          .mustChangePassword,
      ).toBe(false);
      expect((await admin.get('/api/users')).status).toBe(200);
      const flag = await queryRows<{ must_change_password: boolean }>(
        use().db,
        sql`select must_change_password from users where username = 'admin'`,
      );
      expect(flag[0]!.must_change_password).toBe(false);
    });
  },
  'empty',
);

describeEachDb(
  'start-up hooks with JIXIAO_ADMIN_PASSWORD',
  (use) => {
    it('a configured administrator password was chosen by the operator: not printed, no forced change', async () => {
      const now = new Date('2024-01-01T00:00:00Z');
      const lines: string[] = [];
      const deps = {
        database: use(),
        config: loadConfig({ JIXIAO_ADMIN_PASSWORD: 'Haizhu#Operator2024' }),
        now: () => now,
      };
      await ensureFirstAdminAtStart(deps, (s) => lines.push(s));
      expect(lines).toEqual([
        '[jixiao] 已创建系统管理员 admin（密码取自 JIXIAO_ADMIN_PASSWORD）/ created administrator "admin" (password from JIXIAO_ADMIN_PASSWORD)',
      ]);
      const rows = await queryRows<{ must_change_password: boolean }>(
        use().db,
        sql`select must_change_password from users where username = 'admin'`,
      );
      expect(rows.map((r) => r.must_change_password)).toEqual([false]);
      const admin = new TestClient(createApp({ ...deps, now: () => now }));
      const login = await admin.login('admin', 'Haizhu#Operator2024');
      expect(login.status).toBe(200);
      expect((login.body as { mustChangePassword: boolean }).mustChangePassword).toBe(false);
      expect((await admin.get('/api/users')).status).toBe(200);
    });
  },
  'empty',
);
