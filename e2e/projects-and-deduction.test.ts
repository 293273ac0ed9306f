// Planning a new year and reviewing a score in the browser: the finance bureau opens next year; the clerk picks it,
// creates a 一级 and a 二级 project (a duplicate code is refused beside the field), renames one, and creates the
// project's goal set with it. The department head deducts 2 points with a reason on the 2023 自评表: the preview,
// the indicator's score and the total move, and the row shows who deducted and why.
import { d } from '@jixiao/core/decimal';
import { describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENT, demoUser } from './demo-users.ts';
import {
  BROWSER_TEST_TIMEOUT_MS,
  collectPageErrors,
  loginAs,
  newContext,
  UI_TIMEOUT_MS,
  choose,
  useServerAndBrowser,
} from './harness.ts';

/** Next calendar year in China Standard Time: the latest year the bureau may open, and still open for goals. */
function nextYear(): number {
  return new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1;
}

describe('projects of a new year and a deduction on the 自评表 (env.browser)', () => {
  const env = useServerAndBrowser();

  it(
    'the bureau opens next year; the clerk creates projects in it and a project goal set',
    async () => {
      const year = nextYear();
      const ctx = await newContext(env.browser);
      const page = await ctx.newPage();
      const errors = collectPageErrors(page);
      try {
        const reviewer = demoUser('financeReviewer');
        await loginAs(page, env.server.url, reviewer.username, reviewer.password);
        await page.getByTestId('open-fiscal-year').click();
        const dialog = page.getByRole('dialog', { name: '开启预算年度' });
        await dialog.getByTestId('fiscal-year-input').fill(String(year));
        await dialog.getByRole('button', { name: '开启预算年度' }).click();
        await page.getByText(`${year} 年度已开启`).waitFor({ timeout: UI_TIMEOUT_MS });
        await ctx.clearCookies();

        const clerk = demoUser('clerk');
        await loginAs(page, env.server.url, clerk.username, clerk.password);
        await page.getByText('自评得分', { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
        await choose(page, page.getByTestId('year-select'), `${year}年度`);
        await page.getByRole('link', { name: '项目管理', exact: true }).click();
        const table = page.getByTestId('project-list');
        await table.getByText('本年度还没有项目').waitFor();

        await page.getByTestId('create-project').click();
        let form = page.getByTestId('project-form');
        await form.getByTestId('project-code').fill('TZCJ-XM-101');
        await form.getByTestId('project-name').fill('重点产业链招商专项经费');
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /保\s*存/ })
          .click();
        await page.getByText('项目已新建').waitFor();
        await table.locator('tr', { hasText: 'TZCJ-XM-101' }).waitFor();

        // a 二级 project under it; first with a taken code, refused beside the field
        await page.getByTestId('create-project').click();
        form = page.getByTestId('project-form');
        await form.getByTestId('project-code').fill('TZCJ-XM-101');
        await form.getByTestId('project-name').fill('产业链招商推介活动');
        await form.getByText('二级项目', { exact: true }).click();
        await choose(
          page,
          form.locator('.ant-form-item', { hasText: '上级项目' }).locator('.ant-select'),
          'TZCJ-XM-101 重点产业链招商专项经费',
        );
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /保\s*存/ })
          .click();
        await form.getByText('项目编码「TZCJ-XM-101」已被使用').waitFor();
        await form.getByTestId('project-code').fill('TZCJ-XM-101-01');
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /保\s*存/ })
          .click();
        await page.getByText('项目已新建').last().waitFor();
        const child = table.locator('tr', { hasText: 'TZCJ-XM-101-01' });
        await child.waitFor();
        expect(await child.textContent()).toContain('二级项目');

        // rename the 一级 project
        await page.getByTestId('edit-project-TZCJ-XM-101').click();
        await page
          .getByTestId('project-form')
          .getByTestId('project-name')
          .fill('重点产业链招商专项经费（2）');
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /保\s*存/ })
          .click();
        await table.getByText('重点产业链招商专项经费（2）').waitFor();

        // the project's goal set, created with the id the list gives
        await page.getByRole('link', { name: '绩效目标', exact: true }).click();
        await page.getByTestId('create-goal').click();
        const goalDialog = page.getByRole('dialog', { name: '新建绩效目标' });
        await choose(
          page,
          goalDialog.locator('.ant-select').first(),
          'TZCJ-XM-101 重点产业链招商专项经费（2）',
        );
        await goalDialog.locator('textarea').fill(`${year}年度：引进产业链重点项目不少于 5 个。`);
        await goalDialog.getByRole('button', { name: /保\s*存/ }).click();
        await page.locator('.jx-goal-item', { hasText: '重点产业链招商专项经费（2）' }).waitFor();
        expect(errors).toEqual([]);
      } finally {
        await ctx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'the department head deducts 2 points with a reason; score, total and who/when follow',
    async () => {
      const ctx = await newContext(env.browser);
      const page = await ctx.newPage();
      const errors = collectPageErrors(page);
      try {
        const head = demoUser('deptHead');
        await loginAs(page, env.server.url, head.username, head.password);
        await page.goto(`${env.server.url}/dept/${DEMO_DEPARTMENT}/evaluation`);
        // the newest year with projects is the default; the demo's scores are in 2023
        await choose(page, page.getByTestId('year-select'), '2023年度');
        await page.getByTestId('live-total').waitFor();
        await page.getByTestId('eval-tab-project:TZCJ-XM-001').click();
        await page.getByText('项目支出绩效自评表').waitFor();
        const row = page.locator('tr', { hasText: '举办和参加招商推介活动场次' });
        const scoreCell = row.locator('td.jx-sheet-score');
        const scoreBefore = ((await scoreCell.textContent()) ?? '').trim();
        const totalBefore = ((await page.getByTestId('live-total').textContent()) ?? '').trim();
        expect(scoreBefore).toMatch(/^\d+\.\d{2}$/);
        const scoreAfter = d(scoreBefore).minus(2).toFixed(2);
        const totalAfter = d(totalBefore).minus(2).toFixed(2);

        await row.getByRole('button', { name: /扣分/ }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByTestId('deduction-points').fill('2');
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await dialog.getByText('扣分须填写理由').waitFor();
        await dialog.getByTestId('deduction-reason').fill('两场推介活动无签到表等佐证材料');
        await expect
          .poll(async () => (await dialog.getByTestId('deduction-preview').textContent()) ?? '')
          .toBe(`该指标得分 ${scoreBefore} → ${scoreAfter}；总分 ${totalBefore} → ${totalAfter}`);
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await page.getByText('扣分已保存').waitFor();

        await expect
          .poll(async () => ((await scoreCell.textContent()) ?? '').trim(), {
            timeout: UI_TIMEOUT_MS,
          })
          .toBe(scoreAfter);
        await expect
          .poll(async () => ((await page.getByTestId('live-total').textContent()) ?? '').trim(), {
            timeout: UI_TIMEOUT_MS,
          })
          .toBe(totalAfter);
        const note = row.locator('.jx-sheet-deduction');
        await expect
          .poll(async () => (await note.textContent()) ?? '', { timeout: UI_TIMEOUT_MS })
          .toContain('扣 2 分：两场推介活动无签到表等佐证材料');
        expect(await note.textContent()).toContain(`${head.username} 于`);

        // kept after a reload
        await page.reload();
        await page.getByTestId('eval-tab-project:TZCJ-XM-001').click();
        await expect
          .poll(
            async () =>
              (
                (await page
                  .locator('tr', { hasText: '举办和参加招商推介活动场次' })
                  .locator('td.jx-sheet-score')
                  .textContent()) ?? ''
              ).trim(),
            { timeout: UI_TIMEOUT_MS },
          )
          .toBe(scoreAfter);
        expect(errors).toEqual([]);
      } finally {
        await ctx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
