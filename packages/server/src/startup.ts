// Hooks run once at server start after migrations (e.g. create the first administrator).
import type { AppDeps } from './http/app-env.ts';
import { firstAdminStartupHook, indicatorLibraryStartupHook } from './auth/startup-and-demo.ts';

export type StartupHook = (deps: AppDeps, log: (s: string) => void) => Promise<void>;

export const startupHooks: StartupHook[] = [indicatorLibraryStartupHook, firstAdminStartupHook];
