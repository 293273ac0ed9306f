// npm run screenshots: builds the web UI, starts the real server with the demo, and writes the main page of every
// role journey at 1280, 1440 and 1920 px wide as docs/screenshots/<page>-<width>.png (the clerk's and the head's
// department pages, the bureau's, the administrators'), plus the 1440 px pictures the README shows under their
// plain names (login, dashboard, self-evaluation, report-preview, bureau-overview).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '../packages/web/src/app/roles.ts';
import { DEMO_DEPARTMENT, demoUser } from './demo-users.ts';
import { ROOT, launchBrowser, loginAs, newContext, startServer } from './harness.ts';
import { pageReady } from './walk-checks.ts';

const OUT = path.join(ROOT, 'docs/screenshots');
const WIDTHS = [1280, 1440, 1920] as const;
const HEIGHT = 900;
const dept = `/dept/${DEMO_DEPARTMENT}`;

/** The pages pictured: file name, who opens it, where; `readme` also writes the plain name at 1440 px. */
const PAGES: { name: string; role: Role | null; path: string; readme?: string }[] = [
  { name: 'login', role: null, path: '/login', readme: 'login' },
  { name: 'dashboard', role: 'clerk', path: `${dept}/dashboard`, readme: 'dashboard' },
  { name: 'goals', role: 'clerk', path: `${dept}/goals` },
  { name: 'execution', role: 'clerk', path: `${dept}/execution` },
  { name: 'monitoring', role: 'clerk', path: `${dept}/monitoring` },
  { name: 'evaluation', role: 'clerk', path: `${dept}/evaluation`, readme: 'self-evaluation' },
  { name: 'report', role: 'clerk', path: `${dept}/report`, readme: 'report-preview' },
  { name: 'evaluation-head', role: 'deptHead', path: `${dept}/evaluation` },
  {
    name: 'bureau-overview',
    role: 'financeReviewer',
    path: '/bureau/overview',
    readme: 'bureau-overview',
  },
  { name: 'bureau-review', role: 'financeReviewer', path: '/bureau/review' },
  { name: 'bureau-monitoring', role: 'financeReviewer', path: '/bureau/monitoring' },
  { name: 'admin-home', role: 'systemAdmin', path: '/admin/home' },
  { name: 'admin-accounts', role: 'systemAdmin', path: '/admin/accounts' },
  { name: 'admin-accounts-security', role: 'securityAdmin', path: '/admin/accounts' },
  { name: 'admin-roles', role: 'securityAdmin', path: '/admin/roles' },
  { name: 'admin-audit', role: 'auditAdmin', path: '/admin/audit' },
];

function log(s: string): void {
  process.stdout.write(`${s}\n`);
}

/** Let fonts, charts (canvas) and antd's animations settle before the picture. */
async function settle(page: Page): Promise<void> {
  if (!page.url().endsWith('/login')) {
    await pageReady(page);
  }
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600);
}

async function shootRole(browser: Browser, url: string, role: Role | null): Promise<void> {
  const ctx = await newContext(browser, { width: WIDTHS[0], height: HEIGHT }, { year: 2023 });
  const page = await ctx.newPage();
  try {
    if (role) {
      const u = demoUser(role);
      await loginAs(page, url, u.username, u.password);
    }
    for (const p of PAGES.filter((x) => x.role === role)) {
      await page.goto(`${url}${p.path}`);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: HEIGHT });
        await settle(page);
        const file = path.join(OUT, `${p.name}-${width}.png`);
        await page.screenshot({ path: file });
        log(`[screenshots] ${path.relative(ROOT, file)}`);
        if (p.readme && width === 1440) {
          await page.screenshot({ path: path.join(OUT, `${p.readme}.png`) });
        }
      }
    }
  } finally {
    await ctx.close();
  }
}

async function main(): Promise<void> {
  log('[screenshots] vite build packages/web');
  const build = spawnSync('npx', ['vite', 'build', 'packages/web', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    throw new Error('vite build failed');
  }
  fs.mkdirSync(OUT, { recursive: true });
  log('[screenshots] starting the server with the demo…');
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    for (const role of [...new Set(PAGES.map((p) => p.role))]) {
      await shootRole(browser, server.url, role);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`[screenshots] failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
