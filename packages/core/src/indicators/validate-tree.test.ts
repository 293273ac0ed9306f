// Goal-set checks on the Haizhu 2023 department goal (11 indicators, 90 points) and broken variants of it.
import { describe, expect, it } from 'vitest';
import { defaultPreset, getPreset } from '../scoring/presets.ts';
import {
  goalSetRulesFrom,
  hasErrors,
  validateGoalSet,
  type GoalSetIndicator,
  type GoalSetInput,
} from './validate-tree.ts';

const rules = goalSetRulesFrom(defaultPreset().rules);

const ind = (id: string, p: Partial<GoalSetIndicator>): GoalSetIndicator => ({
  id,
  level1: 'OUTPUT',
  level2: 'QUANTITY',
  name: `指标${id}`,
  operator: 'GE',
  target: '1',
  unit: '个',
  weight: '10',
  targetBasis: 'PLAN',
  ...p,
});

/** The 2023 department goal of 广州市海珠区投资促进局 (demo/haizhu-2023/plan.json). */
const haizhu: GoalSetInput = {
  targetText: '全年新洽谈重点招商项目不少于300个、推动注册落地项目不少于150个……',
  indicators: [
    ind('1', { name: '新洽谈重点招商项目数', target: '300', unit: '个', weight: '15' }),
    ind('2', { name: '推动注册落地项目数', target: '150', unit: '个', weight: '15' }),
    ind('3', {
      level2: 'QUALITY',
      name: '企业诉求按期办结率',
      target: '95',
      unit: '%',
      weight: '8',
      targetBasis: 'HISTORY',
    }),
    ind('4', {
      level2: 'TIMELINESS',
      name: '企业诉求平均办结时长',
      operator: 'LE',
      target: '10',
      unit: '个工作日',
      weight: '6',
    }),
    ind('5', {
      level2: 'COST',
      name: '单个落地项目平均招商经费',
      operator: 'LE',
      target: '0.5',
      unit: '万元/个',
      weight: '6',
    }),
    ind('6', {
      level1: 'BENEFIT',
      level2: 'ECONOMIC',
      name: '新一代信息技术服务业增加值占GDP比重',
      target: '15',
      unit: '%',
      weight: '8',
    }),
    ind('7', {
      level1: 'BENEFIT',
      level2: 'ECONOMIC',
      name: '工业供应业增加值占GDP比重',
      target: '3.5',
      unit: '%',
      weight: '6',
    }),
    ind('8', {
      level1: 'BENEFIT',
      level2: 'ECONOMIC',
      name: '新一代信息技术服务业拉动GDP增长',
      target: '2',
      unit: '个百分点',
      weight: '4',
    }),
    ind('9', {
      level1: 'BENEFIT',
      level2: 'ECONOMIC',
      name: '工业供应业拉动GDP增长',
      target: '1',
      unit: '个百分点',
      weight: '4',
    }),
    ind('10', {
      level1: 'BENEFIT',
      level2: 'SOCIAL',
      name: '新增商事主体数',
      target: '2',
      unit: '万家',
      weight: '8',
    }),
    ind('11', {
      level1: 'SATISFACTION',
      level2: 'SERVICE_SATISFACTION',
      name: '企业满意度',
      target: '90',
      unit: '%',
      weight: '10',
    }),
  ],
};

const codes = (input: GoalSetInput) =>
  validateGoalSet(input, rules).map((i) => `${i.severity}:${i.code}:${i.indicatorId ?? '-'}`);

describe('validateGoalSet', () => {
  it('the Haizhu 2023 department goal passes: 90 points, 50/30/10, every level 1 present', () => {
    expect(rules).toMatchObject({ indicatorWeightTotal: '90.00', budgetWeight: '10.00' });
    expect(validateGoalSet(haizhu, rules)).toEqual([]);
  });

  it('reports every problem at once, errors first, with Chinese messages naming the indicator', () => {
    const broken: GoalSetInput = {
      targetText: ' ',
      indicators: haizhu.indicators
        .filter((i) => i.level1 !== 'SATISFACTION')
        .map((i) =>
          i.id === '1'
            ? { ...i, target: '≥300个' }
            : i.id === '2'
              ? { ...i, unit: '' }
              : i.id === '3'
                ? { ...i, level2: 'SOCIAL' as const }
                : i.id === '4'
                  ? { ...i, targetBasis: null }
                  : i,
        ),
    };
    const issues = validateGoalSet(broken, rules);
    expect(codes(broken)).toEqual([
      'error:GOAL_TEXT_MISSING:-',
      'error:SATISFACTION_MISSING:-',
      'error:TARGET_NOT_NUMBER:1',
      'error:UNIT_MISSING:2',
      'error:LEVEL2_MISMATCH:3',
      'error:WEIGHT_SUM:-',
      'warning:TARGET_BASIS_MISSING:4',
    ]);
    expect(issues.find((i) => i.code === 'TARGET_NOT_NUMBER')?.message).toBe(
      '定量指标「新洽谈重点招商项目数」的年度指标值「≥300个」不是数字：请只填数字，单位填在计量单位中',
    );
    expect(issues.find((i) => i.code === 'WEIGHT_SUM')?.message).toBe(
      '三级指标分值合计 80.00 分，应为 90.00 分（另有预算执行率 10.00 分，合计 100 分）',
    );
    expect(hasErrors(issues)).toBe(true);
  });

  it('a justified absence of 满意度 is a warning, not an error; 满意度 weight moved to 效益 still sums to 90', () => {
    const input: GoalSetInput = {
      ...haizhu,
      noSatisfactionReason: '本项目为内部管理类项目，无直接服务对象',
      indicators: haizhu.indicators
        .filter((i) => i.level1 !== 'SATISFACTION')
        .map((i) => (i.id === '10' ? { ...i, weight: '18' } : i)),
    };
    expect(codes(input)).toEqual(['warning:SATISFACTION_JUSTIFIED:-']);
  });

  it('missing level 1, empty tree, bad weights, duplicates, qualitative targets', () => {
    expect(codes({ targetText: '目标', indicators: [] })).toEqual([
      'error:NO_INDICATORS:-',
      'error:LEVEL1_MISSING:-',
      'error:LEVEL1_MISSING:-',
      'error:SATISFACTION_MISSING:-',
    ]);
    const input: GoalSetInput = {
      targetText: '目标',
      indicators: [
        ind('a', { weight: '0' }),
        ind('b', { name: '指标a', weight: 'x' }),
        ind('c', {
          name: '指标a',
          level1: 'BENEFIT',
          level2: 'SOCIAL',
          operator: 'QUAL',
          target: '',
          unit: '',
        }),
        ind('d', {
          level1: 'SATISFACTION',
          level2: 'SERVICE_SATISFACTION',
          target: '120',
          unit: '%',
          weight: '10',
        }),
      ],
    };
    expect(codes(input)).toEqual([
      'error:DUPLICATE_NAME:a',
      'error:WEIGHT_INVALID:a',
      'error:DUPLICATE_NAME:b',
      'error:WEIGHT_INVALID:b',
      'error:DUPLICATE_NAME:c',
      'error:TARGET_MISSING:c',
      'warning:PERCENT_OVER_100:d',
    ]);
  });

  it('level-1 split differing from 50/30/10 is a warning; weights that do not sum are an error', () => {
    const shifted = {
      ...haizhu,
      indicators: haizhu.indicators.map((i) =>
        i.id === '1' ? { ...i, weight: '20' } : i.id === '10' ? { ...i, weight: '3' } : i,
      ),
    };
    const issues = validateGoalSet(shifted, rules);
    expect(issues.map((i) => i.code)).toEqual(['LEVEL1_SPLIT']);
    expect(issues[0]?.message).toBe(
      '一级指标分值为 产出指标 55.00、效益指标 25.00、满意度指标 10.00，与原则上的 产出指标 50、效益指标 30、满意度指标 10 不同，请确认',
    );
    const off = {
      ...haizhu,
      indicators: haizhu.indicators.map((i) => (i.id === '1' ? { ...i, weight: '15.5' } : i)),
    };
    expect(codes(off)).toEqual(['error:WEIGHT_SUM:-']);
  });

  it('a preset with a 20-point budget weight expects indicators to total 80', () => {
    const hubei = goalSetRulesFrom(getPreset('hubei-variant')!.rules);
    expect(hubei.indicatorWeightTotal).toBe('80.00');
    expect(validateGoalSet(haizhu, hubei).map((i) => i.code)).toEqual(['WEIGHT_SUM']);
  });

  it('mostly qualitative goal sets get a warning', () => {
    const input: GoalSetInput = {
      targetText: '目标',
      indicators: [
        ind('1', { weight: '50' }),
        ind('2', {
          level1: 'BENEFIT',
          level2: 'SOCIAL',
          operator: 'QUAL',
          target: '明显提升',
          unit: '',
          weight: '30',
        }),
        ind('3', {
          level1: 'SATISFACTION',
          level2: 'SERVICE_SATISFACTION',
          operator: 'QUAL',
          target: '较为满意',
          unit: '',
          weight: '10',
        }),
      ],
    };
    expect(codes(input)).toEqual(['warning:QUANT_SHARE_LOW:-']);
  });
});
