// Password hashing with node:crypto scrypt (per-user salt, parameters stored with the hash, timing-safe compare).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Production cost: N = 2^15, r = 8, p = 1 (≈ 32 MiB, tens of milliseconds). */
export const DEFAULT_LOG_N = 15;
const R = 8;
const P = 1;
const KEY_LEN = 64;
const SALT_LEN = 16;

/**
 * The cost for new hashes. Tests may lower it with JIXIAO_TEST_SCRYPT_LOG_N, honoured only inside vitest
 * (VITEST=true), never in production. Existing hashes are always verified with their own stored cost.
 */
export function currentLogN(env: Record<string, string | undefined> = process.env): number {
  const test = env['JIXIAO_TEST_SCRYPT_LOG_N'];
  if (env['VITEST'] === 'true' && test && /^\d{1,2}$/.test(test)) {
    const n = Number(test);
    if (n >= 4 && n <= DEFAULT_LOG_N) {
      return n;
    }
  }
  return DEFAULT_LOG_N;
}

function derive(
  password: string,
  salt: Buffer,
  logN: number,
  r: number,
  p: number,
): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LEN, options, (e, key) =>
      e ? reject(e) : resolve(key),
    );
  });
}

/** "scrypt$15$8$1$<salt>$<key>" (base64url). */
export async function hashPassword(password: string, logN = currentLogN()): Promise<string> {
  const salt = randomBytes(SALT_LEN);
  const key = await derive(password, salt, logN, R, P);
  return [
    'scrypt',
    String(logN),
    String(R),
    String(P),
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** True when `password` matches `stored`; false for a malformed hash (never throws on bad input). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    return false;
  }
  const [, logN, r, p, saltText, keyText] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const n = Number(logN);
  const rr = Number(r);
  const pp = Number(p);
  if (
    !Number.isInteger(n) ||
    n < 1 ||
    n > 20 ||
    !Number.isInteger(rr) ||
    rr < 1 ||
    rr > 32 ||
    !Number.isInteger(pp) ||
    pp < 1 ||
    pp > 16
  ) {
    return false;
  }
  const expected = Buffer.from(keyText, 'base64url');
  if (expected.length !== KEY_LEN) {
    return false;
  }
  const actual = await derive(password, Buffer.from(saltText, 'base64url'), n, rr, pp);
  return timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | null = null;

/** Burn the same time as a real check when the username is unknown (no user enumeration by timing): the cost of new hashes. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummy ??= hashPassword('dummy-password-never-valid', currentLogN());
  await verifyPassword(password, await dummy);
}

/** A random password meeting the rules (for the first administrator and resets): 20 characters, all 4 classes. */
export function generatePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#%^*-_=+'];
  const all = sets.join('');
  const pick = (s: string): string => s.charAt(randomBytes(1)[0]! % s.length);
  const chars = sets.map(pick);
  while (chars.length < 20) {
    chars.push(pick(all));
  }
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomBytes(1)[0]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
