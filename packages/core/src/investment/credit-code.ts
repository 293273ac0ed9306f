// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set, the last one a check character.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if one of them is not allowed. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) {
    return null;
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17.charAt(i));
    if (v < 0) {
      return null;
    }
    sum += v * WEIGHTS[i]!;
  }
  const c = (31 - (sum % 31)) % 31;
  return CHARSET.charAt(c);
}

/** True when `code` is a well-formed 统一社会信用代码 with a correct check character. */
export function isCreditCode(code: string): boolean {
  const s = code.trim().toUpperCase();
  return s.length === 18 && creditCodeCheckChar(s.slice(0, 17)) === s.charAt(17);
}
