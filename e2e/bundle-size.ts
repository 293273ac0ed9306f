// The JS a browser downloads for the first page (the login page): the entry chunk, its static imports,
// and the login route's chunk with its static imports — gzip-measured from the build's manifest.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

export function readManifest(distDir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** A chunk and everything it imports statically (what loads before it runs). */
export function staticClosure(
  manifest: Manifest,
  key: string,
  seen = new Set<string>(),
): Set<string> {
  if (seen.has(key)) {
    return seen;
  }
  seen.add(key);
  for (const k of manifest[key]?.imports ?? []) {
    staticClosure(manifest, k, seen);
  }
  return seen;
}

export interface Measured {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

export function measure(distDir: string, manifest: Manifest, keys: Iterable<string>): Measured {
  const files = [
    ...new Set(
      [...keys]
        .map((k) => manifest[k]?.file)
        .filter((f): f is string => f !== undefined && f.endsWith('.js')),
    ),
  ].sort();
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const buf = fs.readFileSync(path.join(distDir, f));
    rawBytes += buf.length;
    gzipBytes += zlib.gzipSync(buf, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes };
}

/** First page = entry + login route, each with its static imports. */
export function firstPageJs(distDir: string): Measured & { entry: string } {
  const manifest = readManifest(distDir);
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) {
    throw new Error('no entry chunk in the manifest');
  }
  const login = Object.keys(manifest).find((k) => k.endsWith('modules/auth/login-page.tsx'));
  const keys = staticClosure(manifest, entry);
  if (login) {
    staticClosure(manifest, login, keys);
  }
  return { entry, ...measure(distDir, manifest, keys) };
}

/** The ECharts setup chunk and the chunks it imports that hold ECharts/ZRender code (chart pages only). */
export function echartsChunks(distDir: string): string[] {
  const manifest = readManifest(distDir);
  const setup = Object.keys(manifest).find((k) => k.endsWith('ui/echarts-setup.ts'));
  if (!setup) {
    return [];
  }
  const setupFile = manifest[setup]?.file;
  return [...staticClosure(manifest, setup)]
    .map((k) => manifest[k]?.file)
    .filter(
      (f): f is string =>
        f !== undefined &&
        (f === setupFile || fs.readFileSync(path.join(distDir, f), 'utf8').includes('zrender')),
    )
    .sort();
}

const isMain =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  const dist = path.resolve(
    path.dirname(new URL(import.meta.url).pathname),
    '../packages/web/dist',
  );
  const m = firstPageJs(dist);
  process.stdout.write(
    `first page JS: ${m.files.length} files, ${(m.rawBytes / 1024).toFixed(1)} KB raw, ${(m.gzipBytes / 1024).toFixed(1)} KB gzip\n`,
  );
  for (const f of m.files) {
    process.stdout.write(`  ${f}\n`);
  }
}
