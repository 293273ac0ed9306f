// STALE_TEXT: phrases that belong to an earlier period (疫情防控 wording in a 2023 report, another year's 自评).
import type { ReviewDocument } from '../review-document.ts';
import { makeFinding, type ReviewFinding } from '../types.ts';

/** COVID-era wording; from 2023 on it is copied from an earlier year's report. */
const PANDEMIC_RE =
  /(?:坚持|统筹|做好|落实|抓好|常态化)*(?:疫情防控|新冠肺炎|新冠疫情|抗击疫情|抗疫|防疫物资|核酸检测|复工复产|疫情期间)([^。；;，,]{0,16})/g;
// "疫情防控平稳转段后" describes 2023 itself.
const PANDEMIC_OVER_RE = /^[^，,。]{0,3}?(?:后|以后|之后|过后|结束|转段|以来)/;

/** "对2022年度…开展绩效自评" in a 2023 report. */
const OTHER_YEAR_RE =
  /对\s*((?:19|20)\d{2})\s*年度?[^。；;，,]{0,60}?(?:开展|进行|组织)了?(?:部门)?(?:整体)?(?:支出)?绩效自评/g;

export function checkStaleText(doc: ReviewDocument): ReviewFinding[] {
  const year = doc.year;
  if (year === null) {
    return [];
  }
  const out: ReviewFinding[] = [];
  if (year >= 2023) {
    for (const m of doc.text.matchAll(PANDEMIC_RE)) {
      if (m.index < doc.titleEnd || PANDEMIC_OVER_RE.test(m[1] ?? '')) {
        continue;
      }
      out.push(
        makeFinding(doc, 'STALE_TEXT', m.index, m.index + m[0].length, {
          zh: `“${m[0]}”是疫情期间的表述，出现在 ${year} 年度报告中，可能沿用了往年报告的文字，请核实并更新。`,
          en: `“${m[0]}” is pandemic-era wording in a report on ${year}; it was probably carried over from an earlier year's report. Check and update it.`,
        }),
      );
    }
  }
  for (const m of doc.text.matchAll(OTHER_YEAR_RE)) {
    const y = Number(m[1]);
    if (m.index < doc.titleEnd || y === year) {
      continue;
    }
    out.push(
      makeFinding(doc, 'STALE_TEXT', m.index, m.index + m[0].length, {
        zh: `本报告为 ${year} 年度，此处却写“${m[0]}”，可能沿用了 ${y} 年度报告的文字。`,
        en: `The report is on ${year}, but this says “${m[0]}”: probably text carried over from the ${y} report.`,
      }),
    );
  }
  return out.sort((a, b) => a.start - b.start);
}
