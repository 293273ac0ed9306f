// The one place the CLI writes to the terminal; language chosen once from --lang / JIXIAO_LANG / LANG.
import type { Bilingual } from '@jixiao/core';

export type Lang = 'zh' | 'en';

let lang: Lang = detectLang();

function detectLang(): Lang {
  const fromEnv = process.env['JIXIAO_LANG'] ?? '';
  if (fromEnv.startsWith('en')) {
    return 'en';
  }
  return 'zh';
}

export function setLang(l: Lang): void {
  lang = l;
}

export function getLang(): Lang {
  return lang;
}

/** Pick the message in the current language. */
export function t(m: Bilingual): string {
  return lang === 'en' ? m.en : m.zh;
}

export function printLine(s = ''): void {
  process.stdout.write(`${s}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printError(s: string): void {
  process.stderr.write(`${s}\n`);
}

/** Render rows as an aligned text table (CJK characters count as two columns). */
export function formatTable(header: string[], rows: string[][]): string {
  const width = (s: string): number => {
    let w = 0;
    for (const ch of s) {
      w +=
        /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
          ch,
        )
          ? 2
          : 1;
    }
    return w;
  };
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]): string =>
    r
      .map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(c))))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
