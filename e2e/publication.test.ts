// 公开 in the browser: the clerk of 区投资促进局 generates the 2024 publication package (PDFs through LibreOffice),
// an anonymous browser (no sign-in) gets 404 for its files while unpublished; the clerk records the publication
// (URL, date, screenshot); the anonymous browser then sees it on /public/440105 and downloads the files and the zip;
// the bureau sees it in its register and flags an evaluation 拟报人大. Screenshots at 1440 px.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_DEPARTMENT, demoUser } from './demo-users.ts';
import {
  BROWSER_TEST_TIMEOUT_MS,
  ROOT,
  UI_TIMEOUT_MS,
  collectPageErrors,
  loginAs,
  newContext,
  useServerAndBrowser,
} from './harness.ts';

const YEAR = 2024;
const WIDE = { width: 1440, height: 900 };
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const SHOTS = path.join(ROOT, 'docs/screenshots');

async function signedIn(browser: Browser, base: string, role: 'clerk' | 'financeReviewer') {
  const ctx = await newContext(browser, WIDE);
  const page = await ctx.newPage();
  const errors = collectPageErrors(page);
  const u = demoUser(role);
  await loginAs(page, base, u.username, u.password);
  await page.evaluate((y) => localStorage.setItem('jixiao.year', String(y)), YEAR);
  return { ctx, page, errors };
}

async function fileIds(page: Page, base: string): Promise<string[]> {
  const res = await page.request.get(
    `${base}/api/departments/${DEMO_DEPARTMENT}/publication?year=${YEAR}`,
  );
  const body = (await res.json()) as { files: { id: string }[] };
  return body.files.map((f) => f.id);
}

describe('公开: package, proof, the public page without sign-in (env.browser)', () => {
  const env = useServerAndBrowser();

  it(
    'serves the published package to an anonymous browser and nothing before',
    async () => {
      const base = env.server.url;
      const anon = await newContext(env.browser, WIDE);
      const { ctx, page, errors } = await signedIn(env.browser, base, 'clerk');
      try {
        await page.goto(`${base}/dept/${DEMO_DEPARTMENT}/publication`);
        await page.getByTestId('publication-prepare').click();
        await page
          .getByTestId('publication-files')
          .locator('tbody tr.ant-table-row')
          .first()
          .waitFor({ timeout: 240_000 });
        expect(await page.getByTestId('publication-status').textContent()).toBe('已生成，未公开');
        const ids = await fileIds(page, base);
        expect(ids.length).toBeGreaterThanOrEqual(4);

        const anonPage = await anon.newPage();
        await anonPage.goto(`${base}/public/440105`);
        await anonPage.getByText('暂无已公开').waitFor({ timeout: UI_TIMEOUT_MS });
        for (const id of ids) {
          expect((await anon.request.get(`${base}/public/440105/files/${id}`)).status()).toBe(404);
        }

        await page
          .getByTestId('publish-url')
          .fill('https://www.haizhu.gov.cn/gkmlpt/content/9/9999.html');
        await page.getByTestId('publish-date').fill('2025-06-30');
        await page
          .getByTestId('publish-screenshot')
          .setInputFiles({ name: '公开截图.png', mimeType: 'image/png', buffer: PNG });
        await page.getByTestId('publish-submit').click();
        await page.getByTestId('publication-proof').waitFor({ timeout: UI_TIMEOUT_MS });
        expect(await page.getByTestId('publication-status').textContent()).toBe('已公开');
        await page.screenshot({ path: path.join(SHOTS, 'publication.png'), fullPage: true });

        await anonPage.goto(`${base}/public/440105`);
        await anonPage
          .getByText('广州市海珠区投资促进局')
          .first()
          .waitFor({ timeout: UI_TIMEOUT_MS });
        expect(await anonPage.textContent('body')).toContain('2025-06-30');
        const links = await anonPage
          .locator('a[href*="/files/"]')
          .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
        expect(links).toHaveLength(ids.length);
        for (const href of links) {
          const res = await anon.request.get(`${base}${href}`);
          expect(res.status()).toBe(200);
        }
        const first = await anon.request.get(`${base}${links[0]!}`);
        expect(first.headers()['content-type']).toBe('application/pdf');
        expect((await first.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const zipHref = await anonPage.locator('a[href$=".zip"]').first().getAttribute('href');
        expect((await anon.request.get(`${base}${zipHref!}`)).status()).toBe(200);
        fs.mkdirSync(SHOTS, { recursive: true });
        await anonPage.screenshot({
          path: path.join(SHOTS, 'publication-public.png'),
          fullPage: true,
        });
        expect(errors).toEqual([]);
      } finally {
        await ctx.close();
        await anon.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS + 240_000,
  );

  it(
    'shows the bureau its register and lets it flag an evaluation 拟报人大',
    async () => {
      const { ctx, page, errors } = await signedIn(env.browser, env.server.url, 'financeReviewer');
      try {
        await page.goto(`${env.server.url}/bureau/publication`);
        const register = page.getByTestId('publication-register');
        await register.getByText('已公开').waitFor({ timeout: UI_TIMEOUT_MS });
        const table = page.getByTestId('npc-evaluations');
        await table.locator('tbody tr.ant-table-row').first().waitFor({ timeout: UI_TIMEOUT_MS });
        await table.getByTestId('npc-flag').first().click();
        await page.getByText('已标记拟报人大').waitFor({ timeout: UI_TIMEOUT_MS });
        const download = page.waitForEvent('download');
        await page.getByTestId('npc-summary-docx').click();
        expect((await download).suggestedFilename()).toContain('预算绩效评价情况报告.docx');
        await page.screenshot({
          path: path.join(SHOTS, 'publication-bureau.png'),
          fullPage: true,
        });
        expect(errors).toEqual([]);
      } finally {
        await ctx.close();
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
