// TARGETS_AFTER_FACT: the text admits that targets or indicators were set from actual results.
import { clauseStart, type ReviewDocument } from '../review-document.ts';
import { makeFinding, type ReviewFinding } from '../types.ts';

const ACTUALS =
  '(?:实际完成情况|实际执行情况|实际完成值|实际完成|实际情况|完成情况|执行情况|实际支出|完成值|实际值|实际数)';
const SET = '(?:制定|设定|设置|确定|填报|编制|调整|倒推|修改|修订|拟定|申报)';
const BASIS = '(?:根据|依据|按照|参照|对照|比照|依照|按)';
// 绩效目标和指标也只是根据项目实际完成情况制定
const TARGET_FIRST_RE = new RegExp(
  `(?:绩效)?(?:目标|指标)[^。；;，,]{0,14}?${BASIS}[^。；;]{0,10}?${ACTUALS}[^。；;，,]{0,6}?${SET}`,
  'g',
);
// 根据实际完成情况设定绩效目标 / 按实际完成值倒推指标值
const BASIS_FIRST_RE = new RegExp(
  `(?:${BASIS}|按)[^。；;，,]{0,10}?${ACTUALS}[^。；;，,]{0,4}?${SET}[^。；;，,]{0,6}?(?:目标|指标)`,
  'g',
);
const AFTER_RE =
  /(?:事后|年末|年底)(?:补设|补报|补充设定|设定|制定|倒推)[^。；;，,]{0,6}?(?:目标|指标)|倒推(?:绩效)?(?:目标|指标)/g;
// "不得根据实际完成情况调整目标" is a rule, not an admission.
// Setting this year's targets from earlier years' results is the 历史标准, which is allowed.
const HISTORY_RE = /上年|往年|历史|以前年度|前[一二两三]年|近[一二两三]年|去年|上一年|同期/;
const NEGATION_RE =
  /不得|不能|不应|不可|不再|避免|杜绝|防止|严禁|禁止|而非|并非|不是|不允许|不宜|未/;

export function checkTargetsAfterFact(doc: ReviewDocument): ReviewFinding[] {
  const out: ReviewFinding[] = [];
  const seen: [number, number][] = [];
  for (const re of [TARGET_FIRST_RE, BASIS_FIRST_RE, AFTER_RE]) {
    for (const m of doc.text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      const lead = doc.text.slice(clauseStart(doc.text, start), start);
      if (
        NEGATION_RE.test(lead + m[0]) ||
        HISTORY_RE.test(m[0]) ||
        seen.some(([s, e]) => start < e && s < end)
      ) {
        continue;
      }
      seen.push([start, end]);
      out.push(
        makeFinding(doc, 'TARGETS_AFTER_FACT', start, end, {
          zh: '报告称绩效目标或指标是根据实际完成情况制定的：目标应在预算批复时设定，事后依结果设定的目标无法衡量完成情况，各项“完成”结论均无法核实。',
          en: 'The report says targets or indicators were set from the actual results. Targets must be fixed when the budget is approved; targets set after the fact cannot measure performance, so every “achieved” claim is unverifiable.',
        }),
      );
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
