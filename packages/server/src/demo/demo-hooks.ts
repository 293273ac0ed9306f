// Other modules' demo data (users, investment pipeline …), loaded in the demo's transaction, in order.
import type { Tx } from '../db/open-db.ts';
import type { DemoData } from './load-demo.ts';
import { loadInvestmentDemo } from './investment-demo.ts';
import { demoAccountsHook, demoIndicatorLibraryHook } from '../auth/startup-and-demo.ts';

export type DemoHook = (tx: Tx, data: DemoData) => Promise<void>;

export const demoHooks: DemoHook[] = [loadInvestmentDemo, demoIndicatorLibraryHook, demoAccountsHook];
