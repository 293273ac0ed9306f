// What the workspace walk checks on every page (e2e/walk.test.ts, and e2e/screenshots.ts reuses the waiting):
// no internal code, key or id in the visible text, and no serious or critical accessibility violation (axe-core,
// evaluated from node_modules — no network).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | null = null;

/** Until the page's data arrived: a heading, and no skeleton or spinner left in the page area. */
export async function pageReady(page: Page, timeout = 30_000): Promise<void> {
  await page.locator('#jx-main h1, main h1, h1').first().waitFor({ timeout });
  await page.waitForFunction(
    () =>
      document.querySelectorAll(
        '#jx-main .ant-skeleton-active, #jx-main .ant-spin-spinning, .jx-page-fallback',
      ).length === 0,
    undefined,
    { timeout },
  );
  await page.waitForTimeout(250);
}

const FILE_OR_DOMAIN = /\.(csv|xlsx?|pdf|docx?|png|json|txt|zip|com|cn|org|gov|net|html?|md)$/i;

/**
 * Code-like tokens in the visible text: SCREAMING_CODES of 6+ characters, uuids, and dotted lowercase keys
 * ("basic.units"); file names and web addresses are not codes.
 */
export async function visibleCodes(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<![A-Za-z0-9])[A-Z][A-Z_]{5,}(?![A-Za-z0-9])/g)) {
    found.add(m[0]);
  }
  for (const m of text.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi)) {
    found.add(m[0]);
  }
  for (const m of text.matchAll(/(?<![\w./@-])[a-z][a-zA-Z]*(?:\.[a-z][a-zA-Z]*)+(?![\w/@-])/g)) {
    if (!FILE_OR_DOMAIN.test(m[0]) && !/^(e\.g|i\.e|etc)\b/.test(m[0])) {
      found.add(m[0]);
    }
  }
  return [...found];
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations of WCAG 2 A/AA on the page as it is. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses an injected <script>,
    // and the check must not switch the CSP off.
    axeSource ??= fs.readFileSync(AXE_PATH, 'utf8');
    await page.evaluate(axeSource);
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const r = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    };
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes
          .slice(0, 3)
          .map(
            (n) =>
              `${JSON.stringify(n.target)} ${(n.failureSummary ?? '').split('\n').pop() ?? ''}`,
          ),
      }));
  });
}
