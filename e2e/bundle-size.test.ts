// The first page (login) loads little JS, and ECharts loads only with a chart page (route-level splitting).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { echartsChunks, firstPageJs, readManifest, staticClosure } from './bundle-size.ts';
import { ROOT } from './harness.ts';

const DIST = path.join(ROOT, 'packages/web/dist');
/** Budget for the login page's JS (gzip). React 19 + antd's form, input and button are most of it. */
const FIRST_PAGE_BUDGET_KB = 260;

describe('web bundle', () => {
  it('was built (scripts/test.sh runs vite build before the tests)', () => {
    expect(
      fs.existsSync(path.join(DIST, '.vite/manifest.json')),
      'run `npm run build:web` first',
    ).toBe(true);
  });

  it(`keeps the first page under ${FIRST_PAGE_BUDGET_KB} KB of gzip JS and free of ECharts and page code`, () => {
    const m = firstPageJs(DIST);
    const gzipKb = m.gzipBytes / 1024;
    expect(gzipKb).toBeGreaterThan(20);
    expect(gzipKb).toBeLessThan(FIRST_PAGE_BUDGET_KB);
    const charts = echartsChunks(DIST);
    expect(charts.length).toBeGreaterThan(0);
    for (const f of charts) {
      expect(m.files).not.toContain(f);
    }
    const manifest = readManifest(DIST);
    const pageFiles = Object.keys(manifest)
      .filter((k) => /modules\/(dashboard|evaluation|report|bureau)\//.test(k))
      .map((k) => manifest[k]?.file);
    expect(pageFiles.length).toBeGreaterThan(3);
    for (const f of pageFiles) {
      expect(m.files).not.toContain(f);
    }
  });

  it('loads ECharts only from chart pages (dynamic import), never from the entry', () => {
    const manifest = readManifest(DIST);
    const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry) ?? '';
    const closure = [...staticClosure(manifest, entry)].map((k) => manifest[k]?.file);
    for (const f of echartsChunks(DIST)) {
      expect(closure).not.toContain(f);
    }
  });
});
