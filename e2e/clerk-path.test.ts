// The department clerk's day: dashboard → 绩效自评 → type an actual (the score moves as it is typed, by core's
// engine in the env.browser) → save → the value is kept → 自评报告 shows it → download the .docx.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
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

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

describe('clerk: from an actual value to the downloaded report (env.browser)', () => {
  const env = useServerAndBrowser();

  it(
    'enters 举办和参加招商推介活动场次 = 10 (target ≥ 12, weight 15): 12.50 live, saved, in the report, downloaded',
    async () => {
      const ctx = await newContext(env.browser, undefined, { year: 2023 });
      const page = await ctx.newPage();
      const errors = collectPageErrors(page);
      try {
        const clerk = demoUser('clerk');
        await loginAs(page, env.server.url, clerk.username, clerk.password);
        await page.getByText('自评得分', { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });

        await page.getByRole('link', { name: '绩效自评', exact: true }).click();
        await page.getByTestId('live-total').waitFor();
        await page.getByTestId('eval-tab-project:TZCJ-XM-001').click();
        await page.getByText('项目支出绩效自评表').waitFor();
        const row = page.locator('tr', { hasText: '举办和参加招商推介活动场次' });
        const input = row.locator('input').first();
        const before = await input.inputValue();
        const totalBefore = await text(page, 'live-total');
        expect(totalBefore).toMatch(/^\d+\.\d{2}$/);

        await input.fill('10');
        const scoreCell = row.locator('td.jx-sheet-score');
        await expect
          .poll(async () => (await scoreCell.textContent())?.trim(), { timeout: UI_TIMEOUT_MS })
          .toBe('12.50');
        await expect
          .poll(() => text(page, 'live-total'), { timeout: UI_TIMEOUT_MS })
          .not.toBe(totalBefore);
        const liveTotal = await text(page, 'live-total');
        expect(before).not.toBe('10');

        await row
          .locator('textarea')
          .fill('两场推介会因场地原因顺延至次年一季度。改进措施：提前锁定场地。');
        await page.getByTestId('eval-save').click();
        await page.getByText('已保存 1 项指标').waitFor({ timeout: UI_TIMEOUT_MS });

        await page.reload();
        await page.getByTestId('eval-tab-project:TZCJ-XM-001').click();
        const savedRow = page.locator('tr', { hasText: '举办和参加招商推介活动场次' });
        await expect
          .poll(() => savedRow.locator('input').first().inputValue(), { timeout: UI_TIMEOUT_MS })
          .toBe('10');
        expect(await text(page, 'live-total')).toBe(liveTotal);

        await page.getByRole('link', { name: '自评报告', exact: true }).click();
        const preview = page.getByTestId('report-preview');
        await preview.locator('h1').waitFor({ timeout: UI_TIMEOUT_MS });
        expect(await preview.locator('h1').textContent()).toContain('海珠区投资促进局');
        await expect
          .poll(async () => (await preview.textContent()) ?? '', { timeout: UI_TIMEOUT_MS })
          .toContain(liveTotal);

        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: 120_000 }),
          page.getByTestId('download-docx').click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/\.docx$/);
        const file = await download.path();
        const head = fs.readFileSync(file).subarray(0, 2).toString('latin1');
        expect(head).toBe('PK');
        expect(fs.statSync(file).size).toBeGreaterThan(5_000);
        expect(errors).toEqual([]);
      } finally {
        await ctx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'uploads a ledger with mistakes (XHR with progress) and is told row by row, nothing imported',
    async () => {
      const ctx = await newContext(env.browser, undefined, { year: 2023 });
      const page = await ctx.newPage();
      try {
        const clerk = demoUser('clerk');
        await loginAs(page, env.server.url, clerk.username, clerk.password);
        await page.goto(`${env.server.url}/dept/${DEMO_DEPARTMENT}/execution`);
        await page.getByRole('tab', { name: '支出台账' }).click();
        const totalLine = page.getByText(/共 \d+ 笔，合计/);
        await totalLine.waitFor({ timeout: UI_TIMEOUT_MS });
        const before = await totalLine.textContent();

        await page.getByRole('tab', { name: '数据导入' }).click();
        const csv = [
          '支付日期,项目编码,项目名称,经济分类,金额,摘要,凭证号',
          '2023-13-01,TZCJ-XM-001,招商引资业务工作经费,30201,abc,办公用品,V-E2E-1',
          '2023-02-01,NOPE-000,不存在的项目,30201,100.00,测试,V-E2E-2',
        ].join('\n');
        await page
          .locator(
            '[data-testid="import-ledger"] input[type=file], .ant-upload-wrapper:has([data-testid="import-ledger"]) input[type=file]',
          )
          .first()
          .setInputFiles({
            name: '台账-有错误.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(csv, 'utf8'),
          });
        const alert = page.locator('.ant-alert-error', { hasText: '导入未完成' });
        await alert.waitFor({ timeout: 60_000 });
        expect(await alert.locator('tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(2);
        expect(await alert.textContent()).toMatch(/\b2\b/);

        await page.getByRole('tab', { name: '支出台账' }).click();
        await expect
          .poll(() => page.getByText(/共 \d+ 笔，合计/).textContent(), { timeout: UI_TIMEOUT_MS })
          .toBe(before);
      } finally {
        await ctx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
