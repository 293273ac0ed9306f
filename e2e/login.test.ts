// Signing in as each demo role lands on that role's start page; a wrong password is explained on the form;
// the session ends with "退出登录". Runs the real server and Debian's Chromium.
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_DEPARTMENT } from './demo-users.ts';
import {
  BROWSER_TEST_TIMEOUT_MS,
  collectPageErrors,
  loginAs,
  newContext,
  UI_TIMEOUT_MS,
  useServerAndBrowser,
} from './harness.ts';

const START_PAGE: Record<string, { path: RegExp; heading: string }> = {
  clerk: { path: new RegExp(`/dept/${DEMO_DEPARTMENT}/dashboard$`), heading: '工作台' },
  deptHead: { path: new RegExp(`/dept/${DEMO_DEPARTMENT}/dashboard$`), heading: '工作台' },
  financeReviewer: { path: /\/bureau\/overview$/, heading: '部门总览' },
  systemAdmin: { path: /\/admin\/home$/, heading: '系统管理' },
  securityAdmin: { path: /\/admin\/home$/, heading: '系统管理' },
  auditAdmin: { path: /\/admin\/home$/, heading: '系统管理' },
};

describe('login (env.browser)', () => {
  const env = useServerAndBrowser();

  for (const account of DEMO_ACCOUNTS) {
    it(
      `signs in as ${account.role} (${account.username}) and lands on its start page`,
      async () => {
        const ctx = await newContext(env.browser, undefined, { year: 2023 });
        const page = await ctx.newPage();
        const errors = collectPageErrors(page);
        try {
          await loginAs(page, env.server.url, account.username, account.password);
          const start = START_PAGE[account.role]!;
          await page.waitForURL((u) => start.path.test(u.pathname), { timeout: UI_TIMEOUT_MS });
          await expect
            .poll(() => page.locator('h1').first().textContent(), { timeout: UI_TIMEOUT_MS })
            .toContain(start.heading);
          await expect(page.getByTestId('user-menu').textContent()).resolves.toBeTruthy();
          expect(errors).toEqual([]);
        } finally {
          await ctx.close();
        }
      },
      BROWSER_TEST_TIMEOUT_MS,
    );
  }

  it(
    'shows the server’s message beside the form for a wrong password, and Enter submits',
    async () => {
      const ctx = await newContext(env.browser, undefined, { year: 2023 });
      const page = await ctx.newPage();
      try {
        await page.goto(`${env.server.url}/login`);
        await page.getByTestId('login-username').fill(DEMO_ACCOUNTS[0]!.username);
        await page.getByTestId('login-password').fill('definitely-not-the-password');
        await page.keyboard.press('Enter');
        const alert = page.getByTestId('login-error');
        await alert.waitFor({ timeout: UI_TIMEOUT_MS });
        expect(await alert.textContent()).toContain('登录失败');
        expect(new URL(page.url()).pathname).toBe('/login');
      } finally {
        await ctx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'validates the form before sending (empty fields name what is missing)',
    async () => {
      const ctx = await newContext(env.browser, undefined, { year: 2023 });
      const page = await ctx.newPage();
      let posted = 0;
      page.on('request', (r) => {
        if (r.url().endsWith('/api/auth/login')) {
          posted += 1;
        }
      });
      try {
        await page.goto(`${env.server.url}/login`);
        await page.getByTestId('login-submit').click();
        await page.getByText('请输入用户名').waitFor({ timeout: UI_TIMEOUT_MS });
        await page.getByText('请输入密码').waitFor({ timeout: UI_TIMEOUT_MS });
        expect(posted).toBe(0);
      } finally {
        await ctx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'switches to English (dictionary and antd en_US) and keeps the choice after signing in',
    async () => {
      const ctx = await newContext(env.browser, undefined, { year: 2023 });
      const page = await ctx.newPage();
      try {
        await page.goto(`${env.server.url}/login`);
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: UI_TIMEOUT_MS });
        await page.getByTestId('login-submit').click();
        await page.getByText('Enter your username').waitFor({ timeout: UI_TIMEOUT_MS });
        const a = DEMO_ACCOUNTS.find((x) => x.role === 'financeReviewer')!;
        await loginAs(page, env.server.url, a.username, a.password);
        await expect
          .poll(() => page.locator('h1').first().textContent(), { timeout: UI_TIMEOUT_MS })
          .toContain('Departments');
        await page
          .getByRole('columnheader', { name: 'Execution rate' })
          .or(page.getByRole('columnheader', { name: 'Rate' }))
          .first()
          .waitFor({ timeout: UI_TIMEOUT_MS });
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
        expect(await page.locator('body').textContent()).toContain('36,628.61 (10k yuan)');
      } finally {
        await ctx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'signs out and protects pages again',
    async () => {
      const ctx = await newContext(env.browser, undefined, { year: 2023 });
      const page = await ctx.newPage();
      try {
        const a = DEMO_ACCOUNTS[0]!;
        await loginAs(page, env.server.url, a.username, a.password);
        await page.getByTestId('user-menu').click();
        await page.getByText('退出登录').click();
        await page.waitForURL((u) => u.pathname === '/login', { timeout: UI_TIMEOUT_MS });
        await page.goto(`${env.server.url}/dept/${DEMO_DEPARTMENT}/evaluation`);
        await page.waitForURL((u) => u.pathname === '/login', { timeout: UI_TIMEOUT_MS });
        expect(new URL(page.url()).searchParams.get('next')).toBe(
          `/dept/${DEMO_DEPARTMENT}/evaluation`,
        );
      } finally {
        await ctx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
