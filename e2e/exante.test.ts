// 事前绩效评估 in the browser, end to end: the clerk registers and scores a new 2024 project (live total and
// conclusion), the bureau returns it with an opinion, the clerk revises and resubmits, the system administrator
// creates an evaluator account for the 第三方机构 the bureau registered, the bureau sends the item to it, the
// evaluator (after the forced password change) sees only that item and scores it, the conclusion lands, and the
// 年初 budget line the gate refused before is accepted. Screenshots at 1440 px: docs/screenshots/exante-*.png.
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultExAnteTemplate, templatePoints } from '../packages/core/src/exante/index.ts';
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
const CODE = 'TZCJ-XM-2024-09';
const NAME = '园区智慧招商服务平台';
const POINTS = templatePoints(defaultExAnteTemplate('PROJECT'));

async function signedIn(
  env: { browser: import('playwright-core').Browser },
  url: string,
  user: string,
  pw: string,
) {
  const ctx = await newContext(env.browser, VIEW);
  await ctx.addInitScript(() => localStorage.setItem('jixiao.year', '2024'));
  const page = await ctx.newPage();
  await loginAs(page, url, user, pw);
  return { ctx, page };
}

/** Fills every leaf point: full marks except the `cut` first ones, which get `low` and a note. */
async function fillSheet(page: Page, cut: number, low: string): Promise<void> {
  for (const [i, p] of POINTS.entries()) {
    await page.getByTestId(`score-${p.code}`).fill(i < cut ? low : p.weight);
    if (i < cut) {
      await page.getByTestId(`note-${p.code}`).fill('可行性论证不充分，需补充测算依据');
    }
  }
}

/** A JSON or form request with the session's CSRF token (what the web client sends). */
async function apiCall(page: Page, method: string, url: string, csv?: string) {
  return page.evaluate(
    async ({ method, url, csv }) => {
      const m = /(?:^|;\s*)jixiao_csrf=([^;]+)/.exec(document.cookie);
      const headers: Record<string, string> = m?.[1]
        ? { 'X-CSRF-Token': decodeURIComponent(m[1]) }
        : {};
      let body: FormData | undefined;
      if (csv !== undefined) {
        body = new FormData();
        body.append('file', new File([csv], 'budget-2024.csv'));
      }
      const r = await fetch(url, { method, headers, body });
      return {
        status: r.status,
        body: (await r.json()) as { error?: { code: string; message: string } },
      };
    },
    { method, url, csv },
  );
}

async function openItem(page: Page, base: string): Promise<void> {
  await page.goto(`${base}`);
  const row = page.getByTestId('exante-list').locator('tr', { hasText: CODE });
  await row.waitFor({ timeout: UI_TIMEOUT_MS });
  await row.click();
  await page.getByTestId('exante-drawer').getByText(NAME).first().waitFor();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SHOTS, `exante-${name}.png`) });
}

describe('事前绩效评估 in the browser (env.browser)', () => {
  const env = useServerAndBrowser();

  it(
    'clerk scores → bureau returns → clerk revises → third party concludes → the budget line is accepted',
    async () => {
      const url = env.server.url;
      const contexts: BrowserContext[] = [];
      try {
        // 1. the clerk registers the project and scores it: 80.00 → 调整完善后予以支持, live
        const clerk = demoUser('clerk');
        const c = await signedIn(env, url, clerk.username, clerk.password);
        contexts.push(c.ctx);
        const errors = collectPageErrors(c.page);
        const deptExante = `${url}/dept/${DEMO_DEPARTMENT}/exante`;
        await c.page.goto(deptExante);
        await c.page.getByTestId('exante-register').click();
        await c.page.getByTestId('exante-code').fill(CODE);
        await c.page.getByTestId('exante-name').fill(NAME);
        await c.page.getByTestId('exante-amount').fill('6000000');
        await c.page
          .getByTestId('exante-register-dialog')
          .getByRole('button', { name: /确\s*定|OK/ })
          .click();
        await openItem(c.page, deptExante);
        await fillSheet(c.page, 4, '0');
        const live = c.page.getByTestId('exante-live-total');
        await expect.poll(() => live.textContent(), { timeout: UI_TIMEOUT_MS }).toContain('80.00');
        expect(await live.textContent()).toContain('调整完善后予以支持');
        // 佐证材料: a PDF on the first point (type-checked by the server), listed in the drawer
        await c.page
          .getByTestId('exante-evidence')
          .locator('input[type=file]')
          .setInputFiles({
            name: '可行性研究报告.pdf',
            mimeType: 'application/pdf',
            buffer: Buffer.from('%PDF-1.4\n% 可行性研究报告\n'),
          });
        await c.page.getByTestId('exante-evidence').getByText('可行性研究报告.pdf').waitFor();
        await live.scrollIntoViewIfNeeded();
        await shot(c.page, 'score');
        await c.page.getByTestId('exante-submit').click();
        await c.page.getByText('待财政审核').first().waitFor();
        const refused = await apiCall(
          c.page,
          'POST',
          `/api/departments/${DEMO_DEPARTMENT}/imports/budgets?year=2024`,
          `项目编码,项目名称,类型(年初/调整),金额(元),日期,文号,原因\n${CODE},${NAME},年初,6000000.00,2024-01-10,海财预〔2024〕9号,`,
        );
        expect(refused.status).toBe(409);
        expect(refused.body.error?.code).toBe('EXANTE_BUDGET_BLOCKED');

        // 2. the bureau returns it with an opinion and registers the 第三方机构
        const rev = demoUser('financeReviewer');
        const b = await signedIn(env, url, rev.username, rev.password);
        contexts.push(b.ctx);
        await openItem(b.page, `${url}/bureau/exante`);
        await b.page.getByTestId('exante-opinion').fill('请补充可行性研究和测算依据');
        await shot(b.page, 'review');
        await b.page.getByTestId('exante-return').click();
        await b.page.getByText('已退回').first().waitFor();
        await b.page.keyboard.press('Escape');
        await b.page.getByTestId('exante-agencies').click();
        await b.page.getByTestId('exante-agency-code').fill('KSKJ');
        await b.page.getByTestId('exante-agency-name').fill('云南昆审会计师事务所');
        await b.page.getByTestId('exante-agency-add').click();
        await b.page
          .getByTestId('exante-agency-list')
          .getByText('KSKJ 云南昆审会计师事务所')
          .waitFor();
        await b.page.keyboard.press('Escape');

        // 3. the clerk revises (a new version) and resubmits: 90.00
        await openItem(c.page, deptExante);
        await c.page.getByText('请补充可行性研究和测算依据').first().waitFor();
        await fillSheet(c.page, 2, '0');
        await expect.poll(() => live.textContent(), { timeout: UI_TIMEOUT_MS }).toContain('90.00');
        await c.page.getByTestId('exante-submit').click();
        await c.page.getByText('待财政审核').first().waitFor();

        // 4. the system administrator creates the evaluator's account (password shown once)
        const adm = demoUser('systemAdmin');
        const a = await signedIn(env, url, adm.username, adm.password);
        contexts.push(a.ctx);
        await a.page.goto(`${url}/admin/agency-accounts`);
        await choose(a.page, a.page.getByTestId('agency-account-agency'), '云南昆审会计师事务所');
        await a.page.getByTestId('agency-account-username').fill('ks_eval');
        await a.page.getByTestId('agency-account-name').fill('昆审 评估员');
        await a.page.getByTestId('agency-account-create').click();
        const pwBox = a.page.getByTestId('agency-account-password');
        await pwBox.waitFor();
        const given = ((await pwBox.textContent()) ?? '').trim();
        expect(given.length).toBeGreaterThanOrEqual(12);
        await a.page.getByTestId('agency-accounts').getByText('昆审 评估员（ks_eval）').waitFor();
        await shot(a.page, 'accounts');

        // 5. the bureau sends the item to the third party
        await openItem(b.page, `${url}/bureau/exante`);
        await choose(b.page, b.page.getByTestId('exante-agency'), '云南昆审会计师事务所');
        await b.page.getByTestId('exante-assign').click();
        await b.page.getByText('第三方评估中').first().waitFor();

        // 6. the evaluator changes the given password, sees only this item, scores it: 92.00 → 予以支持
        const tctx = await newContext(env.browser, VIEW);
        contexts.push(tctx);
        const t = await tctx.newPage();
        await loginAs(t, url, 'ks_eval', given);
        await t.getByTestId('password-change-page').waitFor();
        await t.getByTestId('password-current').fill(given);
        await t.getByTestId('password-new').fill('Kunshen#Eval2024');
        await t.getByTestId('password-repeat').fill('Kunshen#Eval2024');
        await t.getByTestId('password-submit').click();
        await t.waitForURL((u) => u.pathname === '/admin/exante', { timeout: UI_TIMEOUT_MS });
        const rows = t.getByTestId('exante-list').locator('tbody tr.ant-table-row');
        await rows.first().waitFor();
        expect(await rows.count()).toBe(1);
        expect(await t.getByTestId('exante-list').textContent()).not.toContain('TZCJ-XM-2024-01');
        const other = await apiCall(
          t,
          'GET',
          `/api/departments/${DEMO_DEPARTMENT}/projects?year=2024`,
        );
        expect(other.status).toBe(403);
        await openItem(t, `${url}/admin/exante`);
        await t.getByTestId('exante-evidence').getByText('可行性研究报告.pdf').waitFor();
        await fillSheet(t, 4, '3');
        await expect
          .poll(() => t.getByTestId('exante-live-total').textContent())
          .toContain('92.00');
        await t.getByTestId('exante-submit').click();
        await t.getByTestId('exante-conclusion').getByText('予以支持').waitFor();
        await shot(t, 'third-party');

        // 7. the conclusion lands for the department; the budget line is accepted now
        await openItem(c.page, deptExante);
        await c.page.getByTestId('exante-conclusion').getByText('予以支持').waitFor();
        expect(await c.page.getByTestId('exante-drawer').textContent()).toContain('第三方评估');
        await shot(c.page, 'concluded');
        const accepted = await apiCall(
          c.page,
          'POST',
          `/api/departments/${DEMO_DEPARTMENT}/imports/budgets?year=2024`,
          `项目编码,项目名称,类型(年初/调整),金额(元),日期,文号,原因\n${CODE},${NAME},年初,6000000.00,2024-01-10,海财预〔2024〕9号,`,
        );
        expect(accepted.status).toBe(200);
        expect(errors).toEqual([]);
      } finally {
        for (const ctx of contexts) {
          await ctx.close();
        }
      }
    },
    BROWSER_TEST_TIMEOUT_MS * 2,
  );
});
