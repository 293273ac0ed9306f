// The demo accounts the browser tests and screenshots sign in with: read from the server's demo hook
// (packages/server/src/auth/startup-and-demo.ts), one per role.
import { DEMO_ACCOUNTS as SERVER_DEMO_ACCOUNTS } from '../packages/server/src/demo/demo-accounts.ts';
import type { Role } from '../packages/web/src/app/roles.ts';

export const DEMO_DEPARTMENT = '440105-TZCJ';
export const DEMO_YEAR = 2023;

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = SERVER_DEMO_ACCOUNTS.map((a) => ({
  username: a.username,
  password: a.password,
  role: a.role,
  displayName: a.displayName,
}));

export function demoUser(role: Role): DemoAccount {
  const a = DEMO_ACCOUNTS.find((x) => x.role === role);
  if (!a) {
    throw new Error(`no demo account with role ${role}`);
  }
  return a;
}
