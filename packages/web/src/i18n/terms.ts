// The budget-performance words that reach the screen as data (一级/二级指标, 资金来源, 支出类型, 等级, 万元) in
// English when the language is English; a word not listed is shown as it is (names typed by users stay theirs).
import type { Lang } from './i18n.tsx';

const EN: Record<string, string> = {
  产出指标: 'Output',
  效益指标: 'Benefit',
  满意度指标: 'Satisfaction',
  成本指标: 'Cost',
  数量指标: 'Quantity',
  质量指标: 'Quality',
  时效指标: 'Timeliness',
  经济成本指标: 'Economic cost',
  社会成本指标: 'Social cost',
  生态环境成本指标: 'Environmental cost',
  经济效益指标: 'Economic benefit',
  社会效益指标: 'Social benefit',
  生态效益指标: 'Ecological benefit',
  可持续影响指标: 'Sustainable impact',
  服务对象满意度指标: 'Service-user satisfaction',
  一般公共预算: 'General public budget',
  政府性基金: 'Government fund',
  政府性基金预算: 'Government fund budget',
  国有资本经营预算: 'State capital budget',
  财政专户: 'Fiscal special account',
  其他: 'Other',
  基本支出: 'Basic expenditure',
  项目支出: 'Project expenditure',
  优: 'Excellent',
  良: 'Good',
  中: 'Fair',
  差: 'Poor',
  万元: '10k yuan',
  元: 'yuan',
};

/** The word in the language (English when listed, else as it is). */
export function term(text: string, lang: Lang): string {
  return lang === 'en' ? (EN[text.trim()] ?? text) : text;
}

/** "36,628.61 万元" → "36,628.61 (10k yuan)" in English. */
export function moneyUnit(text: string, lang: Lang): string {
  return lang === 'en' ? text.replace(/\s*万元$/, ' (10k yuan)') : text;
}
