// The sign-in throttle on its own (auth/login-throttle.ts): windows, the per-address-and-account refusal, and a
// bounded memory under a flood of distinct names.
import { describe, expect, it } from 'vitest';
import { LoginThrottle, THROTTLE_LIMITS } from '../../auth/login-throttle.ts';
import { DEFAULT_PASSWORD_POLICY } from '../../auth/password-policy.ts';

const policy = DEFAULT_PASSWORD_POLICY;
const never = () => Promise.resolve(false);

describe('login throttle', () => {
  it('refuses an address for an account after the policy’s failures, until the window passes; success forgets', async () => {
    const t = new LoginThrottle();
    const at = (min: number) => new Date(Date.UTC(2023, 2, 1, 2, min));
    for (let i = 1; i < policy.maxFailedAttempts; i++) {
      expect(t.failure('1.2.3.4', 'clerk', at(0), policy).nowBlocked).toEqual([]);
    }
    const last = t.failure('1.2.3.4', 'clerk', at(0), policy);
    expect(last.nowBlocked).toEqual(['address+account']);
    expect(await t.refusal('1.2.3.4', 'clerk', at(1), never)).toEqual({
      scope: 'address+account',
      retryAfterSeconds: 14 * 60,
    });
    expect(await t.refusal('5.6.7.8', 'clerk', at(1), never)).toBeNull();
    expect(await t.refusal('1.2.3.4', 'clerk', at(15), never)).toBeNull();
    expect(t.failure('1.2.3.4', 'clerk', at(16), policy).first).toBe(true);
    t.success('1.2.3.4', 'clerk');
    expect(t.failure('1.2.3.4', 'clerk', at(16), policy).attempts).toBe(1);
  });

  it('keeps its memory bounded under a flood of distinct names', () => {
    const t = new LoginThrottle();
    const now = new Date(Date.UTC(2023, 2, 1, 2, 0));
    for (let i = 0; i < THROTTLE_LIMITS.maxEntries + 5_000; i++) {
      t.failure('10.0.0.1', `name_${i}`, now, policy);
    }
    // without pruning: two counters per name (address+account, account) = 2 × 55,000
    expect(t.size()).toBeLessThanOrEqual(2 * THROTTLE_LIMITS.maxEntries);
  });
});
