#!/usr/bin/env node
// Thin launcher: runs the TypeScript CLI through tsx (no build step for core/server/cli).
import { register } from 'tsx/esm/api';

register();
try {
  await import('../src/index.ts');
} catch (e) {
  process.stderr.write(`错误 Error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
