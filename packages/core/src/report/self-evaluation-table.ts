// The 自评表 layouts (domain-rules §3.8) as table data — the one definition the docx, xlsx, Markdown and
// HTML renderers share. Header, 项目资金（万元） block, 年度总体目标, 绩效指标, 总分.
import { d, dSum, percentOf, toFixed2 } from '../decimal.ts';
import { fenToWan, formatWan, type Fen } from '../money.ts';
import {
  cell,
  figure,
  text,
  type Run,
  type TableBlock,
  type TableCell,
  type TableRow,
} from './document-model.ts';
import type {
  DepartmentReportData,
  ReportBudgetBlock,
  ReportIndicator,
  ReportProject,
  ReportScore,
  SourceRef,
} from './report-data.ts';
import {
  ILLUSTRATIVE_MARK,
  TARGET_CHANGE_MARK,
  chineseDate,
  executionRateText,
  formatActual,
  formatTarget,
  formatTargetValue,
  trimEnd,
} from './report-format.ts';

/**
 * Ten grid columns (mm, sum 156 = A4 text width with 公文 margins); the blocks merge them differently so that
 * amounts get 18–24 mm and the deviation note 44 mm:
 * budget block | 项目资金 | row label (2) | 年初预算数 | 全年预算数 | 全年执行数 (2) | 分值 | 执行率 | 得分 |
 * indicators   | 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 (3) |
 */
export const SELF_EVALUATION_COLUMNS_MM: readonly number[] = [
  15, 15, 22, 18, 18, 12, 12, 14, 16, 14,
];

export const INDICATOR_HEADERS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '分值',
  '得分',
  '偏差原因分析及改进措施',
] as const;
export const BUDGET_HEADERS = [
  '年初预算数',
  '全年预算数',
  '全年执行数',
  '分值',
  '执行率',
  '得分',
] as const;

const TABLE_FONT_PT = 9;

function row(cells: TableCell[], repeatHeader = false): TableRow {
  return { cells, repeatHeader };
}

function head(s: string, colSpan = 1, rowSpan = 1): TableCell {
  return cell(s, { header: true, align: 'center', colSpan, rowSpan });
}

function amountCell(f: Fen, source: SourceRef, colSpan = 1): TableCell {
  return cell([figure(formatWan(f), source)], {
    align: 'right',
    colSpan,
    number: { value: fenToWan(f).toString(), format: 'amount' },
  });
}

function scoreCell(score: string | null, source: SourceRef, illustrative = false): TableCell {
  if (score === null) {
    return cell('—', { align: 'center' });
  }
  const v = toFixed2(d(score));
  return cell([figure(v, source)], {
    align: 'center',
    number: { value: v, format: 'score' },
    illustrative,
  });
}

function percentCell(printed: string, source: SourceRef): TableCell {
  if (printed === '—') {
    return cell('—', { align: 'center' });
  }
  const value = printed.replace('%', '');
  return cell([figure(printed, source)], { align: 'center', number: { value, format: 'percent' } });
}

function budgetBlockRows(label: string, b: ReportBudgetBlock): TableRow[] {
  const src = b.source;
  const rows: TableRow[] = [
    row([
      head(label, 1, 2 + b.rows.length),
      head('', 2),
      ...BUDGET_HEADERS.map((h) => head(h, h === '全年执行数' ? 2 : 1)),
    ]),
    row([
      cell('年度资金总额', { colSpan: 2 }),
      amountCell(b.initialBudget, src),
      amountCell(b.adjustedBudget, src),
      amountCell(b.executed, src, 2),
      scoreCell(b.weight, src),
      percentCell(executionRateText(b), { ...src, note: '执行率 = 全年执行数 ÷ 全年预算数' }),
      scoreCell(b.score, src),
    ]),
  ];
  b.rows.forEach((sub, i) => {
    const subSrc: SourceRef = { ...src, note: sub.label };
    const rate =
      sub.adjustedBudget === 0
        ? '—'
        : `${toFixed2(percentOf(d(sub.executed), d(sub.adjustedBudget)) ?? d(0))}%`;
    rows.push(
      row([
        cell(i === 0 ? `其中：${sub.label}` : sub.label, { colSpan: 2 }),
        amountCell(sub.initialBudget, subSrc),
        amountCell(sub.adjustedBudget, subSrc),
        amountCell(sub.executed, subSrc, 2),
        cell('—', { align: 'center' }),
        percentCell(rate, subSrc),
        cell('—', { align: 'center' }),
      ]),
    );
  });
  return rows;
}

function goalRows(goal: { target: string; actual: string }): TableRow[] {
  return [
    row([head('年度总体目标', 1, 2), head('预期目标', 4), head('实际完成情况', 5)]),
    row([cell(goal.target, { colSpan: 4 }), cell(goal.actual, { colSpan: 5 })]),
  ];
}

function targetRuns(ind: ReportIndicator): Run[] {
  const runs: Run[] = [figure(formatTarget(ind), { ...ind.source, note: '年度指标值' })];
  const c = ind.targetChange;
  if (c !== null) {
    runs.push(
      text(
        `${TARGET_CHANGE_MARK}（原${formatTargetValue(ind.operator, c.originalTarget, ind.unit)}）`,
      ),
    );
  }
  return runs;
}

/** Consecutive equal values → the row span of the first, 0 for the ones it covers. */
function spans(values: readonly string[]): number[] {
  const out = values.map(() => 0);
  let i = 0;
  while (i < values.length) {
    let j = i + 1;
    while (j < values.length && values[j] === values[i]) {
      j++;
    }
    out[i] = j - i;
    i = j;
  }
  return out;
}

function indicatorRows(indicators: readonly ReportIndicator[]): TableRow[] {
  const rows: TableRow[] = [
    row(INDICATOR_HEADERS.map((h, i) => head(h, i === INDICATOR_HEADERS.length - 1 ? 3 : 1))),
  ];
  const l1Spans = spans(indicators.map((i) => i.level1));
  const l2Spans = spans(indicators.map((i) => `${i.level1}/${i.level2}`));
  indicators.forEach((ind, k) => {
    const cells: TableCell[] = [];
    const l1 = l1Spans[k] ?? 0;
    const l2 = l2Spans[k] ?? 0;
    if (l1 > 0) {
      cells.push(cell(ind.level1, { rowSpan: l1, align: 'center' }));
    }
    if (l2 > 0) {
      cells.push(cell(ind.level2, { rowSpan: l2, align: 'center' }));
    }
    const ill = ind.illustrative;
    cells.push(
      cell(ill ? `${ind.name}${ILLUSTRATIVE_MARK}` : ind.name, { illustrative: ill }),
      cell(targetRuns(ind), { align: 'center', illustrative: ill }),
      cell([figure(formatActual(ind), { ...ind.source, note: '实际完成值' })], {
        align: 'center',
        illustrative: ill,
      }),
      scoreCell(ind.weight, ind.source),
      scoreCell(ind.score, ind.source, ill),
      cell(ind.deviationNote === null ? '' : trimEnd(ind.deviationNote), { colSpan: 3 }),
    );
    rows.push(row(cells));
  });
  return rows;
}

function totalRow(
  b: ReportBudgetBlock,
  indicators: readonly ReportIndicator[],
  score: ReportScore | null,
  src: SourceRef,
): TableRow {
  const full = toFixed2(dSum([d(b.weight), ...indicators.map((i) => d(i.weight))]));
  return row([
    head('总分', 5),
    cell([figure(full, { ...src, note: '预算执行率分值 + 指标分值合计' })], {
      align: 'center',
      header: true,
      number: { value: full, format: 'score' },
    }),
    score === null
      ? cell('—', { align: 'center', header: true })
      : cell([figure(toFixed2(d(score.total)), src)], {
          align: 'center',
          header: true,
          number: { value: toFixed2(d(score.total)), format: 'score' },
        }),
    cell(score === null ? '自评等级：—' : [text('自评等级：'), text(score.grade, true)], {
      colSpan: 3,
      header: true,
      align: 'center',
    }),
  ]);
}

function tableNotes(
  indicators: readonly ReportIndicator[],
  illustrativeSubject: boolean,
): string[] {
  const notes: string[] = [];
  const ill = indicators.filter((i) => i.illustrative).length;
  if (illustrativeSubject || ill > 0) {
    notes.push(
      `标“${ILLUSTRATIVE_MARK}”的为示例数据${illustrativeSubject ? '（本表项目为示例）' : `（${ill}项）`}。`,
    );
  }
  for (const ind of indicators) {
    const c = ind.targetChange;
    if (c !== null) {
      notes.push(
        `${TARGET_CHANGE_MARK}${ind.name}：年度指标值由${formatTargetValue(ind.operator, c.originalTarget, ind.unit)}调整为${formatTargetValue(ind.operator, c.newTarget, ind.unit)}，${chineseDate(c.approvedAt)}经批准；调整原因：${trimEnd(c.reason)}。`,
      );
    }
  }
  return notes;
}

/** Excel forbids []:*?/\ in sheet names and allows 31 characters. */
export function safeSheetName(s: string): string {
  const cleaned = s.replace(/[[\]:*?/\\]/g, ' ').trim();
  return [...cleaned].slice(0, 31).join('');
}

export function departmentAnnexTitle(data: DepartmentReportData): string {
  return `${data.fiscalYear}年度${data.department.name}部门整体支出绩效自评表`;
}

export function projectAnnexTitle(data: DepartmentReportData, project: ReportProject): string {
  return `${data.fiscalYear}年度${project.name}项目支出绩效自评表`;
}

/** 附件1: 部门整体支出绩效自评表. */
export function buildDepartmentSelfEvaluationTable(data: DepartmentReportData): TableBlock {
  const dept = data.department;
  const scoreSrc: SourceRef = { table: 'evaluations', id: dept.code };
  const rows: TableRow[] = [
    row([head('部门名称', 2), cell(dept.name, { colSpan: 8 })], true),
    row([
      head('部门编码', 2),
      cell(dept.code, { colSpan: 3 }),
      head('自评年度', 3),
      cell(`${data.fiscalYear}年度`, { colSpan: 2 }),
    ]),
    ...budgetBlockRows('部门资金（万元）', data.budget),
    ...goalRows(data.departmentGoal),
    ...indicatorRows(data.departmentIndicators),
    totalRow(data.budget, data.departmentIndicators, data.departmentScore, scoreSrc),
  ];
  return {
    kind: 'table',
    key: 'annex.department',
    columnWidthsMm: [...SELF_EVALUATION_COLUMNS_MM],
    rows,
    fontSizePt: TABLE_FONT_PT,
    sheetName: safeSheetName('部门整体支出绩效自评表'),
    caption: null,
    notes: tableNotes(data.departmentIndicators, false),
  };
}

/** 附件2…: one 项目支出绩效自评表 per project. `index` is 1-based (sheet names stay unique). */
export function buildProjectSelfEvaluationTable(
  data: DepartmentReportData,
  project: ReportProject,
  index: number,
): TableBlock {
  const scoreSrc: SourceRef = { table: 'evaluations', id: project.code };
  const name = project.illustrative ? `${project.name}${ILLUSTRATIVE_MARK}` : project.name;
  const rows: TableRow[] = [
    row(
      [head('项目名称', 2), cell(name, { colSpan: 8, illustrative: project.illustrative })],
      true,
    ),
    row([
      head('主管部门', 2),
      cell(data.department.name, { colSpan: 3 }),
      head('实施单位', 3),
      cell(project.implementingUnit, { colSpan: 2 }),
    ]),
    ...budgetBlockRows('项目资金（万元）', project.budget),
    ...goalRows(project.goal),
    ...indicatorRows(project.indicators),
    totalRow(project.budget, project.indicators, project.score, scoreSrc),
  ];
  return {
    kind: 'table',
    key: `annex.project.${project.code}`,
    columnWidthsMm: [...SELF_EVALUATION_COLUMNS_MM],
    rows,
    fontSizePt: TABLE_FONT_PT,
    sheetName: safeSheetName(`项目${index}-${project.name}`),
    caption: null,
    notes: tableNotes(project.indicators, project.illustrative),
  };
}

/** All self-evaluation tables of a report, department first: what the xlsx export contains. */
export function buildSelfEvaluationTables(
  data: DepartmentReportData,
): { title: string; table: TableBlock }[] {
  return [
    { title: departmentAnnexTitle(data), table: buildDepartmentSelfEvaluationTable(data) },
    ...data.projects.map((p, i) => ({
      title: projectAnnexTitle(data, p),
      table: buildProjectSelfEvaluationTable(data, p, i + 1),
    })),
  ];
}
