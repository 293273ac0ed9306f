// npm run screenshots: builds the web UI, starts the real server with the demo, and writes
// docs/screenshots/{login,dashboard,self-evaluation,report-preview,bureau-overview}.png at 1366×768.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_DEPARTMENT, demoUser } from './demo-users.ts';
import { ROOT, launchBrowser, loginAs, newContext, startServer, UI_TIMEOUT_MS } from './harness.ts';

const OUT = path.join(ROOT, 'docs/screenshots');

function log(s: string): void {
  process.stdout.write(`${s}\n`);
}

/** Let fonts, charts (canvas) and antd's animations settle before the picture. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
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
    const shot = async (page: Page, name: string) => {
      await settle(page);
      const file = path.join(OUT, `${name}.png`);
      await page.screenshot({ path: file });
      log(`[screenshots] ${path.relative(ROOT, file)}`);
    };
    const dept = `/dept/${DEMO_DEPARTMENT}`;

    const anon = await newContext(browser);
    const p0 = await anon.newPage();
    await p0.goto(`${server.url}/login`);
    await p0.getByTestId('login-username').waitFor();
    await shot(p0, 'login');
    await anon.close();

    const clerkCtx = await newContext(browser);
    const clerk = await clerkCtx.newPage();
    const c = demoUser('clerk');
    await loginAs(clerk, server.url, c.username, c.password);
    await clerk.goto(`${server.url}${dept}/dashboard`);
    await clerk.getByTestId('project-chart').locator('canvas').waitFor({ timeout: UI_TIMEOUT_MS });
    await shot(clerk, 'dashboard');

    await clerk.goto(`${server.url}${dept}/evaluation`);
    await clerk.getByTestId('live-total').waitFor();
    await clerk.getByTestId('eval-tab-project:TZCJ-XM-001').click();
    await clerk.getByText('项目支出绩效自评表').waitFor();
    await shot(clerk, 'self-evaluation');

    await clerk.goto(`${server.url}${dept}/report`);
    await clerk.getByTestId('report-preview').locator('h1').waitFor();
    await shot(clerk, 'report-preview');
    await clerkCtx.close();

    const revCtx = await newContext(browser);
    const rev = await revCtx.newPage();
    const r = demoUser('financeReviewer');
    await loginAs(rev, server.url, r.username, r.password);
    await rev.goto(`${server.url}/bureau/overview`);
    await rev.getByTestId('overview-table').locator('tbody tr.ant-table-row').first().waitFor();
    await rev.getByTestId('grade-chart').locator('canvas').waitFor();
    await shot(rev, 'bureau-overview');
    await revCtx.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`[screenshots] failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
