// Issue 18 (part A) in the browser, one server for the file: the self-evaluation's sign-off clerk → head → bureau
// with the head's deduction and the shared history, 部门整体 in 新建绩效目标, target changes and new goal sets refused
// for an ended or submitted year, the 待办 centre, 运行监控's month, and 替换已导入月份 with its preview.
import type { BrowserContext, Page } from 'playwright-core';
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
import type { Role } from '../packages/web/src/app/roles.ts';

const VIEW = { width: 1440, height: 900 };

/** A signed-in page of this role on this fiscal year. */
async function signedIn(
  env: ReturnType<typeof useServerAndBrowser>,
  role: Role,
  year: number,
): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const ctx = await newContext(env.browser, VIEW, { year });
  const page = await ctx.newPage();
  const errors = collectPageErrors(page);
  const u = demoUser(role);
  await loginAs(page, env.server.url, u.username, u.password);
  return { ctx, page, errors };
}

/** A JSON call with the page's session (and its CSRF token on writes). */
async function call(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ([m, u, b]) => {
      const csrf = /(?:^|;\s*)jixiao_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const res = await fetch(u as string, {
        method: m as string,
        headers: { 'content-type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) },
        ...(b === undefined ? {} : { body: JSON.stringify(b) }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    [method, url, body] as const,
  );
}

const confirmPopover = (page: Page) => page.locator('.ant-popconfirm .ant-btn-primary').click();

describe('issue 18 A: workflow, to-dos, monitoring month, safe imports (browser)', () => {
  const env = useServerAndBrowser();
  const evaluationUrl = () => `${env.server.url}/dept/${DEMO_DEPARTMENT}/evaluation`;
  const goalsUrl = () => `${env.server.url}/dept/${DEMO_DEPARTMENT}/goals`;

  it(
    'self-evaluation: clerk → 部门负责人 (deducts, signs off) → 财政局, one history with who and when',
    async () => {
      const clerk = await signedIn(env, 'clerk', 2023);
      const head = await signedIn(env, 'deptHead', 2023);
      const bureau = await signedIn(env, 'financeReviewer', 2023);
      try {
        await clerk.page.goto(evaluationUrl());
        await clerk.page.getByTestId('live-total').waitFor();
        await clerk.page.getByTestId('eval-submit').click();
        await confirmPopover(clerk.page);
        await clerk.page.getByText('已提交部门负责人审核').first().waitFor();
        await clerk.page.getByTestId('eval-at-head').waitFor();
        await expect
          .poll(() => clerk.page.getByTestId('eval-submit').count(), { timeout: UI_TIMEOUT_MS })
          .toBe(0);

        await head.page.goto(evaluationUrl());
        await head.page.getByTestId('live-total').waitFor({ timeout: 120_000 });
        await head.page.getByTestId('eval-at-head').waitFor({ timeout: 120_000 });
        await head.page.getByTestId('deduct-1').click();
        await head.page.getByTestId('deduction-points').fill('1');
        await head.page.getByTestId('deduction-reason').fill('佐证材料不全，扣 1 分');
        await head.page.locator('.ant-modal .ant-btn-primary').click();
        await head.page.getByTestId('deduction-1').getByText('佐证材料不全').waitFor();
        await head.page.getByTestId('eval-head-approve').click();
        await confirmPopover(head.page);
        await head.page.getByText('已审核通过并报送财政局').first().waitFor();

        await bureau.page.goto(evaluationUrl());
        await bureau.page.getByTestId('eval-accept').click();
        await bureau.page.getByText('已审核通过').first().waitFor();
        const history = bureau.page.getByTestId('eval-history');
        await expect
          .poll(async () => (await history.textContent()) ?? '', { timeout: UI_TIMEOUT_MS })
          .toMatch(/填报员[\s\S]*负责人[\s\S]*绩效审核员/);
        expect(await history.locator('.ant-timeline-item').count()).toBe(3);
        expect([...clerk.errors, ...head.errors, ...bureau.errors]).toEqual([]);
      } finally {
        await Promise.all([clerk.ctx.close(), head.ctx.close(), bureau.ctx.close()]);
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'goals: 部门整体 is created in 新建绩效目标; an ended year disables it with the reason; a submitted year refuses target changes',
    async () => {
      const bureau = await signedIn(env, 'financeReviewer', 2024);
      const clerk = await signedIn(env, 'clerk', 2024);
      try {
        const year = new Date().getFullYear();
        const opened = await call(bureau.page, 'POST', '/api/regions/440105/fiscal-years', {
          year,
        });
        expect(opened.status).toBe(201);

        // 2024: ended and accepted — no new goal set (reason shown), no change of a locked target.
        await clerk.page.goto(goalsUrl());
        await clerk.page.getByTestId('create-goal-reason').waitFor();
        expect(await clerk.page.getByTestId('create-goal-reason').textContent()).toContain(
          '2024 年度已结束',
        );
        await expect(clerk.page.getByTestId('create-goal').isDisabled()).resolves.toBe(true);
        await clerk.page
          .getByRole('button', { name: /^申请调整 / })
          .first()
          .click();
        await clerk.page.locator('.ant-modal #newValue').fill('1');
        await clerk.page.locator('.ant-modal #reason').fill('实际情况变化，申请调低目标值');
        await clerk.page.locator('.ant-modal .ant-btn-primary').click();
        const refusal = clerk.page.locator('.ant-modal [role="alert"]');
        await refusal.waitFor();
        expect(await refusal.textContent()).toContain('年度自评已提交，不能再申请调整绩效目标');
        await clerk.page.keyboard.press('Escape');

        // The current year: 部门整体 (the first choice) is created.
        await clerk.page.evaluate((y) => localStorage.setItem('jixiao.year', String(y)), year);
        await clerk.page.goto(goalsUrl());
        await clerk.page.getByTestId('create-goal').click();
        await clerk.page
          .locator('.ant-modal textarea')
          .fill('全面完成年度招商引资任务，优化营商环境。');
        await clerk.page.locator('.ant-modal .ant-btn-primary').click();
        await clerk.page.getByText('已保存').first().waitFor();
        await expect(
          clerk.page.locator('.ant-modal').getByText('请选择部门整体或项目').count(),
        ).resolves.toBe(0);
        const listing = await call(
          clerk.page,
          'GET',
          `/api/departments/${DEMO_DEPARTMENT}/goals?year=${year}`,
        );
        const goals = listing.body['goals'] as { projectId: string | null }[];
        expect(goals.some((g) => g.projectId === null)).toBe(true);
        expect([...clerk.errors, ...bureau.errors]).toEqual([]);
      } finally {
        await Promise.all([clerk.ctx.close(), bureau.ctx.close()]);
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
  it(
    '待办 on the start pages; 运行监控 and the dashboard on the cut-off month; 替换已导入月份 previewed, confirmed, undone',
    async () => {
      const clerk = await signedIn(env, 'clerk', 2023);
      const bureau = await signedIn(env, 'financeReviewer', 2023);
      try {
        // 待办 on the bureau's start page (the 2023 self-evaluation accepted above: nothing to review)
        await bureau.page.goto(`${env.server.url}/bureau/overview`);
        await bureau.page.getByTestId('todo-centre').waitFor();

        // The clerk's 工作台: the 待办 centre, and the warning card says which month it counts (2023 has ended:
        // its last cut-off month, July) — the month 运行监控 opens on.
        await clerk.page.goto(`${env.server.url}/dept/${DEMO_DEPARTMENT}/dashboard`);
        await clerk.page.getByTestId('todo-centre').waitFor();
        await expect
          .poll(
            async () => (await clerk.page.getByTestId('dash-warnings-title').textContent()) ?? '',
          )
          .toContain('截至 7 月');
        await clerk.page.goto(`${env.server.url}/dept/${DEMO_DEPARTMENT}/monitoring`);
        const month = clerk.page.getByTestId('monitoring-month');
        await expect
          .poll(async () => (await month.textContent()) ?? '', { timeout: UI_TIMEOUT_MS })
          .toContain('1–7月');
        expect(await clerk.page.getByTestId('monitoring-not-cutoff').count()).toBe(0);

        // 替换已导入月份: refused first (no CLI flag named), then the preview, the confirmation, the undo.
        await clerk.page.goto(`${env.server.url}/dept/${DEMO_DEPARTMENT}/execution`);
        await clerk.page.getByRole('tab', { name: '数据导入' }).click();
        const december = [
          '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号',
          '2023-12-28,TZCJ-XM-001,招商引资业务工作经费,30215 会议费,100.00,更正后的十二月,GK2023-12001',
        ].join('\n');
        await clerk.page
          .locator(
            '[data-testid="import-ledger"] input[type=file], .ant-upload-wrapper:has([data-testid="import-ledger"]) input[type=file]',
          )
          .first()
          .setInputFiles({
            name: '十二月.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(december),
          });
        const conflict = clerk.page.locator('[role=alert]', { hasText: '已有支出台账数据' });
        await conflict.waitFor();
        expect(await conflict.textContent()).not.toMatch(/replace-month|replace=true/);
        await clerk.page.getByTestId('replace-preview-open').click();
        const preview = clerk.page.getByTestId('replace-preview');
        await preview.waitFor();
        expect(await preview.textContent()).toContain('12月');
        expect(await clerk.page.getByTestId('replace-rate').textContent()).toMatch(
          /%\s*→\s*[\d.]+%/,
        );
        await clerk.page.locator('#replace-confirm').click();
        await clerk.page.getByTestId('import-restore').first().click();
        await confirmPopover(clerk.page);
        await clerk.page.getByText('已恢复被替换的数据').first().waitFor();
        expect([...clerk.errors, ...bureau.errors]).toEqual([]);
      } finally {
        await Promise.all([clerk.ctx.close(), bureau.ctx.close()]);
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
