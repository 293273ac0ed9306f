// Sign-in throttling, in memory (one server process; a restart forgets it — see README, Accounts and security).
// Failures are counted per address and account, per address, and per account; past a limit the caller gets 429 with
// Retry-After instead of a check of the password. No account is ever locked by failures: an anonymous caller can only
// shut out its own address (per address and account) — the owner signing in from elsewhere is not affected. When an
// account draws failures from many addresses, only addresses it has never signed in from are held back.
import type { PasswordPolicy } from './password-policy.ts';

/** Limits that do not depend on the security administrator's policy. */
export const THROTTLE_LIMITS = {
  /** Sign-in requests of one address per minute (successful or not). */
  requestsPerMinute: 60,
  /** Failed sign-ins of one address (any accounts) per window before it is refused. */
  addressFailures: 30,
  /** Failed sign-ins to one account (any addresses) per window before unknown addresses are refused. */
  accountFailures: 20,
  /** Entries kept before expired ones are dropped (memory bound). */
  maxEntries: 50_000,
} as const;

interface Counter {
  count: number;
  windowStart: number;
  blockedUntil: number;
}

export type ThrottleScope = 'address+account' | 'address' | 'account' | 'requests';

export interface Refusal {
  scope: ThrottleScope;
  retryAfterSeconds: number;
}

export interface FailureOutcome {
  /** The first failure of this address for this account in the window (write one audit row). */
  first: boolean;
  /** Failures of this address for this account in the window. */
  attempts: number;
  /** Limits this failure has just reached (write one audit row each). */
  nowBlocked: ThrottleScope[];
  /** When the address is refused for the account, if it now is. */
  blockedUntil: Date | null;
}

function windowMs(policy: PasswordPolicy): number {
  return policy.lockMinutes * 60_000;
}

export class LoginThrottle {
  private readonly pairs = new Map<string, Counter>();
  private readonly addresses = new Map<string, Counter>();
  private readonly accounts = new Map<string, Counter>();
  private readonly requests = new Map<string, Counter>();

  /** Is this attempt refused before the password is checked? `knownAddress` says the account signed in from here before. */
  refusal(
    address: string,
    username: string,
    now: Date,
    knownAddress: () => Promise<boolean>,
  ): Promise<Refusal | null> {
    const t = now.getTime();
    const req = this.bump(this.requests, address, t, 60_000, THROTTLE_LIMITS.requestsPerMinute);
    if (req) {
      return Promise.resolve({ scope: 'requests', retryAfterSeconds: seconds(req - t) });
    }
    const pair = this.blocked(this.pairs, pairKey(address, username), t);
    if (pair) {
      return Promise.resolve({ scope: 'address+account', retryAfterSeconds: seconds(pair - t) });
    }
    const addr = this.blocked(this.addresses, address, t);
    const acct = this.blocked(this.accounts, username, t);
    if (!addr && !acct) {
      return Promise.resolve(null);
    }
    return knownAddress().then((known) => {
      if (known) {
        return null;
      }
      const until = Math.max(addr ?? 0, acct ?? 0);
      return { scope: addr ? 'address' : 'account', retryAfterSeconds: seconds(until - t) };
    });
  }

  /** Count a failed password check. */
  failure(address: string, username: string, now: Date, policy: PasswordPolicy): FailureOutcome {
    const t = now.getTime();
    const w = windowMs(policy);
    const nowBlocked: ThrottleScope[] = [];
    const pair = this.count(this.pairs, pairKey(address, username), t, w);
    if (pair.count === policy.maxFailedAttempts) {
      pair.blockedUntil = t + w;
      nowBlocked.push('address+account');
    }
    const addr = this.count(this.addresses, address, t, w);
    if (addr.count === THROTTLE_LIMITS.addressFailures) {
      addr.blockedUntil = t + w;
      nowBlocked.push('address');
    }
    const acct = this.count(this.accounts, username, t, w);
    if (acct.count === THROTTLE_LIMITS.accountFailures) {
      acct.blockedUntil = t + w;
      nowBlocked.push('account');
    }
    return {
      first: pair.count === 1,
      attempts: pair.count,
      nowBlocked,
      blockedUntil: pair.blockedUntil > t ? new Date(pair.blockedUntil) : null,
    };
  }

  /** A successful sign-in forgets this address's failures for the account. */
  success(address: string, username: string): void {
    this.pairs.delete(pairKey(address, username));
  }

  /** Counters held (tests, memory bound). */
  size(): number {
    return this.pairs.size + this.addresses.size + this.accounts.size + this.requests.size;
  }

  private blocked(map: Map<string, Counter>, key: string, t: number): number | null {
    const c = map.get(key);
    return c && c.blockedUntil > t ? c.blockedUntil : null;
  }

  private count(map: Map<string, Counter>, key: string, t: number, w: number): Counter {
    let c = map.get(key);
    if (!c || (t - c.windowStart >= w && c.blockedUntil <= t)) {
      this.prune(map, t, w);
      c = { count: 0, windowStart: t, blockedUntil: 0 };
      map.set(key, c);
    }
    c.count += 1;
    return c;
  }

  /** Counts a request; returns the time it may come back when over the limit. */
  private bump(map: Map<string, Counter>, key: string, t: number, w: number, limit: number) {
    const c = this.count(map, key, t, w);
    if (c.count > limit) {
      return c.windowStart + w;
    }
    return null;
  }

  private prune(map: Map<string, Counter>, t: number, w: number): void {
    if (map.size < THROTTLE_LIMITS.maxEntries) {
      return;
    }
    for (const [k, c] of map) {
      if (t - c.windowStart >= w && c.blockedUntil <= t) {
        map.delete(k);
      }
    }
    // Still full (a flood of distinct keys): drop the oldest half.
    let drop = map.size >= THROTTLE_LIMITS.maxEntries ? Math.floor(map.size / 2) : 0;
    for (const k of map.keys()) {
      if (drop-- <= 0) {
        break;
      }
      map.delete(k);
    }
  }
}

function pairKey(address: string, username: string): string {
  return `${address}\n${username}`;
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
