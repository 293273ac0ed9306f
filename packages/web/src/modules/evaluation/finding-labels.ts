// The scoring engine's finding and error codes in words (the 自评表's side panel and the review notices): a code
// never reaches the screen, and an indicator is named by its name, not its internal id.
import type { Lang } from '../../i18n/i18n.tsx';

type Label = { zh: string; en: string };

const LABELS: Record<string, Label> = {
  BELOW_TARGET: { zh: '未达目标', en: 'Below target' },
  OVER_TARGET: { zh: '超额完成', en: 'Over target' },
  EXECUTION_LOW: { zh: '执行率偏低', en: 'Low execution' },
  BUDGET_ADJUSTED: { zh: '预算调整', en: 'Budget adjusted' },
  DEVIATION_NOTE_MISSING: { zh: '缺偏差原因', en: 'Deviation note missing' },
  LEVEL1_SPLIT: { zh: '一级指标分值', en: 'Level-1 weights' },
  NO_SATISFACTION: { zh: '缺满意度指标', en: 'No satisfaction indicator' },
  DEDUCTION_WITHOUT_REASON: { zh: '扣分缺理由', en: 'Deduction without reason' },
  WEIGHT_SUM: { zh: '分值合计不符', en: 'Weights do not add up' },
  BUDGET_ZERO: { zh: '预算为零', en: 'Budget is zero' },
  NOT_A_NUMBER: { zh: '不是数字', en: 'Not a number' },
  QUAL_LEVEL: { zh: '定性等级无效', en: 'Invalid level' },
  QUAL_SCORE_MISSING: { zh: '缺定性得分', en: 'Qualitative score missing' },
  QUAL_SCORE_OUT_OF_BAND: { zh: '得分超出档次', en: 'Score outside its band' },
  DUPLICATE_ID: { zh: '指标重复', en: 'Duplicate indicator' },
  SCHEMA: { zh: '数据不完整', en: 'Incomplete data' },
  // 报告审核 (core/review): the checks of a report's text
  MISSING_SECTION: { zh: '缺少章节', en: 'Missing section' },
  RATE_MISMATCH: { zh: '执行率不符', en: 'Rate mismatch' },
  RATE_PRECISION: { zh: '执行率精度', en: 'Rate precision' },
  AMOUNT_INCONSISTENT: { zh: '金额前后不一', en: 'Amounts disagree' },
  BUDGET_RECONCILE: { zh: '预算勾稽不符', en: 'Budget does not reconcile' },
  GRADE_WITHOUT_SCORE: { zh: '有等级无得分', en: 'Grade without score' },
  GRADE_SCORE_MISMATCH: { zh: '等级与得分不符', en: 'Grade and score disagree' },
  TARGETS_AFTER_FACT: { zh: '目标事后设定', en: 'Targets set after the fact' },
  NO_TARGET_VALUES: { zh: '缺目标值', en: 'No target values' },
  DUPLICATE_TEXT: { zh: '内容重复', en: 'Repeated text' },
  UNIT_PERCENTAGE_POINTS: { zh: '百分点用法', en: 'Percentage points' },
  STALE_TEXT: { zh: '沿用旧文', en: 'Stale text' },
};

/** A finding's or error's short name; an unknown code is named generically, never shown. */
export function findingLabel(code: string, lang: Lang): string {
  const l = LABELS[code];
  return l ? l[lang] : lang === 'en' ? 'Note' : '提示';
}

/** The message without the indicator's internal id ("指标 BUDGET「预算执行率」" → "指标「预算执行率」"). */
export function withoutIndicatorId(message: string, indicator: string | null): string {
  if (!indicator) {
    return message;
  }
  const id = indicator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return message
    .replace(new RegExp(`指标 ${id}(?=「)`, 'g'), '指标')
    .replace(new RegExp(`指标 ${id}`, 'g'), '该指标')
    .replace(new RegExp(`([Ii])ndicator ${id} (?=")`, 'g'), '$1ndicator ')
    .replace(new RegExp(`([Ii])ndicator ${id}\\b`, 'g'), '$1ndicator');
}

/**
 * Where a report-review finding is, in words: page and line of a PDF, paragraph of a Word file (not counting
 * empty ones), line of a text file.
 */
export function findingPlace(
  f: { line: number; page?: number | undefined },
  kind: 'txt' | 'docx' | 'pdf' | undefined,
  lang: Lang,
): string {
  if (f.page !== undefined) {
    return lang === 'en' ? `page ${f.page}, line ${f.line}` : `第 ${f.page} 页第 ${f.line} 行`;
  }
  if (kind === 'docx') {
    return lang === 'en' ? `paragraph ${f.line}` : `第 ${f.line} 段`;
  }
  return lang === 'en' ? `line ${f.line}` : `第 ${f.line} 行`;
}
