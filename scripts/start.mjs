// npm start: build the web UI if it is missing or older than its sources, then run the server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'packages/web');
const dist = path.join(web, 'dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const srcDir = path.join(web, 'src');
const stale =
  !fs.existsSync(dist) ||
  (fs.existsSync(srcDir) && newestMtime(srcDir) > fs.statSync(dist).mtimeMs);
if (stale && fs.existsSync(path.join(web, 'index.html'))) {
  process.stdout.write('[jixiao] 正在构建前端 building the web UI…\n');
  const r = spawnSync('npx', ['vite', 'build', 'packages/web', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    process.exit(r.status ?? 1);
  }
}
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'packages/server/src/main.ts')],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(r.status ?? 0);
