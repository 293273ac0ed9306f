// GRADE_WITHOUT_SCORE / GRADE_SCORE_MISMATCH: a claimed grade needs a numeric score in its band.
import type Big from 'big.js';
import { d } from '../../decimal.ts';
import { gradeFor } from '../../scoring/grade.ts';
import type { Grade } from '../../scoring/types.ts';
import { lineOf, sentenceAt, type ReviewDocument } from '../review-document.ts';
import { makeFinding, type ReviewFinding } from '../types.ts';

interface GradeClaim {
  grade: Grade;
  printed: string;
  start: number;
  end: number;
}

interface Score {
  value: Big;
  printed: string;
  start: number;
  /** Found by a total-score word (自评得分, 综合得分 …), not just "93.52分". */
  explicit: boolean;
}

const GRADE_WORDS: Readonly<Record<string, Grade>> = {
  优秀: '优',
  优: '优',
  良好: '良',
  良: '良',
  中等: '中',
  合格: '中',
  中: '中',
  较差: '差',
  不合格: '差',
  差: '差',
};

const KEY = '(?:自评|评价|考评|考核|评定|绩效评级|评级)';
const LINK = '(?:等级|等次|结果|结论|级别)?\\s*(?:为|是|：|:|评定为|评为|定为|确定为|属于|达到)?';
const Q_OPEN = '[“"「『‘]?';
const AFTER = '(?=[”"」』’]|等级|等次|档次|级|[^\\u4e00-\\u9fff]|$)';
// Two-character grades may follow the key word directly: 自评良好, 评价结果为优秀.
const GRADE_LONG_RE = new RegExp(
  `${KEY}${LINK}\\s*${Q_OPEN}(优秀|良好|中等|较差|不合格|合格)${AFTER}`,
  'g',
);
// One-character grades need a link word or quotes: 自评等级为“优”, 评价结果为良 (not 评价中、自评中发现).
const GRADE_SHORT_RE = new RegExp(
  `${KEY}(?:(?:等级|等次|结果|结论|级别)\\s*(?:为|是|：|:|评定为|评为|定为)?|为|评定为|评为|定为|确定为)\\s*${Q_OPEN}(优|良|中|差)${AFTER}`,
  'g',
);

// "等级为“优”" with no key word counts when its sentence is about evaluation (not 风险等级为中).
const GRADE_BARE_RE = new RegExp(
  `(?:等级|等次)\\s*(?:为|是|：|:|评定为|评为)\\s*${Q_OPEN}(优秀|良好|中等|较差|不合格|合格|优|良|中|差)${AFTER}`,
  'g',
);
const EVALUATION_CONTEXT_RE = /自评|评价|考评|考核|得分/;

const TOTAL_SCORE_RE =
  /(?:自评|评价|综合|最终|合计|总)(?:得分|评分|分数|总分)\s*(?:为|是|：|:|共|合计)?\s*(\d{1,3}(?:\.\d{1,2})?)\s*分?/g;
// A 自评表 total row: "总分 100.00 93.52 自评等级：优" (the weight column first, then the score).
const TABLE_TOTAL_RE =
  /(?:总分|合计|总计)[\t ]+(?:100(?:\.0{1,2})?[\t ]+)?(\d{1,3}(?:\.\d{1,2})?)(?![\d.])/g;
// Any other score: "得分85分", "合计98.90分", "93.52分" (not 满分100分, 权重10分, 分值10.00分).
const KEYWORD_SCORE_RE = /(?:得分|评分|分数)\s*(?:为|是|：|:)?\s*(\d{1,3}(?:\.\d{1,2})?)\s*分?/g;
const PLAIN_SCORE_RE =
  /(?<![满权重值得评\d.])(\d{1,3}(?:\.\d{1,2})?)\s*分(?![别析配之钟类解散批享工布值管局项数期区摊担成为拨])/g;

const BAND: Readonly<Record<Grade, string>> = {
  优: '90–100',
  良: '80–89.99',
  中: '60–79.99',
  差: '0–59.99',
};
const GRADE_EN: Readonly<Record<Grade, string>> = {
  优: 'excellent',
  良: 'good',
  中: 'fair',
  差: 'poor',
};

function gradeClaims(doc: ReviewDocument): GradeClaim[] {
  const out: GradeClaim[] = [];
  for (const re of [GRADE_LONG_RE, GRADE_SHORT_RE, GRADE_BARE_RE]) {
    for (const m of doc.text.matchAll(re)) {
      const word = m[1] ?? '';
      const grade = GRADE_WORDS[word];
      if (grade === undefined) {
        continue;
      }
      if (
        re === GRADE_BARE_RE &&
        !EVALUATION_CONTEXT_RE.test(sentenceAt(doc, m.index)?.text ?? '')
      ) {
        continue;
      }
      const end = m.index + m[0].length;
      const closing = /[”"」』’]/.test(doc.text[end] ?? '') ? 1 : 0;
      if (!out.some((c) => c.start <= m.index && m.index < c.end)) {
        out.push({ grade, printed: word, start: m.index, end: end + closing });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function scoresIn(text: string, offset: number, re: RegExp, explicit: boolean): Score[] {
  const out: Score[] = [];
  for (const m of text.matchAll(re)) {
    const v = m[1];
    if (v !== undefined && d(v).lte(100)) {
      // `start` is where the number itself stands, so two patterns finding one score agree.
      out.push({
        value: d(v),
        printed: `${v}分`,
        start: offset + m.index + m[0].lastIndexOf(v),
        explicit,
      });
    }
  }
  return out;
}

/**
 * The score that backs a claim: a total-score word in its sentence; else the score printed nearest
 * before the claim ("合计98.90分，自评等级为优"); else the one score after it ("评定为良好，得分85分");
 * else the nearest total in the report. 'ambiguous' when several scores follow and none is a total.
 */
function scoreFor(
  doc: ReviewDocument,
  claim: GradeClaim,
  totals: readonly Score[],
): Score | 'ambiguous' | undefined {
  const s = sentenceAt(doc, claim.start);
  if (s !== undefined) {
    const explicit = [
      ...scoresIn(s.text, s.start, TOTAL_SCORE_RE, true),
      ...scoresIn(s.text, s.start, TABLE_TOTAL_RE, true),
    ];
    const others = [
      ...scoresIn(s.text, s.start, KEYWORD_SCORE_RE, false),
      ...scoresIn(s.text, s.start, PLAIN_SCORE_RE, false),
    ].filter(
      (x, i, all) =>
        !explicit.some((e) => e.start === x.start) &&
        all.findIndex((y) => y.start === x.start) === i,
    );
    const before = others.filter((x) => x.start < claim.start).sort((a, b) => b.start - a.start);
    const after = others.filter((x) => x.start > claim.start);
    const best =
      explicit.sort(
        (a, b) => Math.abs(a.start - claim.start) - Math.abs(b.start - claim.start),
      )[0] ?? before[0];
    if (best !== undefined) {
      return best;
    }
    if (after.length > 1) {
      return 'ambiguous';
    }
    if (after[0] !== undefined) {
      return after[0];
    }
  }
  return [...totals].sort(
    (a, b) => Math.abs(a.start - claim.start) - Math.abs(b.start - claim.start),
  )[0];
}

export function checkGrade(doc: ReviewDocument): ReviewFinding[] {
  const totals = [
    ...scoresIn(doc.text, 0, TOTAL_SCORE_RE, true),
    ...scoresIn(doc.text, 0, TABLE_TOTAL_RE, true),
  ];
  const out: ReviewFinding[] = [];
  let missingReported = false;
  for (const claim of gradeClaims(doc)) {
    const score = scoreFor(doc, claim, totals);
    if (score === 'ambiguous') {
      continue;
    }
    if (score === undefined) {
      if (!missingReported) {
        missingReported = true;
        out.push(
          makeFinding(doc, 'GRADE_WITHOUT_SCORE', claim.start, claim.end, {
            zh: `报告自评为“${claim.printed}”，但没有给出数值得分，无法核对是否落在${claim.grade}档（${BAND[claim.grade]} 分）；请给出自评得分并附自评表。`,
            en: `The report claims the grade “${claim.printed}” (${GRADE_EN[claim.grade]}) but gives no numeric score, so the ${BAND[claim.grade]} band cannot be checked; state the score and attach the self-evaluation table.`,
          }),
        );
      }
      continue;
    }
    const expected = gradeFor(score.value);
    if (expected !== claim.grade) {
      const near = Math.abs(score.start - claim.start) <= 80;
      const start = near ? Math.min(score.start, claim.start) : claim.start;
      const end = near ? Math.max(claim.end, score.start + score.printed.length) : claim.end;
      const where = near ? '' : `（第 ${lineOf(doc, score.start)} 行）`;
      out.push(
        makeFinding(doc, 'GRADE_SCORE_MISMATCH', start, end, {
          zh: `得分 ${score.printed}${where}对应等级“${expected}”（${BAND[expected]} 分），报告写作“${claim.printed}”。`,
          en: `A score of ${score.printed.replace('分', '')} is graded ${expected} (${GRADE_EN[expected]}, ${BAND[expected]}); the report says “${claim.printed}”.`,
        }),
      );
    }
  }
  return out;
}
