import { describe, expect, it } from 'vitest';
import { ERRORS, ERROR_CODES, errorMessage, isErrorCode, isInputError } from './errors.ts';

describe('error codes', () => {
  it('every code has a Chinese and an English message; English names no parameter the Chinese lacks', () => {
    for (const code of ERROR_CODES) {
      const { zh, en } = ERRORS[code];
      expect(zh.length, code).toBeGreaterThan(0);
      expect(/[\u4e00-\u9fff]/.test(zh) || zh.startsWith('{'), `${code} zh is Chinese`).toBe(true);
      // The English message may say less, and may show a raw value where the Chinese shows its label
      // (status / statusText, until / untilIso), but never a parameter the Chinese does not know of.
      const names = (t: string) =>
        new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/(En|Text|Iso)$/, '')));
      const zhNames = names(zh);
      expect(
        [...names(en)].filter((n) => !zhNames.has(n)),
        code,
      ).toEqual([]);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(
      errorMessage('NOT_FOUND', { what: '部门 440105-X', whatEn: 'Department 440105-X' }),
    ).toBe('未找到部门 440105-X');
    expect(errorMessage('NOT_FOUND', { whatEn: 'Department' }, 'en')).toBe('Department not found');
    expect(errorMessage('NOT_FOUND')).toBe('未找到{what}');
  });

  it('knows its codes and which are the user’s fault', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isInputError('NOT_FOUND')).toBe(true);
    expect(isInputError('UNAVAILABLE')).toBe(false);
  });
});
