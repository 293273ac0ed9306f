// The finance-bureau reviewer: the region's departments (sortable table, grade chart) → every department's report
// in one zip (打包下载全部报告) → one department → its report preview; then the same report through the reviewer
// (findings beside the text).
import fs from 'node:fs';
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

describe('reviewer: from the overview to a department’s report (env.browser)', () => {
  const env = useServerAndBrowser();

  it(
    'opens 广州市海珠区投资促进局 from the overview and reads its report',
    async () => {
      const ctx = await newContext(env.browser, undefined, { year: 2023 });
      const page = await ctx.newPage();
      const errors = collectPageErrors(page);
      try {
        const r = demoUser('financeReviewer');
        await loginAs(page, env.server.url, r.username, r.password);
        const table = page.getByTestId('overview-table');
        await table.locator('tbody tr.ant-table-row').first().waitFor({ timeout: UI_TIMEOUT_MS });
        const rows = await table.locator('tbody tr.ant-table-row').count();
        expect(rows).toBeGreaterThanOrEqual(3);
        await expect(table.textContent()).resolves.toContain('36,628.61 万元');
        await page.getByTestId('grade-chart').locator('canvas').waitFor({ timeout: UI_TIMEOUT_MS });

        // 打包下载全部报告: the background job's progress bar, then the zip of every department's report
        const downloaded = page.waitForEvent('download', { timeout: 180_000 });
        await page.getByTestId('district-download-button').click();
        await page.getByTestId('district-progress').waitFor({ timeout: UI_TIMEOUT_MS });
        const zip = await downloaded;
        expect(zip.suggestedFilename()).toMatch(/^2023年度.+部门整体支出绩效自评报告\.zip$/);
        expect(fs.statSync((await zip.path())!).size).toBeGreaterThan(10_000);

        await table.getByRole('link', { name: '广州市海珠区投资促进局' }).click();
        await page.waitForURL((u) => u.pathname === `/dept/${DEMO_DEPARTMENT}/dashboard`, {
          timeout: UI_TIMEOUT_MS,
        });
        await page.getByText('自评得分', { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });

        await page.getByRole('tab', { name: '自评报告' }).click();
        const preview = page.getByTestId('report-preview');
        await preview.locator('h1').waitFor({ timeout: UI_TIMEOUT_MS });
        expect(await preview.locator('h1').textContent()).toBe(
          '2023年度广州市海珠区投资促进局整体支出绩效自评报告',
        );
        expect(await page.getByTestId('report-edit-mode').count()).toBe(0);

        await page.getByTestId('report-review').click();
        await page.getByTestId('review-findings').waitFor({ timeout: 120_000 });
        expect(errors).toEqual([]);
      } finally {
        await ctx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'reviews the generated report on the review page: text with line numbers, findings beside it',
    async () => {
      const ctx = await newContext(env.browser, undefined, { year: 2023 });
      const page = await ctx.newPage();
      try {
        const r = demoUser('financeReviewer');
        await loginAs(page, env.server.url, r.username, r.password);
        await page.goto(`${env.server.url}/bureau/review`);
        await page.getByTestId('review-dept').click();
        await page.getByTitle('广州市海珠区投资促进局').click();
        await page.getByTestId('review-generated').click();
        const textBox = page.getByTestId('review-text');
        await textBox.waitFor({ timeout: 120_000 });
        expect(await textBox.textContent()).toContain('海珠区投资促进局');
        await page.getByTestId('review-findings').waitFor();
      } finally {
        await ctx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'returns a submitted self-evaluation with a comment, and the clerk reads it on the 自评表 page',
    async () => {
      const comment = '请补充“企业诉求按期办结率”未达标的改进措施，并核对执行率表述。';
      const clerkCtx = await newContext(env.browser, undefined, { year: 2023 });
      const clerkPage = await clerkCtx.newPage();
      const revCtx = await newContext(env.browser, undefined, { year: 2023 });
      const revPage = await revCtx.newPage();
      try {
        const c = demoUser('clerk');
        await loginAs(clerkPage, env.server.url, c.username, c.password);
        await clerkPage.goto(`${env.server.url}/dept/${DEMO_DEPARTMENT}/evaluation`);
        await clerkPage.getByTestId('live-total').waitFor({ timeout: UI_TIMEOUT_MS });
        await clerkPage.getByTestId('eval-submit').click();
        await clerkPage
          .locator('.ant-popconfirm')
          .getByRole('button', { name: '确 定' })
          .or(clerkPage.locator('.ant-popconfirm').getByRole('button', { name: '确定' }))
          .first()
          .click();
        // The lasting state, not the toast (已提交部门负责人审核), which is gone after three seconds: a loaded CI
        // machine once missed it.
        await clerkPage
          .locator('.ant-tag', { hasText: '待负责人审核' })
          .first()
          .waitFor({ timeout: 2 * UI_TIMEOUT_MS });

        // 部门负责人审核通过 → 报送财政局 (clerk → head → bureau)
        const h = demoUser('deptHead');
        await loginAs(revPage, env.server.url, h.username, h.password);
        await revPage.goto(`${env.server.url}/dept/${DEMO_DEPARTMENT}/evaluation`);
        await revPage.getByTestId('eval-head-approve').click();
        await revPage.locator('.ant-popconfirm .ant-btn-primary').click();
        await revPage.getByText('已审核通过并报送财政局').waitFor({ timeout: UI_TIMEOUT_MS });
        await revPage.context().clearCookies();

        const r = demoUser('financeReviewer');
        await loginAs(revPage, env.server.url, r.username, r.password);
        await revPage.goto(`${env.server.url}/bureau/overview`);
        const table = revPage.getByTestId('overview-table');
        await expect
          .poll(
            async () =>
              (await table.locator('tr', { hasText: '广州市海珠区投资促进局' }).textContent()) ??
              '',
            { timeout: UI_TIMEOUT_MS },
          )
          .toContain('已提交');
        await revPage.goto(`${env.server.url}/dept/${DEMO_DEPARTMENT}/evaluation`);
        await revPage.getByTestId('eval-return').click();
        await revPage.getByTestId('return-comment').fill(comment);
        await revPage.locator('#return-confirm').click();
        await revPage.getByText('已退回部门修改').waitFor({ timeout: UI_TIMEOUT_MS });

        await clerkPage.reload();
        const note = clerkPage.getByTestId('review-comment');
        await note.waitFor({ timeout: UI_TIMEOUT_MS });
        expect(await note.textContent()).toContain(comment);
        await clerkPage.locator('.ant-tag', { hasText: '已退回' }).first().waitFor();
      } finally {
        await clerkCtx.close();
        await revCtx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
