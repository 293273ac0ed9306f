// Forced password change in the browser: the system administrator resets the clerk's password (API, as the admin's
// session would), the clerk signs in with it and sees only 请修改初始密码 (the rules shown, the server's errors beside
// the fields, still there after a reload), changes it, and reaches the dashboard. Real server, Debian's Chromium.
import { describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENT, demoUser } from './demo-users.ts';
import {
  BROWSER_TEST_TIMEOUT_MS,
  collectPageErrors,
  loginAs,
  newContext,
  UI_TIMEOUT_MS,
  useServerAndBrowser,
} from './harness.ts';

/** Signs in over HTTP and returns a fetch that sends the session cookie and the CSRF header. */
async function apiSession(
  baseUrl: string,
  username: string,
  password: string,
): Promise<(method: string, path: string) => Promise<Response>> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) {
    throw new Error(`${username} could not sign in: ${res.status} ${await res.text()}`);
  }
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return (method, path) =>
    fetch(`${baseUrl}${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken } });
}

describe('forced password change (env.browser)', () => {
  const env = useServerAndBrowser();

  it(
    'a clerk whose password the administrator reset must change it at sign-in, then reaches the dashboard',
    async () => {
      const clerk = demoUser('clerk');
      const admin = demoUser('systemAdmin');
      const asAdmin = await apiSession(env.server.url, admin.username, admin.password);
      const accounts = (await (await asAdmin('GET', '/api/users')).json()) as {
        id: string;
        username: string;
      }[];
      const id = accounts.find((a) => a.username === clerk.username)?.id;
      expect(id).toBeTruthy();
      const reset = await asAdmin('POST', `/api/users/${id}/reset-password`);
      expect(reset.status).toBe(200);
      const { generatedPassword } = (await reset.json()) as { generatedPassword: string };

      const ctx = await newContext(env.browser);
      const page = await ctx.newPage();
      const errors = collectPageErrors(page);
      const apiCalls: string[] = [];
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.pathname.startsWith('/api/')) {
          apiCalls.push(`${r.method()} ${u.pathname}`);
        }
      });
      try {
        await loginAs(page, env.server.url, clerk.username, generatedPassword);
        const screen = page.getByTestId('password-change-page');
        await screen.waitFor({ timeout: UI_TIMEOUT_MS });
        await expect
          .poll(() => page.locator('h1').first().textContent(), { timeout: UI_TIMEOUT_MS })
          .toBe('请修改初始密码');
        // the rules as the server states them (GET /api/auth/password-rules), not text of the web's own
        await page
          .getByTestId('password-rules')
          .getByText('不能与最近 5 次使用过的密码相同')
          .waitFor({ timeout: UI_TIMEOUT_MS });
        expect(await page.getByTestId('user-menu').count()).toBe(0); // no menu, no business page
        // the server refuses business data to this session, whatever the browser asks
        const refused = await page.evaluate(async () => {
          const r = await fetch('/api/departments');
          return {
            status: r.status,
            body: (await r.json()) as { error: { code: string; message: string } },
          };
        });
        expect(refused.status).toBe(403);
        expect(refused.body.error).toMatchObject({
          code: 'PASSWORD_CHANGE_REQUIRED',
          message: '首次登录或密码被重置后，须先修改密码',
        });

        // a reload keeps the screen (GET /api/auth/me says so)
        await page.reload();
        await screen.waitFor({ timeout: UI_TIMEOUT_MS });

        // the server's rules, beside the new password field
        await page.getByTestId('password-current').fill(generatedPassword);
        await page.getByTestId('password-new').fill('alllowercaseletters');
        await page.getByTestId('password-repeat').fill('alllowercaseletters');
        await page.getByTestId('password-submit').click();
        const newItem = page.locator('.ant-form-item', { has: page.getByTestId('password-new') });
        await newItem
          .getByText('须包含大写字母、小写字母、数字、符号中的至少 3 类')
          .waitFor({ timeout: UI_TIMEOUT_MS });
        // a wrong current password, beside the current password field
        await page.getByTestId('password-current').fill('Not#TheGiven2023');
        await page.getByTestId('password-new').fill('Haizhu#Clerk2024');
        await page.getByTestId('password-repeat').fill('Haizhu#Clerk2024');
        await page.getByTestId('password-submit').click();
        const currentItem = page.locator('.ant-form-item', {
          has: page.getByTestId('password-current'),
        });
        await currentItem.getByText('当前密码不正确').waitFor({ timeout: UI_TIMEOUT_MS });
        expect(await page.getByTestId('password-error').count()).toBe(0); // both shown on their fields, nothing above
        expect(new Set(apiCalls.filter((c) => c !== 'GET /api/departments'))).toEqual(
          new Set([
            'POST /api/auth/login',
            'GET /api/auth/me',
            'GET /api/auth/password-rules',
            'POST /api/auth/password',
          ]),
        );

        await page.getByTestId('password-current').fill(generatedPassword);
        await page.getByTestId('password-submit').click();
        await page.waitForURL((u) => u.pathname === `/dept/${DEMO_DEPARTMENT}/dashboard`, {
          timeout: UI_TIMEOUT_MS,
        });
        await expect
          .poll(() => page.locator('h1').first().textContent(), { timeout: UI_TIMEOUT_MS })
          .toContain('工作台');
        await page.getByTestId('user-menu').waitFor({ timeout: UI_TIMEOUT_MS });
        expect(await screen.count()).toBe(0);

        // the new password is the clerk's now: a fresh sign-in goes straight to the dashboard
        const again = await newContext(env.browser);
        try {
          const p2 = await again.newPage();
          await loginAs(p2, env.server.url, clerk.username, 'Haizhu#Clerk2024');
          await p2.waitForURL((u) => u.pathname === `/dept/${DEMO_DEPARTMENT}/dashboard`, {
            timeout: UI_TIMEOUT_MS,
          });
          await p2.getByTestId('user-menu').waitFor({ timeout: UI_TIMEOUT_MS });
          expect(await p2.getByTestId('password-change-page').count()).toBe(0);
        } finally {
          await again.close();
        }
        expect(errors).toEqual([]);
      } finally {
        await ctx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
