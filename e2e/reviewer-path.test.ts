// The finance-bureau reviewer: the region's departments (sortable table, grade chart) → one department →
// its report preview; then the same report through the reviewer (findings beside the text).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENT, demoUser } from './demo-users.ts';
import { collectPageErrors, launchBrowser, loginAs, newContext, startServer, UI_TIMEOUT_MS, type RunningServer } from './harness.ts';

describe('reviewer: from the overview to a department’s report (browser)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens 广州市海珠区投资促进局 from the overview and reads its report', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    try {
      const r = demoUser('financeReviewer');
      await loginAs(page, server.url, r.username, r.password);
      const table = page.getByTestId('overview-table');
      await table.locator('tbody tr.ant-table-row').first().waitFor({ timeout: UI_TIMEOUT_MS });
      const rows = await table.locator('tbody tr.ant-table-row').count();
      expect(rows).toBeGreaterThanOrEqual(3);
      await expect(table.textContent()).resolves.toContain('36,628.61 万元');
      await page.getByTestId('grade-chart').locator('canvas').waitFor({ timeout: UI_TIMEOUT_MS });

      await table.getByRole('link', { name: '广州市海珠区投资促进局' }).click();
      await page.waitForURL((u) => u.pathname === `/dept/${DEMO_DEPARTMENT}/dashboard`, { timeout: UI_TIMEOUT_MS });
      await page.getByText('自评得分').waitFor({ timeout: UI_TIMEOUT_MS });

      await page.getByRole('tab', { name: '自评报告' }).click();
      const preview = page.getByTestId('report-preview');
      await preview.locator('h1').waitFor({ timeout: UI_TIMEOUT_MS });
      expect(await preview.locator('h1').textContent()).toBe('2023年度广州市海珠区投资促进局整体支出绩效自评报告');
      expect(await page.getByTestId('report-edit-mode').count()).toBe(0);

      await page.getByTestId('report-review').click();
      await page.getByTestId('review-findings').waitFor({ timeout: 120_000 });
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('reviews the generated report on the review page: text with line numbers, findings beside it', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    try {
      const r = demoUser('financeReviewer');
      await loginAs(page, server.url, r.username, r.password);
      await page.goto(`${server.url}/bureau/review`);
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
  });
});
