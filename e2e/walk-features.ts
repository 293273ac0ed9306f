// The feature checks of issue 18 part B that ride on the workspace walk's server (e2e/walk.test.ts): each is a
// function of the running server and browser, so the walk file starts the demo only once.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { weightedRate } from '../packages/web/src/modules/bureau/overview-stats.ts';
import type { OverviewRow } from '../packages/web/src/api/types.ts';
import { DEMO_DEPARTMENT, demoUser } from './demo-users.ts';
import { choose, loginAs, newContext } from './harness.ts';
import { pageReady } from './walk-checks.ts';

async function signedIn(
  browser: Browser,
  url: string,
  role: Parameters<typeof demoUser>[0],
  width = 1440,
  lang: 'zh' | 'en' = 'zh',
): Promise<Page> {
  const ctx = await newContext(browser, { width, height: 900 }, { year: 2023 });
  const page = await ctx.newPage();
  const u = demoUser(role);
  await loginAs(page, url, u.username, u.password);
  await page.evaluate((l) => localStorage.setItem('jixiao.lang', l), lang);
  return page;
}

/** §1: the security administrator is offered roles and locks, never a new account or a reset; the system
 * administrator creates an account and sees its password once. */
export async function adminScreens(browser: Browser, url: string): Promise<void> {
  const sec = await signedIn(browser, url, 'securityAdmin');
  await sec.goto(`${url}/admin/accounts`);
  await pageReady(sec);
  await sec.getByTestId('account-setRole-tzcj_clerk').waitFor();
  expect(await sec.getByTestId('account-create').count()).toBe(0);
  expect(await sec.getByTestId('account-resetPassword-tzcj_clerk').count()).toBe(0);
  expect(await sec.locator('[data-testid^="account-"][data-testid$="-auditadmin"]').count()).toBe(
    0,
  );
  await sec.context().close();

  const sys = await signedIn(browser, url, 'systemAdmin');
  await sys.goto(`${url}/admin/accounts`);
  await pageReady(sys);
  expect(await sys.getByTestId('account-setRole-tzcj_clerk').count()).toBe(0);
  await sys.getByTestId('account-create').click();
  await sys.getByTestId('account-username').fill('walk_new');
  await sys.getByTestId('account-name').fill('新同事');
  await choose(sys, sys.getByTestId('account-department'), '广州市海珠区投资促进局');
  await sys.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect
    .poll(async () => ((await sys.getByTestId('generated-password').textContent()) ?? '').length)
    .toBeGreaterThan(8);
  await sys.context().close();
}

/** §2: the audit log searched by a Chinese action name; the export's times are the screen's. */
export async function auditInWords(browser: Browser, url: string): Promise<void> {
  const page = await signedIn(browser, url, 'auditAdmin');
  await page.goto(`${url}/admin/audit`);
  await pageReady(page);
  await page.getByTestId('audit-action').fill('登录');
  await expect
    .poll(async () => page.locator('[data-testid="audit-table"] tbody .ant-tag').allTextContents())
    .toEqual(expect.arrayContaining([expect.stringContaining('登录')]));
  const tags = await page.locator('[data-testid="audit-table"] tbody .ant-tag').allTextContents();
  expect(tags.every((x) => x.includes('登录') && !x.includes('.'))).toBe(true);
  const first = page.locator('[data-testid="audit-table"] tbody tr.ant-table-row').first();
  const seq = ((await first.locator('td').nth(1).textContent()) ?? '').trim();
  const at = ((await first.locator('td').nth(2).textContent()) ?? '').trim();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('audit-export').click(),
  ]);
  const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...lines] = csv.trimEnd().split('\r\n');
  expect(header).toContain('北京时间');
  expect(lines.find((l) => l.startsWith(`${seq},`))).toContain(`,${at},`);
  await page.context().close();
}

/** §4, §6, §7: 偏差原因 and 得分 on screen at 1280/1440, 操作 on screen, the weighted rate, English words. */
export async function layoutsAndWords(browser: Browser, url: string): Promise<void> {
  for (const width of [1280, 1440]) {
    const page = await signedIn(browser, url, 'clerk', width);
    await page.goto(`${url}/dept/${DEMO_DEPARTMENT}/evaluation`);
    await pageReady(page);
    const wrap = page.locator('.jx-sheet-wrap').first();
    const { scroll, client } = await wrap.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
    }));
    expect(scroll, `sheet at ${width}`).toBeLessThanOrEqual(client + 1);
    for (const head of ['偏差原因分析及改进措施', '得分']) {
      const box = await page.locator('.jx-sheet th', { hasText: head }).first().boundingBox();
      expect(box!.x + box!.width, `${head} at ${width}`).toBeLessThanOrEqual(width);
    }
    await page.context().close();
  }
  const rev = await signedIn(browser, url, 'financeReviewer');
  await rev.goto(`${url}/bureau/overview`);
  await pageReady(rev);
  const ops = await rev
    .locator('[data-testid="overview-table"] th', { hasText: /^操作$/ })
    .first()
    .boundingBox();
  expect(ops!.x + ops!.width).toBeLessThanOrEqual(1440);
  const rows = (await (
    await rev.request.get(`${url}/api/overview?year=2023`)
  ).json()) as OverviewRow[];
  const stat = rev.locator('.ant-statistic', { hasText: '按预算加权' });
  expect((await stat.textContent()) ?? '').toContain(weightedRate(rows)!);
  await rev.context().close();

  const en = await signedIn(browser, url, 'clerk', 1440, 'en');
  await en.goto(`${url}/dept/${DEMO_DEPARTMENT}/evaluation`);
  await pageReady(en);
  const sheet = (await en.locator('#jx-main').textContent()) ?? '';
  // (万元 typed by the department in notes and units is its own text)
  for (const word of ['产出指标', '数量指标', '满意度指标', '：优', 'funds（万元）']) {
    expect(sheet, word).not.toContain(word);
  }
  expect(sheet).toContain('Output');
  expect(sheet).toContain('(10k yuan)');
  expect(sheet).toContain('Excellent');
  await en.goto(`${url}/dept/${DEMO_DEPARTMENT}/execution`);
  await pageReady(en);
  expect((await en.locator('#jx-main').textContent()) ?? '').not.toContain('一般公共预算');
  await en.context().close();
}
