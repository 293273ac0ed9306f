// Password strength rules and the lock-out policy; the security administrator may tighten, never loosen below the floor.
import type { Bilingual } from '@jixiao/core';
import { isCommonPassword } from './common-passwords.ts';

export interface PasswordPolicy {
  /** Minimum length (floor 12). */
  minLength: number;
  /** Character classes required of 4: upper, lower, digit, symbol (floor 3). */
  minClasses: number;
  /** Failed sign-ins from one address to one account before that address is refused for it (1..10, default 5). */
  maxFailedAttempts: number;
  /** How long such an address is refused (429 with Retry-After), in minutes (default 15). */
  lockMinutes: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 12,
  minClasses: 3,
  maxFailedAttempts: 5,
  lockMinutes: 15,
};

/** The limits a policy must respect (the floor is the national baseline we promise). */
export const POLICY_LIMITS = {
  minLength: { min: 12, max: 128 },
  minClasses: { min: 3, max: 4 },
  maxFailedAttempts: { min: 1, max: 10 },
  lockMinutes: { min: 1, max: 1440 },
} as const;

/** Earlier passwords a new one may not repeat (the current one included). */
export const PASSWORD_HISTORY_DEPTH = 5;

/** The rules of a policy as a user reads them (the web's password screens show these, not text of their own). */
export function passwordRules(policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): Bilingual[] {
  return [
    { zh: `至少 ${policy.minLength} 位，至多 128 位`, en: `${policy.minLength} to 128 characters` },
    {
      zh: `包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`,
      en: `at least ${policy.minClasses} of: upper case, lower case, digits, symbols`,
    },
    { zh: '不含用户名', en: 'does not contain the username' },
    {
      zh: '不是常见密码，也不是常见密码加数字或符号（如 Password123!）',
      en: 'not a common password, nor one with digits or symbols added (such as Password123!)',
    },
    {
      zh: '不含控制字符，首尾不能是空格',
      en: 'no control characters, no leading or trailing spaces',
    },
    {
      zh: `不能与最近 ${PASSWORD_HISTORY_DEPTH} 次使用过的密码相同`,
      en: `not one of the last ${PASSWORD_HISTORY_DEPTH} passwords`,
    },
  ];
}

/** Problems with a new password, in both languages; empty when it is acceptable. */
export function passwordProblems(
  password: string,
  username: string,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): Bilingual[] {
  const problems: Bilingual[] = [];
  const length = [...password].length;
  if (length < policy.minLength) {
    problems.push({
      zh: `密码至少 ${policy.minLength} 位（当前 ${length} 位）`,
      en: `at least ${policy.minLength} characters (has ${length})`,
    });
  }
  if (length > 128) {
    problems.push({ zh: '密码不能超过 128 位', en: 'at most 128 characters' });
  }
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) =>
    re.test(password),
  ).length;
  if (classes < policy.minClasses) {
    problems.push({
      zh: `密码须包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类（当前 ${classes} 类）`,
      en: `at least ${policy.minClasses} of 4 classes: upper case, lower case, digits, symbols (has ${classes})`,
    });
  }
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) {
    problems.push({ zh: '密码不能包含用户名', en: 'must not contain the username' });
  }
  problems.push(...characterProblems(password));
  if (isCommonPassword(password)) {
    problems.push({
      zh: '密码过于常见（常见密码加数字或符号也不行）',
      en: 'too common (a common password with digits or symbols added is still common)',
    });
  }
  return problems;
}

function characterProblems(password: string): Bilingual[] {
  const problems: Bilingual[] = [];
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(password)) {
    problems.push({ zh: '密码不能包含控制字符', en: 'must not contain control characters' });
  }
  if (/^\s|\s$/u.test(password)) {
    problems.push({
      zh: '密码首尾不能是空格',
      en: 'must not begin or end with a space',
    });
  }
  return problems;
}
