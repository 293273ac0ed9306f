import { describe, expect, it } from 'vitest';
import { ERRORS, ERROR_CODES, errorMessage, isErrorCode, isInputError } from './errors.ts';

describe('error codes', () => {
  it('every code has a Chinese and an English message with the same placeholders', () => {
    for (const code of ERROR_CODES) {
      const { zh, en } = ERRORS[code];
      expect(zh.length, code).toBeGreaterThan(0);
      expect(/[\u4e00-\u9fff]/.test(zh) || zh.startsWith('{'), `${code} zh is Chinese`).toBe(true);
      const names = (s: string) =>
        [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/En$/, '')).sort();
      expect(names(en), code).toEqual(names(zh));
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
