// 同比 in the report's 支出 paragraph: the department's 执行率 and 自评得分 beside the year before's, each a
// figure with its record (the year before's self-evaluation, or this year's).
import { d, toFixed2 } from '../decimal.ts';
import type { YearComparison } from '../linkage/year-comparison.ts';
import { figure, normaliseRuns, text, type Run, type SourceRef } from './document-model.ts';

function change(delta: string, unit: string, source: SourceRef): Run[] {
  const x = d(delta);
  if (x.eq(0)) {
    return [text('持平')];
  }
  return [text(x.gt(0) ? '提高' : '下降'), figure(`${toFixed2(x.abs())}${unit}`, source)];
}

/** "与2023年度相比，部门预算执行率由99.99%下降0.78个百分点至99.21%，部门整体自评得分由98.67分提高1.25分至99.92分。" */
export function yearOnYearRuns(c: YearComparison | null, dept: SourceRef): Run[] | null {
  const s = c?.department;
  if (!c || !s || s.previousRate === null || s.currentRate === null || s.rateChange === null) {
    return null;
  }
  const before: SourceRef = { ...dept, note: `${c.previousYear}年度自评` };
  const diff: SourceRef = { ...dept, note: `${c.year}年度与${c.previousYear}年度之差` };
  const runs: Run[] = [
    text(`与${c.previousYear}年度相比，部门预算执行率由`),
    figure(`${s.previousRate}%`, before),
    ...change(s.rateChange, '个百分点', diff),
    text('至'),
    figure(`${s.currentRate}%`, { ...dept, note: '执行率 = 全年执行数 ÷ 全年预算数' }),
  ];
  if (s.previousScore !== null && s.currentScore !== null && s.scoreChange !== null) {
    runs.push(
      text('，部门整体自评得分由'),
      figure(`${s.previousScore}分`, before),
      ...change(s.scoreChange, '分', diff),
      text('至'),
      figure(`${s.currentScore}分`, dept),
    );
  }
  runs.push(text('。'));
  return normaliseRuns(runs);
}
