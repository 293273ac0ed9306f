// Checks of a goal set before submission (domain-rules §4, scoring-contract weight sums): all problems at once.
import { d, dSum, isDecimalString, toFixed2 } from '../decimal.ts';
import type { Bilingual } from '../result.ts';
import { LEVEL1_TEXT } from '../scoring/vocabulary.ts';
import type { Level1, Operator, ScoringRules } from '../scoring/types.ts';
import { LEVEL2_TEXT, isQuantitative, level2Allowed, type IndicatorLevel2 } from './vocabulary.ts';

export interface GoalSetIndicator {
  id: string;
  level1: Level1;
  level2: IndicatorLevel2;
  name: string;
  operator: Operator;
  target: string;
  unit: string;
  /** Decimal string (分值). */
  weight: string;
  targetBasis?: string | null;
}

export interface GoalSetInput {
  /** 年度总体目标 text. */
  targetText: string;
  indicators: readonly GoalSetIndicator[];
  /** Why there is no 满意度 indicator (turns the error into a warning). */
  noSatisfactionReason?: string | null;
}

export interface GoalSetRules {
  /** Σ level-3 weights: 100 − budget weight (90 under mof-2020). */
  indicatorWeightTotal: string;
  budgetWeight: string;
  /** Expected level-1 split (产出 50 / 效益 30 / 满意度 10); a difference is a warning. */
  level1Weights: Readonly<Partial<Record<Level1, string>>>;
  /** Below this share of quantitative indicators: a warning (no official number exists; configurable). */
  minQuantitativeShare: string;
}

export type GoalSetIssueCode =
  | 'GOAL_TEXT_MISSING'
  | 'NO_INDICATORS'
  | 'LEVEL1_MISSING'
  | 'SATISFACTION_MISSING'
  | 'SATISFACTION_JUSTIFIED'
  | 'LEVEL2_MISMATCH'
  | 'NAME_MISSING'
  | 'DUPLICATE_NAME'
  | 'UNIT_MISSING'
  | 'TARGET_MISSING'
  | 'TARGET_NOT_NUMBER'
  | 'WEIGHT_INVALID'
  | 'WEIGHT_SUM'
  | 'LEVEL1_SPLIT'
  | 'TARGET_BASIS_MISSING'
  | 'QUANT_SHARE_LOW'
  | 'PERCENT_OVER_100';

export interface GoalSetIssue {
  code: GoalSetIssueCode;
  /** error: submission is refused; warning: shown, submission allowed. */
  severity: 'error' | 'warning';
  /** The indicator concerned, or null for the whole goal set. */
  indicatorId: string | null;
  message: string;
  messageEn: string;
}

/** The goal-set rules implied by a scoring preset: indicators total 100 − budget weight. */
export function goalSetRulesFrom(
  rules: Pick<ScoringRules, 'budgetWeight' | 'level1Weights'>,
  minQuantitativeShare = '0.5',
): GoalSetRules {
  return {
    indicatorWeightTotal: toFixed2(d(100).minus(d(rules.budgetWeight))),
    budgetWeight: toFixed2(d(rules.budgetWeight)),
    level1Weights: rules.level1Weights,
    minQuantitativeShare,
  };
}

const REQUIRED_LEVEL1: readonly Level1[] = ['OUTPUT', 'BENEFIT'];

/** Every problem of the goal set, errors first in tree order; an empty list means it may be submitted. */
export function validateGoalSet(input: GoalSetInput, rules: GoalSetRules): GoalSetIssue[] {
  const issues: GoalSetIssue[] = [];
  const add = (
    code: GoalSetIssueCode,
    severity: GoalSetIssue['severity'],
    indicatorId: string | null,
    m: Bilingual,
  ): void => {
    issues.push({ code, severity, indicatorId, message: m.zh, messageEn: m.en });
  };

  if (input.targetText.trim() === '') {
    add('GOAL_TEXT_MISSING', 'error', null, {
      zh: '未填写年度总体目标（预期目标）',
      en: 'The annual overall goal text is empty',
    });
  }
  const inds = input.indicators;
  if (inds.length === 0) {
    add('NO_INDICATORS', 'error', null, {
      zh: '尚未设置任何绩效指标',
      en: 'No indicators have been set',
    });
  }

  const present = new Set(inds.map((i) => i.level1));
  for (const l1 of REQUIRED_LEVEL1) {
    if (!present.has(l1)) {
      add('LEVEL1_MISSING', 'error', null, {
        zh: `缺少一级指标「${LEVEL1_TEXT[l1]}」：每个一级指标至少设置一个三级指标`,
        en: `Level-1 category ${l1} has no indicator`,
      });
    }
  }
  if (!present.has('SATISFACTION')) {
    const reason = input.noSatisfactionReason?.trim() ?? '';
    if (reason === '') {
      add('SATISFACTION_MISSING', 'error', null, {
        zh: '缺少满意度指标：请设置服务对象满意度指标，或填写不设置的理由',
        en: 'No satisfaction indicator: add one or give the reason for its absence',
      });
    } else {
      add('SATISFACTION_JUSTIFIED', 'warning', null, {
        zh: `未设置满意度指标，理由：${reason}（其 ${rules.level1Weights.SATISFACTION ?? '10'} 分按规定调整至其他一级指标）`,
        en: `No satisfaction indicator, justified: ${reason}`,
      });
    }
  }

  const names = new Map<string, number>();
  for (const i of inds) {
    const key = i.name.trim();
    names.set(key, (names.get(key) ?? 0) + 1);
  }

  let quantitative = 0;
  const weights: { level1: Level1; w: ReturnType<typeof d> }[] = [];
  for (const i of inds) {
    const label = i.name.trim() === '' ? '（未命名指标）' : `「${i.name.trim()}」`;
    if (i.name.trim() === '') {
      add('NAME_MISSING', 'error', i.id, {
        zh: '有指标未填写三级指标名称',
        en: 'An indicator has no name',
      });
    } else if ((names.get(i.name.trim()) ?? 0) > 1) {
      add('DUPLICATE_NAME', 'error', i.id, {
        zh: `指标名称${label}重复：同一目标下三级指标名称应唯一`,
        en: `Duplicate indicator name ${i.name}`,
      });
    }
    if (!level2Allowed(i.level1, i.level2)) {
      add('LEVEL2_MISMATCH', 'error', i.id, {
        zh: `指标${label}的二级指标「${LEVEL2_TEXT[i.level2]}」不属于一级指标「${LEVEL1_TEXT[i.level1]}」`,
        en: `Indicator ${i.name}: level 2 ${i.level2} does not belong to level 1 ${i.level1}`,
      });
    }
    if (isQuantitative(i.operator)) {
      quantitative += 1;
      if (i.target.trim() === '') {
        add('TARGET_MISSING', 'error', i.id, {
          zh: `定量指标${label}未填写年度指标值`,
          en: `Quantitative indicator ${i.name} has no target`,
        });
      } else if (!isDecimalString(i.target)) {
        add('TARGET_NOT_NUMBER', 'error', i.id, {
          zh: `定量指标${label}的年度指标值「${i.target}」不是数字：请只填数字，单位填在计量单位中`,
          en: `Quantitative indicator ${i.name}: target "${i.target}" is not a number`,
        });
      } else if (
        i.unit.trim() === '%' &&
        (i.operator === 'GE' || i.operator === 'GT' || i.operator === 'EQ') &&
        d(i.target).gt(100)
      ) {
        add('PERCENT_OVER_100', 'warning', i.id, {
          zh: `指标${label}的目标值 ${i.target}% 超过 100%，请核实`,
          en: `Indicator ${i.name}: target ${i.target}% exceeds 100%`,
        });
      }
      if (i.unit.trim() === '') {
        add('UNIT_MISSING', 'error', i.id, {
          zh: `定量指标${label}未填写计量单位`,
          en: `Quantitative indicator ${i.name} has no unit`,
        });
      }
    } else if (i.target.trim() === '') {
      add('TARGET_MISSING', 'error', i.id, {
        zh: `定性指标${label}未填写年度指标值（预期达到的状态）`,
        en: `Qualitative indicator ${i.name} has no target statement`,
      });
    }
    if (!isDecimalString(i.weight) || d(i.weight).lte(0)) {
      add('WEIGHT_INVALID', 'error', i.id, {
        zh: `指标${label}的分值「${i.weight}」应为大于 0 的数字`,
        en: `Indicator ${i.name}: weight "${i.weight}" must be a number above 0`,
      });
    } else {
      weights.push({ level1: i.level1, w: d(i.weight) });
    }
    if (!i.targetBasis) {
      add('TARGET_BASIS_MISSING', 'warning', i.id, {
        zh: `指标${label}未注明指标值来源（计划标准 / 行业标准 / 历史标准 / 其他）`,
        en: `Indicator ${i.name}: the basis of its target (plan / industry / history / other) is not recorded`,
      });
    }
  }

  if (inds.length > 0 && weights.length === inds.length) {
    const total = dSum(weights.map((x) => x.w));
    const expected = d(rules.indicatorWeightTotal);
    if (!total.eq(expected)) {
      add('WEIGHT_SUM', 'error', null, {
        zh: `三级指标分值合计 ${toFixed2(total)} 分，应为 ${toFixed2(expected)} 分（另有预算执行率 ${toFixed2(d(rules.budgetWeight))} 分，合计 100 分）`,
        en: `Indicator weights total ${toFixed2(total)}, expected ${toFixed2(expected)} (plus ${toFixed2(d(rules.budgetWeight))} for budget execution = 100)`,
      });
    } else if (present.has('SATISFACTION')) {
      const byLevel1 = new Map<Level1, ReturnType<typeof d>>();
      for (const x of weights) {
        const key: Level1 = rules.level1Weights[x.level1] === undefined ? 'OUTPUT' : x.level1;
        byLevel1.set(key, (byLevel1.get(key) ?? d(0)).plus(x.w));
      }
      const diffs = (Object.entries(rules.level1Weights) as [Level1, string][]).filter(
        ([l1, w]) => !(byLevel1.get(l1) ?? d(0)).eq(d(w)),
      );
      if (diffs.length > 0) {
        const actual = (Object.keys(rules.level1Weights) as Level1[])
          .map((l1) => `${LEVEL1_TEXT[l1]} ${toFixed2(byLevel1.get(l1) ?? d(0))}`)
          .join('、');
        const want = (Object.entries(rules.level1Weights) as [Level1, string][])
          .map(([l1, w]) => `${LEVEL1_TEXT[l1]} ${w}`)
          .join('、');
        add('LEVEL1_SPLIT', 'warning', null, {
          zh: `一级指标分值为 ${actual}，与原则上的 ${want} 不同，请确认`,
          en: `Level-1 weights differ from the default split (${want})`,
        });
      }
    }
  }

  if (inds.length > 0) {
    const share = d(quantitative).div(inds.length);
    if (share.lt(d(rules.minQuantitativeShare))) {
      add('QUANT_SHARE_LOW', 'warning', null, {
        zh: `定量指标 ${quantitative} 个，占 ${toFixed2(share.times(100))}%，低于 ${toFixed2(d(rules.minQuantitativeShare).times(100))}%：指标应尽量量化`,
        en: `Only ${quantitative} of ${inds.length} indicators are quantitative`,
      });
    }
  }

  return [
    ...issues.filter((x) => x.severity === 'error'),
    ...issues.filter((x) => x.severity === 'warning'),
  ];
}

export function hasErrors(issues: readonly GoalSetIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
