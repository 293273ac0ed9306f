// Password hashing and the rules a new password passes (issue 16, point 8: common passwords with a suffix, control
// characters and trailing spaces refused; the list shipped with the project), without a database.
import { describe, expect, it } from 'vitest';
import { currentLogN, hashPassword, verifyPassword } from '../../auth/password.ts';
import { passwordProblems, passwordRules } from '../../auth/password-policy.ts';
import {
  commonPasswordCount,
  isCommonPassword,
  passwordCore,
} from '../../auth/common-passwords.ts';

describe('password hashing and rules', () => {
  it('scrypt with a per-user salt; the stored cost is used to verify; production cost is N=2^15', async () => {
    expect(currentLogN({})).toBe(15);
    expect(currentLogN({ JIXIAO_TEST_SCRYPT_LOG_N: '10' })).toBe(15); // ignored outside vitest
    expect(currentLogN({ VITEST: 'true', JIXIAO_TEST_SCRYPT_LOG_N: '10' })).toBe(10);
    const a = await hashPassword('Haizhu#Invest2023', 10);
    const b = await hashPassword('Haizhu#Invest2023', 10);
    expect(a).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Haizhu#Invest2023', a)).toBe(true);
    expect(await verifyPassword('haizhu#Invest2023', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$99$8$1$AAAA$BBBB')).toBe(false);
  });

  it('≥ 12 characters, 3 of 4 classes, not containing the username', () => {
    expect(passwordProblems('Demo#Clerk2023', 'tzcj_clerk')).toEqual([]);
    expect(passwordProblems('Short#1a', 'tzcj_clerk').map((p) => p.zh)).toEqual([
      '密码至少 12 位（当前 8 位）',
    ]);
    expect(passwordProblems('alllowercaseletters', 'tzcj_clerk').map((p) => p.zh)).toEqual([
      '密码须包含大写字母、小写字母、数字、符号中的至少 3 类（当前 1 类）',
    ]);
    expect(passwordProblems('My-tzcj_clerk-2023', 'tzcj_clerk').map((p) => p.zh)).toEqual([
      '密码不能包含用户名',
    ]);
  });

  it('refuses what the probe got through: common passwords with a suffix, spaces or control characters', () => {
    for (const weak of [
      'Password1234',
      'Password123!',
      'Qwerty123456',
      'P@ssw0rd2023!',
      '2023#Password',
      'Iloveyou2023!',
      'Woaini1314520!',
      'Admin@123456789',
    ]) {
      expect(isCommonPassword(weak), weak).toBe(true);
      expect(
        passwordProblems(weak, 'tzcj_clerk').map((p) => p.zh),
        weak,
      ).toContain('密码过于常见（常见密码加数字或符号也不行）');
    }
    expect(passwordProblems('Aa1         ', 'tzcj_clerk').map((p) => p.zh)).toContain(
      '密码首尾不能是空格',
    );
    expect(
      passwordProblems('Aa1\u0000\u0000\u0000Strong#x', 'tzcj_clerk').map((p) => p.zh),
    ).toContain('密码不能包含控制字符');
    expect(passwordProblems('Aa1\u200bStrong#Pass', 'tzcj_clerk').map((p) => p.zh)).toContain(
      '密码不能包含控制字符',
    );
    expect(passwordProblems('Aa1\tStrong#Pass', 'tzcj_clerk').map((p) => p.zh)).toContain(
      '密码不能包含控制字符',
    );
  });

  it('accepts passwords that are not built on a common one; the list ships with thousands of entries', () => {
    for (const fine of [
      'Demo#Clerk2023',
      'Haizhu#Invest2023',
      'Mine#Again2024',
      'Second#Password2024',
      'Tide pool 7 Lantern',
    ]) {
      expect(passwordProblems(fine, 'tzcj_clerk'), fine).toEqual([]);
    }
    expect(passwordCore('P@ssw0rd2023!')).toBe('password');
    expect(passwordCore('Qwerty123456')).toBe('qwerty');
    expect(commonPasswordCount()).toBeGreaterThan(10_000);
  });

  it('the rules are stated by the server from the policy (the web shows them)', () => {
    const rules = passwordRules({
      minLength: 14,
      minClasses: 4,
      maxFailedAttempts: 5,
      lockMinutes: 15,
    });
    expect(rules.map((r) => r.zh)).toEqual([
      '至少 14 位，至多 128 位',
      '包含大写字母、小写字母、数字、符号中的至少 4 类',
      '不含用户名',
      '不是常见密码，也不是常见密码加数字或符号（如 Password123!）',
      '不含控制字符，首尾不能是空格',
      '不能与最近 5 次使用过的密码相同',
    ]);
  });
});
