// The whole workspace, page by page, as every demo role, in both languages (issue 18 §5, §6): each page of a role's
// menu opens without an error, shows no internal code, key or id (SCREAMING_CODES, uuids, "basic.units"), and —
// once per page, on its Chinese visit — has no serious or critical axe-core violation. The fewest visits that cover
// every page in both languages: a page two roles share is walked in Chinese by the first (the clerk, the system
// administrator) and in English by the second (the department head, the security administrator); a page of one
// role only is walked in both. Also: /api/docs renders from the app's own files (no request leaves the server).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from './demo-users.ts';
import { collectPageErrors, loginAs, newContext, useServerAndBrowser } from './harness.ts';
import { pageReady, seriousViolations, visibleCodes, type AxeViolation } from './walk-checks.ts';
import { adminScreens, auditInWords, layoutsAndWords } from './walk-features.ts';

const WALK_TIMEOUT_MS = 300_000;

/** The pages of the signed-in role's menu (links of the side menu). */
async function menuPages(page: Page): Promise<string[]> {
  await page.locator('nav .ant-menu a').first().waitFor();
  const hrefs = await page
    .locator('nav .ant-menu a')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => h.startsWith('/')))];
}

interface Finding {
  where: string;
  codes?: string[];
  axe?: AxeViolation[];
}

async function visit(
  page: Page,
  url: string,
  where: string,
  withAxe: boolean,
  findings: Finding[],
): Promise<void> {
  await page.goto(url);
  await pageReady(page);
  const codes = await visibleCodes(page);
  if (codes.length > 0) {
    findings.push({ where, codes });
  }
  if (withAxe) {
    const axe = await seriousViolations(page);
    if (axe.length > 0) {
      findings.push({ where, axe });
    }
  }
}

/** Roles whose pages a later role shares: they walk them in Chinese only, the later one in English. */
const CHINESE_ONLY = new Set(['clerk', 'systemAdmin']);

describe('workspace walk (env.browser)', () => {
  const env = useServerAndBrowser();
  /** "zh /dept/evaluation" … : which page was walked in which language (by any role). */
  const walked = new Set<string>();

  for (const account of DEMO_ACCOUNTS) {
    it(
      `${account.role}: every menu page in Chinese and English — no code on screen, no serious a11y violation`,
      async () => {
        const ctx = await newContext(env.browser, { width: 1440, height: 900 }, { year: 2023 });
        const page = await ctx.newPage();
        const errors = collectPageErrors(page);
        const findings: Finding[] = [];
        try {
          await loginAs(page, env.server.url, account.username, account.password);
          const pages = await menuPages(page);
          expect(pages.length).toBeGreaterThan(0);
          for (const lang of ['zh', 'en'] as const) {
            if (lang === 'en' && CHINESE_ONLY.has(account.role)) {
              continue;
            }
            await page.evaluate((l) => localStorage.setItem('jixiao.lang', l), lang);
            for (const p of pages) {
              const key = `${lang} ${p.replace(/^\/dept\/[^/]+/, '/dept')}`;
              if (walked.has(key)) {
                continue;
              }
              walked.add(key);
              const where = `${lang} ${p}`;
              await visit(page, `${env.server.url}${p}`, where, lang === 'zh', findings);
            }
          }
          expect(findings).toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await ctx.close();
        }
      },
      WALK_TIMEOUT_MS,
    );
  }

  it('the sign-in page in both languages, and /api/docs from the app itself', async () => {
    const ctx = await newContext(env.browser, { width: 1440, height: 900 });
    const page = await ctx.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(env.server.url) && !r.url().startsWith('data:')) {
        outside.push(r.url());
      }
    });
    const findings: Finding[] = [];
    try {
      for (const lang of ['zh', 'en']) {
        await page.goto(`${env.server.url}/login`);
        await page.evaluate((l) => localStorage.setItem('jixiao.lang', l), lang);
        await visit(page, `${env.server.url}/login`, `${lang} /login`, lang === 'zh', findings);
      }
      expect(findings).toEqual([]);
      await page.goto(`${env.server.url}/api/docs`);
      await page.locator('.swagger-ui .information-container').waitFor();
      expect(outside).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it(
    'account screens by duty (系统/安全管理员)',
    () => adminScreens(env.browser, env.server.url),
    120_000,
  );
  it(
    'the audit log searched in Chinese, exported in the screen’s time',
    () => auditInWords(env.browser, env.server.url),
    120_000,
  );
  it(
    'layouts at 1280/1440, the weighted 平均执行率, English words',
    () => layoutsAndWords(env.browser, env.server.url),
    120_000,
  );
});
