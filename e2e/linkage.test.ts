// 结果应用 in the browser: the finance bureau opens the 2024 预算安排建议 (2023 grades: 投资促进局 优, 科工商信局 良,
// 文广旅体局 中), confirms one line, overrides another with an amount and a reason, exports the .xlsx; the
// investment promotion bureau's clerk then sees its lines and the bureau's decision on its 绩效目标 page.
// Then the bureau's whole path: it picks 招商引资业务工作经费 (2024) for 财政重点评价 on the external-evaluation
// screen, the sheet is scored (the worked example's inputs, sent through the same API the sheet saves with: 15a's
// own browser test covers ticking the sheet), submitted and concluded 良 80.90; the bureau opens 2025 and the
// 2025 预算安排建议 takes the external grade before the self-evaluation's 优, and the bureau confirms it.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WORKED } from '../packages/server/src/features/external-evaluations/external-evaluations.fixture.ts';
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

  it(
    'picks a project for 财政重点评价, concludes it, and confirms the 2025 proposal that follows its grade',
    async () => {
      const ctx = await newContext(env.browser, { width: 1440, height: 900 });
      const page = await ctx.newPage();
      const errors = collectPageErrors(page);
      try {
        const r = demoUser('financeReviewer');
        await loginAs(page, env.server.url, r.username, r.password);
        await chooseYear(page, `${env.server.url}/bureau/external-evaluation`, 2024);
        await page.getByTestId('ext-eval-pick').click();
        await page.getByTestId('ext-eval-pick-TZCJ-XM-001').click({ timeout: UI_TIMEOUT_MS });
        await page
          .getByTestId('ext-eval-evaluator-dialog')
          .getByRole('button', { name: /确定选取/ })
          .click();
        await page.getByTestId('ext-eval-drawer').getByText('待启动').waitFor();
        const concluded = await page.evaluate(async (inputs) => {
          const csrf = /(?:^|;\s*)jixiao_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
          const call = async (method: string, url: string, body?: unknown) => {
            const res = await fetch(url, {
              method,
              headers: {
                'content-type': 'application/json',
                'X-CSRF-Token': decodeURIComponent(csrf),
              },
              ...(body === undefined ? {} : { body: JSON.stringify(body) }),
            });
            return (await res.json()) as Record<string, unknown>;
          };
          const list = (await call('GET', '/api/external-evaluations?year=2024')) as unknown as {
            id: string;
            projectCode: string | null;
          }[];
          const id = list.find((e) => e.projectCode === 'TZCJ-XM-001')!.id;
          const one = `/api/external-evaluations/${id}`;
          await call('POST', `${one}/start`);
          await call('PUT', `${one}/sheet`, {
            rows: inputs.map((input, i) => ({
              position: i + 1,
              input,
              deductionReason: '见佐证材料',
              evidence: ['评价底稿'],
            })),
          });
          await call('POST', `${one}/submit`);
          const done = await call('POST', `${one}/conclude`, { opinion: '同意评价结论' });
          await call('POST', '/api/regions/440105/fiscal-years', { year: 2025 });
          return [done['status'], done['total'], done['grade']];
        }, WORKED as unknown[]);
        expect(concluded).toEqual(['concluded', '80.90', '良']);

        await chooseYear(page, `${env.server.url}/bureau/linkage`, 2025);
        const row = rowOf(page, 'TZCJ-XM-001');
        await row.waitFor({ timeout: UI_TIMEOUT_MS });
        const text = (await row.textContent()) ?? '';
        expect(text).toContain('80.90');
        expect(text).toContain('保障');
        expect(text).not.toContain('优先保障');
        await row.getByTestId('linkage-confirm').click();
        await row.getByText('已确认').waitFor({ timeout: UI_TIMEOUT_MS });
        await expect(row.textContent()).resolves.toContain('85.00 万元');
        expect(errors).toEqual([]);
      } finally {
        await ctx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
