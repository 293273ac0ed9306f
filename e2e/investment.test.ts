// The investment module in the browser: the board's columns count the pipeline, a lead moves to 洽谈 from
// its card (and the column counts follow), a backward move without a reason is refused in Chinese, the
// list filters and pages, the decomposition ranks the units with its charts, and the indicators read
// 336 / 170 live from the records. The finance bureau can look but not move.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENT, demoUser } from './demo-users.ts';
import {
  collectPageErrors,
  loginAs,
  newContext,
  UI_TIMEOUT_MS,
  choose,
  useServerAndBrowser,
} from './harness.ts';

async function count(page: Page, stage: string): Promise<number> {
  return Number(((await page.getByTestId(`board-count-${stage}`).textContent()) ?? '').trim());
}

describe('investment pipeline and target decomposition (env.browser)', () => {
  const env = useServerAndBrowser();
  const base = () => `${env.server.url}/dept/${DEMO_DEPARTMENT}/investment`;

  it('clerk: the board counts the pipeline; a lead moves to 洽谈 from its card; a backward move needs a reason', async () => {
    const ctx = await newContext(env.browser, undefined, { year: 2023 });
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    try {
      const c = demoUser('clerk');
      await loginAs(page, env.server.url, c.username, c.password);
      await page.getByRole('link', { name: '招商项目', exact: true }).click();
      await page.getByTestId('board-count-OPERATING').waitFor();
      expect(await count(page, 'OPERATING')).toBe(40);
      const leads = await count(page, 'LEAD');
      const negotiating = await count(page, 'NEGOTIATING');

      await page.getByTestId('board-col-LEAD').locator('.jx-inv-card').first().click();
      const drawer = page.getByTestId('project-drawer');
      await drawer.getByText('阶段变更记录').waitFor();
      await choose(page, drawer.getByTestId('move-to'), '洽谈');
      await drawer.getByTestId('move-date').click();
      await page.keyboard.type('2023-12-29');
      await page.keyboard.press('Enter');
      await drawer.getByTestId('move-submit').click();
      await page.getByText('已推进至「洽谈」').waitFor();
      await expect.poll(() => count(page, 'LEAD'), { timeout: UI_TIMEOUT_MS }).toBe(leads - 1);
      expect(await count(page, 'NEGOTIATING')).toBe(negotiating + 1);
      await expect
        .poll(async () => drawer.locator('.ant-timeline-item').count(), { timeout: UI_TIMEOUT_MS })
        .toBe(2);

      await choose(page, drawer.getByTestId('move-to'), '退回：线索（更正）');
      await drawer.getByTestId('move-submit').click();
      await expect
        .poll(async () => (await drawer.getByTestId('move-error').textContent()) ?? '', {
          timeout: UI_TIMEOUT_MS,
        })
        .toContain('请填写退回原因');
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('clerk: the list filters key projects and pages on the server (20 a page)', async () => {
    const ctx = await newContext(env.browser, undefined, { year: 2023 });
    const page = await ctx.newPage();
    try {
      const c = demoUser('clerk');
      await loginAs(page, env.server.url, c.username, c.password);
      await page.goto(`${base()}?view=table`);
      await page.getByTestId('project-table').locator('tbody tr.ant-table-row').first().waitFor();
      const all = Number(
        /共 (\d+) 个项目/.exec((await page.getByTestId('project-total').textContent()) ?? '')?.[1],
      );
      expect(all).toBeGreaterThan(500);
      await choose(page, page.getByTestId('filter-key'), '重点项目');
      await expect
        .poll(
          async () =>
            Number(
              /共 (\d+) 个项目/.exec(
                (await page.getByTestId('project-total').textContent()) ?? '',
              )?.[1],
            ),
          { timeout: UI_TIMEOUT_MS },
        )
        .toBeLessThan(all);
      expect(
        await page.getByTestId('project-table').locator('tbody tr.ant-table-row').count(),
      ).toBe(20);
      const keyRows = await page
        .getByTestId('project-table')
        .locator('tbody tr.ant-table-row', { hasText: '重点' })
        .count();
      expect(keyRows).toBe(20);
    } finally {
      await ctx.close();
    }
  });

  it('decomposition: district total against the city’s 300, 22 ranked units, both charts drawn; live indicators read 170 and 8.60 from the records', async () => {
    const ctx = await newContext(env.browser, undefined, { year: 2023 });
    const page = await ctx.newPage();
    const errors = collectPageErrors(page);
    try {
      const c = demoUser('clerk');
      await loginAs(page, env.server.url, c.username, c.password);
      await page.goto(`${base()}?view=targets`);
      const view = page.getByTestId('target-decomposition');
      await view.getByTestId('ranking-chart').locator('canvas').waitFor();
      await view.getByTestId('monthly-chart').locator('canvas').waitFor();
      // One lead moved to 洽谈 on 2023-12-29 in the first test: 337.
      await expect
        .poll(async () => (await view.textContent()) ?? '', { timeout: UI_TIMEOUT_MS })
        .toMatch(/全区完成（截至12月末）33[67]\s*个/);
      const rows = view.getByTestId('decomposition-table').locator('tbody tr.ant-table-row');
      expect(await rows.count()).toBe(22);
      expect(((await rows.first().locator('td').first().textContent()) ?? '').trim()).toBe('1');

      await view.getByText('注册落地项目', { exact: true }).click();
      await expect
        .poll(async () => (await view.textContent()) ?? '', { timeout: UI_TIMEOUT_MS })
        .toMatch(/全区完成（截至12月末）170\s*个/);

      await page.goto(`${base()}?view=metrics`);
      const table = page.getByTestId('metrics-table');
      await table.locator('tbody tr.ant-table-row').first().waitFor();
      const registered = table
        .locator('tbody tr.ant-table-row', { hasText: '推动注册落地项目数' })
        .first();
      expect(((await registered.getByTestId('metric-value').textContent()) ?? '').trim()).toBe(
        '170 个',
      );
      const mean = table.locator('tbody tr.ant-table-row', { hasText: '企业诉求平均办结时长' });
      expect(((await mean.getByTestId('metric-value').textContent()) ?? '').trim()).toBe(
        '8.60 个工作日',
      );
      await registered.getByRole('button', { name: '查看项目' }).click();
      await expect
        .poll(async () => (await page.getByTestId('project-total').textContent()) ?? '', {
          timeout: UI_TIMEOUT_MS,
        })
        .toContain('共 170 个项目');
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('finance reviewer: sees the board and the decomposition, without the editing controls', async () => {
    const ctx = await newContext(env.browser, undefined, { year: 2023 });
    const page = await ctx.newPage();
    try {
      const r = demoUser('financeReviewer');
      await loginAs(page, env.server.url, r.username, r.password);
      await page.goto(`${base()}?view=board`);
      await page.getByTestId('board-count-REGISTERED').waitFor();
      await page.getByTestId('board-col-REGISTERED').locator('.jx-inv-card').first().click();
      await page.getByTestId('project-drawer').getByText('阶段变更记录').waitFor();
      expect(await page.getByTestId('move-submit').count()).toBe(0);
      await page.goto(`${base()}?view=targets`);
      await page.getByTestId('decomposition-table').waitFor();
      expect(await page.getByTestId('edit-allocation').count()).toBe(0);
    } finally {
      await ctx.close();
    }
  });
});
