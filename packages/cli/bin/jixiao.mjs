#!/usr/bin/env node
// Thin launcher: runs the TypeScript CLI through tsx (no build step for core/server/cli).
import { register } from 'tsx/esm/api';

register();
await import('../src/index.ts');
