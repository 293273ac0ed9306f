// 三员分立 over HTTP, on both databases: inside the roles the access matrix allows (access-matrix.test.ts), a system
// administrator creates only business accounts, a security administrator cannot change its own role, a generated
// password signs in, disabling an account signs it out, and both read the rule table (角色与权限) in words.
import { expect, it } from 'vitest';
import { describeEachDb } from '../../db/test-db.ts';
import { TestClient, errorOf } from '../../http/test-client.ts';
import { useAccessMatrix } from './access-matrix-harness.ts';

describeEachDb('access matrix: 三员分立', (use) => {
  const { app, clients, ids } = useAccessMatrix(use);

  it('三员分立 limits inside the allowed roles', async () => {
    const sys = clients.sysadmin;
    const auditorAccount = await sys.post('/api/users', {
      username: 'new_auditor',
      displayName: '新审计员',
      role: 'auditAdmin',
    });
    expect(auditorAccount.status).toBe(403);
    expect(errorOf(auditorAccount).message).toContain('系统管理员只能创建业务账户');
    const me = (await clients.secadmin.get('/api/auth/me')).body as { user: { id: string } };
    expect(
      (await clients.secadmin.put(`/api/users/${me.user.id}/role`, { role: 'auditAdmin' })).status,
    ).toBe(400);
    // administrator roles are granted only with the CLI (separation-of-duties.test.ts has every pair)
    const grant = await clients.secadmin.put(`/api/users/${ids.target}/role`, {
      role: 'auditAdmin',
      departmentCode: '440105-CZJ',
    });
    expect(grant.status).toBe(403);
    expect(errorOf(grant).code).toBe('ADMIN_ROLE_CLI_ONLY');
    const created = await sys.post('/api/users', {
      username: 'generated_pw',
      displayName: '生成密码',
      role: 'financeReviewer',
      departmentCode: '440105-CZJ',
    });
    const pw = (created.body as { generatedPassword: string }).generatedPassword;
    expect(pw).toMatch(/^.{20}$/);
    const newcomer = new TestClient(app());
    expect((await newcomer.login('generated_pw', pw)).status).toBe(200);
    const uid = (created.body as { user: { id: string } }).user.id;
    expect((await sys.request('PATCH', `/api/users/${uid}`, { disabled: true })).status).toBe(200);
    expect((await newcomer.get('/api/auth/me')).status).toBe(401); // disabling signs the account out
    expect((await sys.request('PATCH', `/api/users/${uid}`, { disabled: false })).status).toBe(200);
    const list = (await clients.secadmin.get('/api/users')).body as { username: string }[];
    expect(JSON.stringify(list)).not.toContain('scrypt$');
  });

  it('both account administrators read the table the server enforces; no one else does', async () => {
    type Row = { area: { zh: string }; name: { zh: string; en: string }; roles: string[] };
    const table = (await clients.secadmin.get('/api/roles/permissions')).body as Row[];
    expect((await clients.sysadmin.get('/api/roles/permissions')).status).toBe(200);
    const row = (zh: string) => table.find((r) => r.name.zh === zh)?.roles;
    expect(row('编制、修改、提交绩效目标')).toEqual(['clerk']);
    expect(row('检索、导出、校验审计日志')).toEqual(['auditAdmin']);
    // 三员分立: no administrator holds a business permission, the auditor holds only the log's
    const business = table.filter((r) => r.area.zh !== '账户与安全' && r.area.zh !== '审计与运维');
    for (const r of business) {
      expect(
        r.roles.filter((x) => x.endsWith('Admin')),
        r.name.zh,
      ).toEqual([]);
    }
    // in words only: no code-like token in a name
    expect(JSON.stringify(table.map((r) => [r.area, r.name]))).not.toMatch(/[a-z]+\.[a-z]+/);
    for (const who of ['clerk', 'reviewer', 'auditadmin'] as const) {
      expect((await clients[who].get('/api/roles/permissions')).status, who).toBe(403);
    }
  });
});
