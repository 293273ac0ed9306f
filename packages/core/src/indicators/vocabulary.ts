// The indicator tree's fixed words: level-2 names and which level 1 they belong to, target bases.
import type { Level1, Operator } from '../scoring/types.ts';

export type IndicatorLevel2 =
  | 'QUANTITY'
  | 'QUALITY'
  | 'TIMELINESS'
  | 'COST'
  | 'ECONOMIC'
  | 'SOCIAL'
  | 'ECOLOGICAL'
  | 'SUSTAINABLE'
  | 'SERVICE_SATISFACTION';

export type TargetBasisCode = 'PLAN' | 'INDUSTRY' | 'HISTORY' | 'OTHER';

export const LEVEL2_TEXT: Readonly<Record<IndicatorLevel2, string>> = {
  QUANTITY: '数量指标',
  QUALITY: '质量指标',
  TIMELINESS: '时效指标',
  COST: '成本指标',
  ECONOMIC: '经济效益指标',
  SOCIAL: '社会效益指标',
  ECOLOGICAL: '生态效益指标',
  SUSTAINABLE: '可持续影响指标',
  SERVICE_SATISFACTION: '服务对象满意度指标',
};

export const LEVEL2_TEXT_EN: Readonly<Record<IndicatorLevel2, string>> = {
  QUANTITY: 'quantity',
  QUALITY: 'quality',
  TIMELINESS: 'timeliness',
  COST: 'cost',
  ECONOMIC: 'economic benefit',
  SOCIAL: 'social benefit',
  ECOLOGICAL: 'ecological benefit',
  SUSTAINABLE: 'sustainable impact',
  SERVICE_SATISFACTION: 'service-recipient satisfaction',
};

/**
 * Level-2 categories allowed under each level 1 (domain-rules §2.3). 成本指标 may sit under 产出 (10号 自评表)
 * or be its own level 1 (101号: 经济/社会/生态成本).
 */
export const LEVEL2_OF_LEVEL1: Readonly<Record<Level1, readonly IndicatorLevel2[]>> = {
  OUTPUT: ['QUANTITY', 'QUALITY', 'TIMELINESS', 'COST'],
  BENEFIT: ['ECONOMIC', 'SOCIAL', 'ECOLOGICAL', 'SUSTAINABLE'],
  SATISFACTION: ['SERVICE_SATISFACTION'],
  COST: ['COST', 'ECONOMIC', 'SOCIAL', 'ECOLOGICAL'],
};

export const TARGET_BASIS_TEXT: Readonly<Record<TargetBasisCode, string>> = {
  PLAN: '计划标准',
  INDUSTRY: '行业标准',
  HISTORY: '历史标准',
  OTHER: '其他标准',
};

export const LEVEL1_CODES: readonly Level1[] = ['OUTPUT', 'BENEFIT', 'SATISFACTION', 'COST'];
export const LEVEL2_CODES: readonly IndicatorLevel2[] = Object.keys(
  LEVEL2_TEXT,
) as IndicatorLevel2[];
export const OPERATOR_CODES: readonly Operator[] = ['GE', 'GT', 'EQ', 'LT', 'LE', 'QUAL'];
export const TARGET_BASIS_CODES: readonly TargetBasisCode[] = [
  'PLAN',
  'INDUSTRY',
  'HISTORY',
  'OTHER',
];

/** Quantitative (定量) indicators have a numeric target and a unit; 定性 ones a graded statement. */
export function isQuantitative(operator: Operator): boolean {
  return operator !== 'QUAL';
}

export function level2Allowed(level1: Level1, level2: IndicatorLevel2): boolean {
  return LEVEL2_OF_LEVEL1[level1].includes(level2);
}
