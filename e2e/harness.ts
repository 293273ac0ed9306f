// Browser-test harness: starts the real server (node --import tsx packages/server/src/main.ts) on a free port
// with a throw-away data directory and the demo loaded, launches Debian's Chromium through playwright-core,
// and stops and removes everything afterwards. It builds nothing: packages/web/dist must exist
// (scripts/test.sh runs `vite build packages/web` before vitest; `npm run build:web` by hand).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { seedDataDir, snapshotTar } from '../packages/server/src/db/test-snapshot-dir.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = path.join(ROOT, 'packages/web/dist/index.html');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Generous: PGlite start + migrations + demo load take several seconds on a slow machine. */
export const SERVER_START_TIMEOUT_MS = 180_000;
/** One browser test (sign-in, several pages, a download): generous, for a loaded machine. */
export const BROWSER_TEST_TIMEOUT_MS = 300_000;
/** Waits on elements: long enough for a cold chunk load under load, never a fixed sleep. */
export const UI_TIMEOUT_MS = 60_000;

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** Everything the server printed (for failure messages). */
  output: () => string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with code ${child.exitCode} before it listened:\n${output()}`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms:\n${output()}`);
}

/** The server's environment: ours, without a DATABASE_URL (the browser tests use PGlite in the temp dir). */
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  if (!('DATABASE_URL' in extra)) {
    delete env['DATABASE_URL'];
  }
  return env;
}

export interface StartOptions {
  /** Extra environment (e.g. JIXIAO_DEMO=0). */
  env?: Record<string, string>;
}

/**
 * Under vitest, the data directory starts as the run's snapshot (migrated; the demo loaded unless JIXIAO_DEMO=0),
 * so the server finds its database ready instead of migrating and loading the demo again (≈30 s per file on a
 * loaded machine). Outside vitest (npm run screenshots) the server builds it as a real install does.
 */
function seedFromSnapshot(dataDir: string, snapshot: 'empty' | 'demo'): void {
  if (snapshotTar(snapshot)) {
    seedDataDir(dataDir, snapshot);
  }
}

/** Starts the real server with the demo in a temporary data directory. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  if (!fs.existsSync(WEB_DIST)) {
    throw new Error(
      `packages/web/dist is missing: run \`npm run build:web\` (scripts/test.sh does it) before the browser tests`,
    );
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-e2e-'));
  seedFromSnapshot(dataDir, options.env?.['JIXIAO_DEMO'] === '0' ? 'empty' : 'demo');
  const port = await freePort();
  let log = '';
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'packages/server/src/main.ts')],
    {
      cwd: ROOT,
      env: serverEnv({
        PORT: String(port),
        HOST: '127.0.0.1',
        JIXIAO_DATA_DIR: dataDir,
        JIXIAO_DEMO: '1',
        ...options.env,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (b: Buffer) => {
    log += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    log += b.toString();
  });
  const output = () => log;
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${url}/api/openapi.json`, child, output, SERVER_START_TIMEOUT_MS);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port, dataDir, output, stop };
}

/** A browser test file's server (fresh demo database) and Chromium: started before its tests, stopped after. */
export interface BrowserEnv {
  readonly server: RunningServer;
  readonly browser: Browser;
}

export function useServerAndBrowser(options: StartOptions = {}): BrowserEnv {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
  }, SERVER_START_TIMEOUT_MS + 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) {
      throw new Error('server or browser not started (beforeAll failed)');
    }
    return x;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk (scripts/test.sh does it as root)`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface Viewport {
  width: number;
  height: number;
}

/**
 * A browser context. `year` starts the workspace on that fiscal year (as if the user had picked it once; the
 * workspace otherwise opens the newest year with data, 2024 in the demo): tests written against the demo's
 * 2023 figures pass `{ year: 2023 }`.
 */
export async function newContext(
  browser: Browser,
  viewport: Viewport = { width: 1366, height: 768 },
  options: { year?: number } = {},
): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    acceptDownloads: true,
    timezoneId: 'Asia/Shanghai',
  });
  ctx.setDefaultTimeout(UI_TIMEOUT_MS);
  if (options.year !== undefined) {
    await ctx.addInitScript((year: number) => {
      if (localStorage.getItem('jixiao.year') === null) {
        localStorage.setItem('jixiao.year', String(year));
      }
    }, options.year);
  }
  return ctx;
}

/** Page errors (uncaught exceptions) collected for assertions. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Logs in through the login form (keyboard: Enter submits) and waits until the app leaves /login. */
export async function loginAs(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-password').press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: UI_TIMEOUT_MS });
}

/**
 * Opens an antd Select and picks the visible option with exactly this text, until the Select shows it as chosen
 * (a click that lands while the popup is still animating open is tried again, at most 3 times).
 */
export async function choose(page: Page, select: Locator, option: string): Promise<void> {
  const text = new RegExp(`^${option.replace(/[()（）]/g, '.')}$`);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const item = page.locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
      { hasText: text },
    );
    await item.waitFor({ state: 'visible' });
    await item.click();
    try {
      await expect
        .poll(async () => (await select.textContent()) ?? '', { timeout: 3_000 })
        .toContain(option);
      return;
    } catch (e) {
      if (attempt === 3) {
        throw e;
      }
      await page.keyboard.press('Escape');
    }
  }
}
