// The findings a reviewer must see, each with its message in Chinese and English.
import Big from 'big.js';
import { toFixed2, type Decimal } from '../decimal.ts';
import { coded, indicatorLabel } from './messages.ts';
import { divExact } from './exact.ts';
import { LEVEL1_TEXT, LEVEL1_TEXT_EN, OPERATOR_SYMBOL } from './vocabulary.ts';
import type { Finding, IndicatorInput, Level1, ScoringRules } from './types.ts';

type Subject = Pick<IndicatorInput, 'id' | 'name' | 'operator' | 'unit'>;

function label(i: Subject): { zh: string; en: string } {
  return indicatorLabel(i.id, i.name);
}

function withUnit(value: Decimal, i: Subject): string {
  return `${value.toFixed()}${i.unit ?? ''}`;
}

export function belowTarget(i: Subject, target: Decimal, actual: Decimal): Finding {
  const l = label(i);
  const op = OPERATOR_SYMBOL[i.operator];
  const reverse = i.operator === 'LE' || i.operator === 'LT';
  return coded(
    'BELOW_TARGET',
    i.id,
    `${l.zh}：实际完成值 ${withUnit(actual, i)} ${reverse ? '超出' : '未达到'}年度指标值 ${op}${withUnit(target, i)}，须填写偏差原因分析及改进措施`,
    `Indicator ${i.id} "${i.name}": actual ${withUnit(actual, i)} ${reverse ? 'exceeds' : 'misses'} the target ${op} ${withUnit(target, i)}; a deviation note is required`,
  );
}

export function overTargetFinding(
  i: Subject,
  target: Decimal,
  actual: Decimal,
  rules: ScoringRules,
): Finding {
  const l = label(i);
  if (target.eq(0)) {
    return coded(
      'OVER_TARGET',
      i.id,
      `${l.zh}：年度指标值为 0，实际完成值 ${withUnit(actual, i)} ≥ ${rules.overTargetWhenZeroTarget}，须说明原因；指标值明显偏低的，审核时可按偏离度适度调减分值`,
      `Indicator ${i.id} "${i.name}": the target is 0 and the actual ${withUnit(actual, i)} ≥ ${rules.overTargetWhenZeroTarget}; explain why (a reviewer may deduct if the target was set too low)`,
    );
  }
  const pct = toFixed2(divExact(actual.times(100), target));
  const limit = new Big(rules.overTargetRatio).times(100).toFixed();
  return coded(
    'OVER_TARGET',
    i.id,
    `${l.zh}：实际完成值 ${withUnit(actual, i)} 为年度指标值 ${withUnit(target, i)} 的 ${pct}%（≥ ${limit}%），须说明原因；指标值明显偏低的，审核时可按偏离度适度调减分值`,
    `Indicator ${i.id} "${i.name}": actual ${withUnit(actual, i)} is ${pct}% of the target ${withUnit(target, i)} (≥ ${limit}%); explain why (a reviewer may deduct if the target was set too low)`,
  );
}

export function deviationNoteMissing(i: Subject): Finding {
  const l = label(i);
  return coded(
    'DEVIATION_NOTE_MISSING',
    i.id,
    `${l.zh}：未填写偏差原因分析及改进措施`,
    `Indicator ${i.id} "${i.name}": the deviation note (偏差原因分析及改进措施) is empty`,
  );
}

export function deductionWithoutReason(i: Subject, deduction: Decimal): Finding {
  const l = label(i);
  return coded(
    'DEDUCTION_WITHOUT_REASON',
    i.id,
    `${l.zh}：扣分 ${toFixed2(deduction)} 未填写扣分理由`,
    `Indicator ${i.id} "${i.name}": deduction ${toFixed2(deduction)} has no reason`,
  );
}

export function executionLow(rate: Decimal, rules: ScoringRules): Finding {
  return coded(
    'EXECUTION_LOW',
    null,
    `预算执行率 ${toFixed2(rate)}% 低于 ${rules.executionExplainBelow}%，须说明原因`,
    `The budget execution rate ${toFixed2(rate)}% is below ${rules.executionExplainBelow}%; an explanation is required`,
  );
}

export function budgetAdjusted(initial: Decimal, adjusted: Decimal): Finding {
  return coded(
    'BUDGET_ADJUSTED',
    null,
    `年初预算数 ${toFixed2(initial)} 万元与全年预算数 ${toFixed2(adjusted)} 万元不一致（年中预算调整），须单独说明调整理由`,
    `The initial budget ${toFixed2(initial)} differs from the adjusted budget ${toFixed2(adjusted)} (10k yuan); the adjustment must be explained`,
  );
}

export function budgetNoteMissing(): Finding {
  return coded(
    'DEVIATION_NOTE_MISSING',
    null,
    '项目资金：未填写预算调整或执行率偏低的说明（budget.note）',
    'Budget: the explanation of the adjustment or low execution (budget.note) is empty',
  );
}

function formatSplit(split: ReadonlyMap<Level1, Decimal>, lang: 'zh' | 'en'): string {
  const names = lang === 'zh' ? LEVEL1_TEXT : LEVEL1_TEXT_EN;
  return [...split].map(([k, v]) => `${names[k]} ${v.toFixed()}`).join(' / ');
}

export function level1Split(
  actual: ReadonlyMap<Level1, Decimal>,
  expected: ReadonlyMap<Level1, Decimal>,
): Finding {
  return coded(
    'LEVEL1_SPLIT',
    null,
    `一级指标分值为 ${formatSplit(actual, 'zh')}，与规定的 ${formatSplit(expected, 'zh')} 不一致`,
    `Level-1 weights are ${formatSplit(actual, 'en')}, not the prescribed ${formatSplit(expected, 'en')}`,
  );
}

export function noSatisfaction(): Finding {
  return coded(
    'NO_SATISFACTION',
    null,
    '未设置（适用的）满意度指标；未设置的须说明理由',
    'No (applicable) satisfaction indicator is set; its absence must be justified',
  );
}
