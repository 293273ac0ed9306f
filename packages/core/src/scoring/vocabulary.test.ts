// Text ↔ code for operators, level-1 names and 定性 levels.
import { describe, expect, it } from 'vitest';
import { parseLevel1, parseOperator, parseQualLevel, QUAL_LEVEL_TEXT } from './vocabulary.ts';

describe('vocabulary', () => {
  it('operators: full-width, ASCII, codes; nothing inherited', () => {
    expect(
      ['≥', '>=', '＞', '>', '＝', '=', '＜', '<', '≤', '<=', '定性', ' ≥ '].map(parseOperator),
    ).toEqual(['GE', 'GE', 'GT', 'GT', 'EQ', 'EQ', 'LT', 'LT', 'LE', 'LE', 'QUAL', 'GE']);
    expect(parseOperator('toString')).toBeNull();
    expect(parseOperator('==')).toBeNull();
  });
  it('level 1 including 成本指标', () => {
    expect(['产出指标', '效益指标', '满意度指标', '成本指标', 'OUTPUT'].map(parseLevel1)).toEqual([
      'OUTPUT',
      'BENEFIT',
      'SATISFACTION',
      'COST',
      'OUTPUT',
    ]);
    expect(parseLevel1('决策')).toBeNull();
    expect(parseLevel1('constructor')).toBeNull();
  });
  it('the three exact 定性 texts', () => {
    expect(parseQualLevel('达成年度指标')).toBe('ACHIEVED');
    expect(parseQualLevel('部分达成年度指标并具有一定效果')).toBe('PARTIAL');
    expect(parseQualLevel('未达成年度指标且效果较差')).toBe('NOT_ACHIEVED');
    expect(parseQualLevel('部分达成')).toBeNull();
    expect(QUAL_LEVEL_TEXT.ACHIEVED).toBe('达成年度指标');
  });
});
