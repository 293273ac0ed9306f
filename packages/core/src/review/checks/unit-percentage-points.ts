// UNIT_PERCENTAGE_POINTS: a contribution to growth (拉动 … 增长/增速) written in % instead of 个百分点.
import type { ReviewDocument } from '../review-document.ts';
import { makeFinding, type ReviewFinding } from '../types.ts';

const PCT = '\\d+(?:\\.\\d+)?\\s*[%％]';
const PULL_RE = new RegExp(
  `拉动[^。；;]{0,24}?(?:GDP|生产总值|经济|增加值)[^。；;\\d]{0,10}?(?:增长|增速|增幅)[^。；;\\d%％]{0,4}?(${PCT}(?:\\s*[、和及与,，]\\s*${PCT})*)`,
  'g',
);

export function checkUnitPercentagePoints(doc: ReviewDocument): ReviewFinding[] {
  const out: ReviewFinding[] = [];
  for (const m of doc.text.matchAll(PULL_RE)) {
    if (/贡献率|贡献度/.test(m[0])) {
      continue;
    }
    const values = [...(m[1] ?? '').matchAll(/(\d+(?:\.\d+)?)\s*[%％]/g)].map((x) => x[1] ?? '');
    const zh = values.map((v) => `${v}个百分点`).join('、');
    const shown = values.map((v) => `${v}%`).join('、');
    out.push(
      makeFinding(doc, 'UNIT_PERCENTAGE_POINTS', m.index, m.index + m[0].length, {
        zh: `对增长的拉动应以“个百分点”表示：应写作 ${zh}，报告写作 ${shown}。`,
        en: `A contribution to growth is measured in percentage points: write ${values.map((v) => `${v} percentage points`).join(', ')}, not ${shown}.`,
      }),
    );
  }
  return out;
}
