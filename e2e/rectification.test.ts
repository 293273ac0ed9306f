// 整改 in the browser: the clerk sees the department's 整改清单 (the demo's 2023 items); the bureau collects the
// 2024 report's problems, filters 逾期 (red), opens an item submitted for 复核 and closes it (销号).
// Screenshots at 1440 px: docs/screenshots/rectification-*.png.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENT, demoUser } from './demo-users.ts';
import {
  BROWSER_TEST_TIMEOUT_MS,
  choose,
  collectPageErrors,
  loginAs,
  newContext,
  ROOT,
  UI_TIMEOUT_MS,
  useServerAndBrowser,
} from './harness.ts';

const SHOTS = path.join(ROOT, 'docs/screenshots');
const VIEW = { width: 1440, height: 900 };

describe('整改 in the browser', () => {
  const env = useServerAndBrowser();

  it(
    'clerk list, bureau collect, 逾期 in red, 复核 销号',
    async () => {
      const url = env.server.url;
      const clerk = demoUser('clerk');
      const c = await newContext(env.browser, VIEW);
      const cp = await c.newPage();
      const clerkErrors = collectPageErrors(cp);
      await loginAs(cp, url, clerk.username, clerk.password);
      await cp.goto(`${url}/dept/${DEMO_DEPARTMENT}/rectification`);
      const list = cp.getByTestId('rect-list');
      await list.locator('tr', { hasText: '2023-整改-003' }).waitFor({ timeout: UI_TIMEOUT_MS });
      expect(await list.locator('tr', { hasText: '已销号' }).count()).toBe(2);
      await cp.screenshot({ path: path.join(SHOTS, 'rectification-list.png') });
      expect(clerkErrors).toEqual([]);
      await c.close();

      const rev = demoUser('financeReviewer');
      const b = await newContext(env.browser, VIEW);
      const page = await b.newPage();
      await loginAs(page, url, rev.username, rev.password);
      const bureauErrors = collectPageErrors(page);
      await page.goto(`${url}/bureau/rectification`);
      await page.getByTestId('rect-list').locator('tr', { hasText: '2023-整改-003' }).waitFor();
      await choose(page, page.getByTestId('rect-filter-dept'), '广州市海珠区投资促进局');
      await choose(page, page.getByTestId('rect-filter-year'), '2024');
      await page.getByTestId('rect-collect').click();
      await page.getByText('新生成整改事项 2 项').waitFor();
      await choose(page, page.getByTestId('rect-filter-status'), '逾期');
      const overdue = page.getByTestId('rect-list').getByTestId('rect-status-overdue');
      await overdue.first().waitFor();
      expect(await overdue.count()).toBe(2);
      await page.screenshot({ path: path.join(SHOTS, 'rectification-overdue.png') });

      await page
        .getByTestId('rect-filter-status')
        .locator('.ant-select-clear')
        .click({ force: true });
      await choose(page, page.getByTestId('rect-filter-year'), '2023');
      await page.getByTestId('rect-list').locator('tr', { hasText: '2023-整改-003' }).click();
      const drawer = page.getByTestId('rect-drawer');
      await drawer.getByText('2025年度部门整体绩效目标申报表').first().waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'rectification-drawer.png') });
      await drawer.getByTestId('rect-accept').click();
      // the dialog's own OK button, once it is shown (not whichever primary button is last in the page)
      const confirm = page
        .getByRole('dialog', { name: '复核通过并销号' })
        .getByRole('button', { name: '复核通过并销号' });
      await confirm.waitFor();
      await confirm.click();
      await drawer.getByTestId('rect-status-closed').first().waitFor();
      expect(bureauErrors).toEqual([]);
      await b.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
