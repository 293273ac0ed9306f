// The list of common passwords the policy refuses (common-passwords.txt beside this file, shipped with the project).
// A password is refused when, in lower case, it is on the list, or when its core is: leading and trailing digits
// and symbols removed, look-alike characters undone (P@ssw0rd2023! → password, Qwerty123456 → qwerty).
import fs from 'node:fs';

const LOOK_ALIKES: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
};

/** The core of a password: lower case, without leading/trailing digits and symbols, look-alikes undone. */
export function passwordCore(password: string): string {
  const trimmed = password.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return [...trimmed].map((ch) => LOOK_ALIKES[ch] ?? ch).join('');
}

let list: ReadonlySet<string> | null = null;

function commonPasswords(): ReadonlySet<string> {
  if (list) {
    return list;
  }
  const text = fs.readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
  const set = new Set<string>();
  for (const line of text.split('\n')) {
    const entry = line.trim().toLowerCase();
    if (entry === '' || entry.startsWith('#')) {
      continue;
    }
    set.add(entry);
    const core = passwordCore(entry);
    if (core.length >= 4) {
      set.add(core);
    }
  }
  list = set;
  return set;
}

/** How many entries the shipped list has (for the docs and tests). */
export function commonPasswordCount(): number {
  return commonPasswords().size;
}

/** True when the password is, or is built on, a common password. */
export function isCommonPassword(password: string): boolean {
  const set = commonPasswords();
  const core = passwordCore(password);
  return set.has(password.toLowerCase()) || (core.length >= 3 && set.has(core));
}
