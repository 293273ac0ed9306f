// 事前绩效评估报告 as a document model in the §A.6 outline, with the score sheet annexed, and the
// 事前绩效评估审核表 as a table. Pure: data in, document out; every figure carries the record it came from.
import {
  cell,
  figure,
  text,
  type Block,
  type ParagraphBlock,
  type ReportDocument,
  type ReportSection,
  type Run,
  type TableBlock,
  type TableRow,
} from '../report/document-model.ts';
import { EXANTE_CONCLUSION_TEXT, EXANTE_TYPE_TEXT, type ExAnteType } from './types.ts';
import type { ScoreSheet } from './score-sheet.ts';

export interface ExAnteReportData {
  itemId: string;
  regionCode: string;
  fiscalYear: number;
  departmentCode: string;
  departmentName: string;
  projectCode: string;
  projectName: string;
  type: ExAnteType;
  /** 万元 text, e.g. "300.00 万元". */
  amountText: string;
  background: string;
  content: string;
  fundingText: string;
  goalText: string;
  goalIndicators: { name: string; target: string; unit: string }[];
  requirementText: string;
  assessorText: string;
  assessedByName: string;
  versionNo: number;
  sheet: ScoreSheet;
  summary: string;
  suggestions: string;
  /** Review history: date, who, what, opinion. */
  procedure: { date: string; actor: string; action: string; opinion: string | null }[];
  /** The bureau's latest opinion (审核意见), if any. */
  reviewOpinion: string | null;
  confirmed: boolean;
  generatedAt: string;
  illustrative: boolean;
}

const DIMENSION_NUMBERS = ['（一）', '（二）', '（三）', '（四）', '（五）'];

function para(key: string, runs: Run[], role: ParagraphBlock['role'] = 'body'): ParagraphBlock {
  return { kind: 'paragraph', key, runs, overridden: false, role };
}

function sec(
  id: string,
  level: 1 | 2,
  number: string,
  title: string,
  blocks: Block[],
  sections: ReportSection[] = [],
): ReportSection {
  return { id, level, number, title, blocks, sections };
}

function orNone(s: string): string {
  return s.trim() === '' ? '（未填写）' : s.trim();
}

function basicSection(d: ExAnteReportData): ReportSection {
  const src = { table: 'exante_items', id: d.itemId };
  const goals = d.goalIndicators.map((g, i) =>
    para(`basic.goals.${i + 1}`, [text(`${i + 1}. ${g.name}：${g.target}${g.unit}。`)]),
  );
  return sec(
    'basic',
    1,
    '一、',
    '评估对象基本情况',
    [],
    [
      sec('basic.background', 2, '（一）', `${EXANTE_TYPE_TEXT[d.type]}立项背景`, [
        para('basic.background', [text(orNone(d.background))]),
      ]),
      sec('basic.content', 2, '（二）', '主要内容', [
        para('basic.content', [text(orNone(d.content))]),
      ]),
      sec('basic.goals', 2, '（三）', '绩效目标', [
        para('basic.goalText', [text(orNone(d.goalText))]),
        ...goals,
      ]),
      sec('basic.funding', 2, '（四）', '资金构成', [
        para('basic.funding', [
          text(`${EXANTE_TYPE_TEXT[d.type]}申请资金 `),
          figure(d.amountText, src),
          text(`。${d.fundingText.trim()}`),
        ]),
      ]),
    ],
  );
}

function workSection(d: ExAnteReportData): ReportSection {
  const steps = d.procedure.map((p, i) =>
    para(`work.procedure.${i + 1}`, [
      text(
        `${i + 1}. ${p.date}，${p.actor}${p.action}${p.opinion ? `（意见：${p.opinion}）` : ''}。`,
      ),
    ]),
  );
  return sec(
    'work',
    1,
    '二、',
    '评估工作开展情况',
    [],
    [
      sec('work.purpose', 2, '（一）', '评估目的及对象', [
        para('work.purpose', [
          text(
            `本次评估对象为${d.departmentName}${d.fiscalYear}年度拟新增${EXANTE_TYPE_TEXT[d.type]}「${d.projectName}」（${d.projectCode}）。${d.requirementText}评估旨在论证其立项必要性、投入经济性、绩效目标合理性、实施方案可行性和筹资合规性，为预算安排提供依据。`,
          ),
        ]),
      ]),
      sec('work.method', 2, '（二）', '评估思路及方法', [
        para('work.method', [
          text(
            `评估采用${d.assessorText}方式，按事前绩效评估评分指标体系（五个维度，满分 ${d.sheet.maxTotal} 分）逐项评分；未得满分的评估要点均说明扣分理由。`,
          ),
        ]),
      ]),
      sec(
        'work.procedure',
        2,
        '（三）',
        '评估工作程序',
        steps.length > 0 ? steps : [para('work.procedure', [text('无。')])],
      ),
    ],
  );
}

function dimensionBlocks(d: ExAnteReportData, dimCode: string): Block[] {
  const rows = d.sheet.rows;
  const dim = rows.find((r) => r.code === dimCode)!;
  const src = { table: 'exante_versions', id: `${d.itemId}#v${d.versionNo}`, note: dim.code };
  const lost = rows.filter(
    (r) =>
      r.level === 3 && r.code.startsWith(`${dimCode}.`) && r.score !== null && r.score !== r.weight,
  );
  const runs: Run[] = [
    text(`该维度满分 ${dim.weight} 分，评估得分 `),
    figure(`${dim.score ?? '0.00'} 分`, src),
    text(lost.length === 0 ? '，各评估要点均得满分。' : '。扣分情况：'),
  ];
  const notes = lost.map((r, i) =>
    para(`conclusion.${dimCode}.${i + 1}`, [
      text(`${i + 1}. ${r.name}（${r.weight} 分，得 ${r.score} 分）：${r.note ?? ''}`),
    ]),
  );
  return [para(`conclusion.${dimCode}`, runs), ...notes];
}

function conclusionSection(d: ExAnteReportData): ReportSection {
  const dims = d.sheet.rows.filter((r) => r.level === 1);
  const src = { table: 'exante_versions', id: `${d.itemId}#v${d.versionNo}` };
  const concl = EXANTE_CONCLUSION_TEXT[d.sheet.conclusion].zh;
  const overall = sec('conclusion.overall', 2, '（六）', '总体结论', [
    para('conclusion.overall', [
      text(`经评估，该${EXANTE_TYPE_TEXT[d.type]}综合得分 `),
      figure(`${d.sheet.total} 分`, src),
      text('，评估结论为「'),
      text(concl, true),
      text(
        `」${d.sheet.conclusion === 'SUPPORT_AFTER_REVISION' && d.confirmed ? '，已按要求调整完善并经财政部门确认' : ''}。`,
      ),
    ]),
    ...(d.summary.trim() ? [para('conclusion.summary', [text(d.summary.trim())])] : []),
  ]);
  return sec(
    'conclusion',
    1,
    '三、',
    '综合评估情况与评估结论',
    [],
    [
      ...dims.map((r, i) =>
        sec(
          `conclusion.${r.code}`,
          2,
          DIMENSION_NUMBERS[i] ?? `（${i + 1}）`,
          r.name,
          dimensionBlocks(d, r.code),
        ),
      ),
      overall,
    ],
  );
}

/** 事前绩效评估评分表: 一级 | 二级 | 评估要点 | 分值 | 得分 | 扣分说明, parents merged over their rows. */
export function buildExAnteScoreTable(d: ExAnteReportData): TableBlock {
  const header: TableRow = {
    repeatHeader: true,
    cells: ['一级指标', '二级指标', '评估要点', '分值', '得分', '扣分说明'].map((h) =>
      cell(h, { header: true, align: 'center' }),
    ),
  };
  const rows: TableRow[] = [header];
  const all = d.sheet.rows;
  const leavesUnder = (code: string) =>
    all.filter((r) => r.level === 3 && r.code.startsWith(`${code}.`)).length;
  let dimCell: ReturnType<typeof cell> | null = null;
  let groupCell: ReturnType<typeof cell> | null = null;
  for (const r of all) {
    if (r.level === 1) {
      dimCell = cell(`${r.name}（${r.weight}）`, { rowSpan: leavesUnder(r.code), align: 'center' });
      continue;
    }
    if (r.level === 2) {
      groupCell = cell(`${r.name}（${r.weight}）`, {
        rowSpan: leavesUnder(r.code),
        align: 'center',
      });
      continue;
    }
    const cells = [
      ...(dimCell ? [dimCell] : []),
      ...(groupCell ? [groupCell] : []),
      cell(r.name),
      cell(r.weight, { align: 'right', number: { value: r.weight, format: 'score' } }),
      cell(r.score ?? '', {
        align: 'right',
        ...(r.score ? { number: { value: r.score, format: 'score' as const } } : {}),
      }),
      cell(r.note ?? ''),
    ];
    dimCell = null;
    groupCell = null;
    rows.push({ repeatHeader: false, cells });
  }
  rows.push({
    repeatHeader: false,
    cells: [
      cell('合计', { colSpan: 3, header: true, align: 'center' }),
      cell(d.sheet.maxTotal, {
        align: 'right',
        number: { value: d.sheet.maxTotal, format: 'score' },
      }),
      cell(d.sheet.total, { align: 'right', number: { value: d.sheet.total, format: 'score' } }),
      cell(`评估结论：${EXANTE_CONCLUSION_TEXT[d.sheet.conclusion].zh}`),
    ],
  });
  return {
    kind: 'table',
    key: 'annex.score',
    columnWidthsMm: [24, 24, 62, 12, 12, 36],
    rows,
    fontSizePt: 9,
    sheetName: '评分表',
    caption: null,
    notes: [
      `注：评估方式为${d.assessorText}（第 ${d.versionNo} 版，评估人：${d.assessedByName}）。`,
    ],
  };
}

/** 事前绩效评估审核表: one label/value grid for the bureau's record. */
export function buildExAnteReviewTable(d: ExAnteReportData): TableBlock {
  const pair = (label: string, value: string): TableRow => ({
    repeatHeader: false,
    cells: [cell(label, { header: true }), cell(value, { colSpan: 3 })],
  });
  const rows: TableRow[] = [
    pair(`${EXANTE_TYPE_TEXT[d.type]}名称`, `${d.projectName}（${d.projectCode}）`),
    pair('主管部门', `${d.departmentName}（${d.departmentCode}）`),
    pair('申请资金', d.amountText),
    pair('绩效目标', orNone(d.goalText)),
    pair('评估方式', `${d.assessorText}（第 ${d.versionNo} 版）`),
    {
      repeatHeader: false,
      cells: [
        cell('评估得分', { header: true }),
        cell(d.sheet.total, { number: { value: d.sheet.total, format: 'score' } }),
        cell('评估结论', { header: true }),
        cell(EXANTE_CONCLUSION_TEXT[d.sheet.conclusion].zh),
      ],
    },
    pair('相关建议', orNone(d.suggestions)),
    pair('审核意见', d.reviewOpinion ?? '（无）'),
    pair(
      '是否纳入预算安排',
      d.sheet.conclusion === 'SUPPORT' ||
        (d.sheet.conclusion === 'SUPPORT_AFTER_REVISION' && d.confirmed)
        ? '是'
        : '否',
    ),
  ];
  return {
    kind: 'table',
    key: 'review.form',
    columnWidthsMm: [36, 50, 30, 54],
    rows,
    fontSizePt: 10.5,
    sheetName: '审核表',
    caption: null,
    notes: [],
  };
}

export function exAnteReportTitle(d: ExAnteReportData): string {
  return `${d.fiscalYear}年度「${d.projectName}」事前绩效评估报告`;
}

export function buildExAnteReport(d: ExAnteReportData): ReportDocument {
  const title = exAnteReportTitle(d);
  const annexTitle = `「${d.projectName}」事前绩效评估评分表`;
  return {
    title,
    titleLines: [`${d.fiscalYear}年度「${d.projectName}」`, '事前绩效评估报告'],
    subtitle: null,
    preamble: d.illustrative
      ? [
          para(
            'preamble.illustrative',
            [text('（示例数据：本报告中的项目与评分为演示用示例数据。）')],
            'note',
          ),
        ]
      : [],
    sections: [
      basicSection(d),
      workSection(d),
      conclusionSection(d),
      sec('suggestions', 1, '四、', '相关建议', [
        para('suggestions', [text(orNone(d.suggestions))]),
      ]),
      sec('other', 1, '五、', '其他需要说明的问题', [para('other', [text('无。')])]),
    ],
    closing: [
      para('closing.annexes.1', [text('附件：事前绩效评估评分表')], 'annex-list'),
      para('closing.signature', [text(d.departmentName)], 'signature'),
      para('closing.date', [text(d.generatedAt.slice(0, 10))], 'signature'),
    ],
    annexes: [
      {
        number: 1,
        label: '附件1',
        title: annexTitle,
        titleLines: [annexTitle],
        subtitle: `评估单位：${d.assessorText}`,
        table: buildExAnteScoreTable(d),
        orientation: 'portrait',
      },
    ],
    meta: {
      fiscalYear: d.fiscalYear,
      departmentCode: d.departmentCode,
      departmentName: d.departmentName,
      regionCode: d.regionCode,
      generatedAt: d.generatedAt,
      score: d.sheet.total,
      grade: EXANTE_CONCLUSION_TEXT[d.sheet.conclusion].zh,
    },
  };
}
