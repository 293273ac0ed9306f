// A district from an empty install in the browser (JIXIAO_DEMO=0): the first administrator's start page points to
// the 初始化向导; it creates 广州市白云区 and its finance bureau, previews then imports the example district's
// 单位名录 (xlsx with a title row and merged cells) and its accounts (passwords shown once); one of the imported
// clerks signs in, must change the generated password, and reaches her department's dashboard. The wizard is
// captured at 1440 px into docs/screenshots/setup-wizard.png. Real server, Debian's Chromium.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BROWSER_TEST_TIMEOUT_MS,
  collectPageErrors,
  loginAs,
  newContext,
  ROOT,
  UI_TIMEOUT_MS,
  useServerAndBrowser,
} from './harness.ts';

const ADMIN_PASSWORD = 'Baiyun#Setup2025!';
const EXAMPLES = path.join(ROOT, 'examples/baiyun-2025');
const SCREENSHOT = path.join(ROOT, 'docs/screenshots/setup-wizard.png');

describe('初始化向导 on an empty install (env.browser)', () => {
  const env = useServerAndBrowser({
    env: { JIXIAO_DEMO: '0', JIXIAO_ADMIN_PASSWORD: ADMIN_PASSWORD },
  });

  it(
    'creates the region, imports the example district and its accounts; an imported clerk changes her password and reaches her dashboard',
    async () => {
      const ctx = await newContext(env.browser, { width: 1440, height: 900 });
      const page = await ctx.newPage();
      const errors = collectPageErrors(page);
      let clerkPassword = '';
      try {
        await loginAs(page, env.server.url, 'admin', ADMIN_PASSWORD);
        await page.waitForURL((u) => u.pathname === '/admin/home');
        await page.getByText('开始初始化向导').click();
        await page.waitForURL((u) => u.pathname === '/admin/setup');

        // 1 region and finance bureau (the bureau's code and name default from the region's)
        await page.getByLabel('行政区划代码').fill('440111');
        await page.getByLabel('行政区划名称').fill('广州市白云区');
        await page.getByRole('button', { name: '新建并继续' }).click();

        // 2 the 单位名录 (its staffing figures are of 2025): preview first, nothing written until confirmed
        await page.getByLabel('编制/实有人数所属年度').fill('2025');
        await page
          .locator('input[type="file"]')
          .setInputFiles(path.join(EXAMPLES, 'agencies.xlsx'));
        const preview = page.getByTestId('agencies-upload-preview');
        // The preview, or the refusal the page shows instead: a refusal fails the test with its own words.
        const refusal = page.getByTestId('row-errors');
        await preview.or(refusal).first().waitFor({ timeout: UI_TIMEOUT_MS });
        expect(await refusal.count(), (await refusal.allTextContents()).join(' / ')).toBe(0);
        await preview
          .getByText('将新建部门 3 个、所属单位 3 个', { exact: false })
          .waitFor({ timeout: UI_TIMEOUT_MS });
        await preview.getByText('└ 广州市白云区投资促进服务中心').waitFor();
        await preview.getByText('人员编制计入 2025 年', { exact: false }).waitFor();
        await page.screenshot({ path: SCREENSHOT, fullPage: false });
        const before = await page.evaluate(async () => (await fetch('/api/organisation')).json());
        expect((before as { departments: unknown[] }[]).flatMap((r) => r.departments)).toHaveLength(
          0,
        );
        await preview.getByRole('button', { name: '确认导入' }).click();
        await page
          .getByTestId('agencies-upload-done')
          .getByText('已导入「agencies.xlsx」', { exact: false })
          .waitFor();
        await page.getByRole('button', { name: '下一步' }).click();

        // 3 accounts: preview, confirm, passwords shown once
        await page.locator('input[type="file"]').setInputFiles(path.join(EXAMPLES, 'users.csv'));
        const usersPreview = page.getByTestId('users-upload-preview');
        await usersPreview.getByText('将新建 7 个账户', { exact: false }).waitFor();
        await usersPreview.getByRole('button', { name: '确认导入' }).click();
        const shown = page.getByTestId('password-by_swj_clerk');
        await shown.waitFor({ timeout: UI_TIMEOUT_MS });
        clerkPassword = ((await shown.textContent()) ?? '').trim();
        expect(clerkPassword.length).toBeGreaterThanOrEqual(12);
        await page.getByText('初始密码只显示这一次', { exact: false }).waitFor();
        await page.getByRole('button', { name: '下一步' }).click();
        await page.getByText('广州市白云区已就绪').waitFor();
        expect(errors).toEqual([]);
      } finally {
        await ctx.close();
      }

      // the imported clerk: forced password change, then her department's dashboard
      const clerkCtx = await newContext(env.browser);
      const clerk = await clerkCtx.newPage();
      const clerkErrors = collectPageErrors(clerk);
      try {
        await loginAs(clerk, env.server.url, 'by_swj_clerk', clerkPassword);
        await clerk.getByTestId('password-change-page').waitFor({ timeout: UI_TIMEOUT_MS });
        await clerk.getByTestId('password-current').fill(clerkPassword);
        await clerk.getByTestId('password-new').fill('Baiyun#Clerk2025');
        await clerk.getByTestId('password-repeat').fill('Baiyun#Clerk2025');
        await clerk.getByTestId('password-submit').click();
        await clerk.waitForURL((u) => u.pathname === '/dept/440111-SWJ/dashboard', {
          timeout: UI_TIMEOUT_MS,
        });
        await expect
          .poll(() => clerk.locator('body').textContent(), { timeout: UI_TIMEOUT_MS })
          .toContain('商务局');
        expect(clerkErrors).toEqual([]);
      } finally {
        await clerkCtx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
