// node --import tsx e2e/investment-screenshots.ts: starts the real server with the demo (the web UI must be
// built: npm run build:web) and writes docs/screenshots/pipeline-board.png and target-decomposition.png at
// 1366×768 (full page), signed in as the bureau's clerk.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_DEPARTMENT, demoUser } from './demo-users.ts';
import { ROOT, launchBrowser, loginAs, newContext, startServer, UI_TIMEOUT_MS } from './harness.ts';

const OUT = path.join(ROOT, 'docs/screenshots');

async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const c = demoUser('clerk');
    await loginAs(page, server.url, c.username, c.password);
    const base = `${server.url}/dept/${DEMO_DEPARTMENT}/investment`;

    await page.goto(`${base}?view=board`);
    await page.getByTestId('board-count-OPERATING').waitFor({ timeout: UI_TIMEOUT_MS });
    await settle(page);
    await page.screenshot({ path: path.join(OUT, 'pipeline-board.png') });
    process.stdout.write('docs/screenshots/pipeline-board.png\n');

    await page.goto(`${base}?view=targets`);
    await page.getByTestId('ranking-chart').locator('canvas').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByTestId('monthly-chart').locator('canvas').waitFor({ timeout: UI_TIMEOUT_MS });
    await settle(page);
    await page.screenshot({ path: path.join(OUT, 'target-decomposition.png') });
    process.stdout.write('docs/screenshots/target-decomposition.png\n');
    await ctx.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(
    `[investment screenshots] failed: ${e instanceof Error ? e.message : String(e)}\n`,
  );
  process.exit(1);
});
