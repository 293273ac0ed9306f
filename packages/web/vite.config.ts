// Vite build of the web UI: root = packages/web, output dist/ (served by the server with SPA fallback).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));
const coreSrc = path.resolve(root, '../core/src');

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: {
    // @jixiao/core is consumed from its TypeScript source (no build step), the same code the server runs.
    alias: [
      { find: /^@jixiao\/core$/, replacement: path.join(coreSrc, 'index.ts') },
      { find: /^@jixiao\/core\/(.+)$/, replacement: `${coreSrc}/$1.ts` },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // dist/.vite/manifest.json: the chunk graph, read by e2e/bundle-size.test.ts to measure the first page's JS.
    manifest: true,
  },
  server: {
    // `npx vite packages/web` during development: the API runs on :3000 (npm start).
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
