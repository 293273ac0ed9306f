// The demo accounts the browser tests and screenshots sign in with (created by the server's demo loader).
import type { Role } from '../packages/web/src/app/roles.ts';

export const DEMO_DEPARTMENT = '440105-TZCJ';
export const DEMO_YEAR = 2023;

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName?: string;
}

/** Provisional until the auth module's demo hook lands (then read from it). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'clerk', password: 'demo', role: 'clerk' },
  { username: 'head', password: 'demo', role: 'deptHead' },
  { username: 'reviewer', password: 'demo', role: 'financeReviewer' },
];

export function demoUser(role: Role): DemoAccount {
  const a = DEMO_ACCOUNTS.find((x) => x.role === role);
  if (!a) {
    throw new Error(`no demo account with role ${role}`);
  }
  return a;
}
