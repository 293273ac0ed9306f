// Password strength rules and the lock-out policy; the security administrator may tighten, never loosen below the floor.
import type { Bilingual } from '@jixiao/core';

export interface PasswordPolicy {
  /** Minimum length (floor 12). */
  minLength: number;
  /** Character classes required of 4: upper, lower, digit, symbol (floor 3). */
  minClasses: number;
  /** Failed logins before the account is locked (1..10, default 5). */
  maxFailedAttempts: number;
  /** Lock-out duration in minutes (default 15). */
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
  return problems;
}
