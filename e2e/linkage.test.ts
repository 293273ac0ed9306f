// 结果应用 in the browser: the finance bureau opens the 2024 预算安排建议 (2023 grades: 投资促进局 优, 科工商信局 良,
// 文广旅体局 中), confirms one line, overrides another with an amount and a reason, exports the .xlsx; the
// investment promotion bureau's clerk then sees its lines and the bureau's decision on its 绩效目标 page.
// (The first half of the bureau's path — picking a project for 财政重点评价 — belongs to the external-evaluation
// screens; until they land the grades here are the self-evaluations'.)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENT, demoUser } from './demo-users.ts';
import {
  BROWSER_TEST_TIMEOUT_MS,
  collectPageErrors,
  loginAs,
  newContext,
  ROOT,
  UI_TIMEOUT_MS,
  useServerAndBrowser,
} from './harness.ts';

const rowOf = (page: Page, text: string) =>
  page.getByTestId('linkage-table').locator('tr.ant-table-row', { hasText: text });

async function chooseYear(page: Page, url: string, year: number): Promise<void> {
  await page.evaluate((y) => localStorage.setItem('jixiao.year', String(y)), year);
  await page.goto(url);
}

describe('结果应用: the bureau confirms the 预算安排建议 (env.browser)', () => {
  const env = useServerAndBrowser();

  it(
    'confirms and overrides lines, exports them, and the department sees the decision',
    async () => {
      const ctx = await newContext(env.browser, { width: 1440, height: 900 });
      const page = await ctx.newPage();
      const errors = collectPageErrors(page);
      try {
        const r = demoUser('financeReviewer');
        await loginAs(page, env.server.url, r.username, r.password);
        await chooseYear(page, `${env.server.url}/bureau/linkage`, 2024);
        const table = page.getByTestId('linkage-table');
        await table.locator('tr.ant-table-row').first().waitFor({ timeout: UI_TIMEOUT_MS });
        expect(await table.locator('tr.ant-table-row').count()).toBe(7);
        await expect(rowOf(page, 'WGLT-XM-001').textContent()).resolves.toContain('压减10%');
        await expect(rowOf(page, 'WGLT-XM-001').textContent()).resolves.toContain('2,340.00 万元');
        await expect(rowOf(page, 'TZCJ-XM-002').textContent()).resolves.toContain('优先保障');

        await rowOf(page, 'TZCJ-XM-001').getByTestId('linkage-confirm').click();
        await rowOf(page, 'TZCJ-XM-001').getByText('已确认').waitFor({ timeout: UI_TIMEOUT_MS });

        await rowOf(page, 'WGLT-XM-001').getByTestId('linkage-override').click();
        await page.getByTestId('linkage-override-amount').waitFor();
        await page.getByTestId('linkage-override-amount').fill('2470');
        await page
          .getByTestId('linkage-override-reason')
          .fill('公共文化服务为民生兜底项目，压减5%');
        await page.getByRole('button', { name: '保存调整' }).click();
        await rowOf(page, 'WGLT-XM-001').getByText('已调整').waitFor({ timeout: UI_TIMEOUT_MS });
        await expect(rowOf(page, 'WGLT-XM-001').textContent()).resolves.toContain('2,470.00 万元');

        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: 120_000 }),
          page.getByTestId('linkage-export').click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/预算安排建议.*\.xlsx$/);
        const file = await download.path();
        expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
        await page.evaluate(async () => {
          await document.fonts.ready;
        });
        await page.screenshot({
          path: path.join(ROOT, 'docs/screenshots/linkage.png'),
          fullPage: true,
        });

        const clerk = demoUser('clerk');
        await ctx.clearCookies();
        await loginAs(page, env.server.url, clerk.username, clerk.password);
        await chooseYear(page, `${env.server.url}/dept/${DEMO_DEPARTMENT}/goals`, 2024);
        const panel = page.getByTestId('linkage-panel');
        await panel.getByText('已确认').waitFor({ timeout: UI_TIMEOUT_MS });
        const text = (await panel.textContent()) ?? '';
        expect(text).toContain('招商引资业务工作经费');
        expect(text).not.toContain('公共文化服务体系建设经费');
        expect(errors).toEqual([]);
      } finally {
        await ctx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
