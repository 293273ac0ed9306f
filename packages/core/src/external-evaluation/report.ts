// 绩效评价报告 of an external evaluation as a document model in the §B.6 outline (10号 附件3), the score sheet
// annexed. Pure: data in, document out; every figure carries the record it came from.
import { d as dec } from '../decimal.ts';
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
import {
  EXECUTION_RATE_FORMULA_TEXT,
  EXT_EVAL_DIMENSIONS,
  EXT_EVAL_DIMENSION_TEXT,
  EXT_EVAL_RULE_TEXT,
  type ExecutionRateFormula,
  type ExtEvalDimension,
  type ExtEvalFinding,
  type ExtEvalGrade,
  type ExtEvalIndicatorDef,
  type ExtEvalNarrative,
  type ExtEvalWeights,
} from './types.ts';

export interface ExtEvalReportRow extends ExtEvalIndicatorDef {
  position: number;
  score: string;
  deductionReason: string;
  evidence: string[];
}

export interface ExtEvalReportData {
  evaluationId: string;
  regionCode: string;
  fiscalYear: number;
  departmentCode: string;
  departmentName: string;
  objectKind: 'project' | 'department';
  objectName: string;
  projectCode: string | null;
  /** 万元 texts from the budget and the ledger. */
  budgetText: string;
  spentText: string;
  evaluatorText: string;
  weights: ExtEvalWeights;
  executionFormula: ExecutionRateFormula;
  /** Both 预算执行率 figures (%), when the sheet has the indicator. */
  executionRates: { byAvailable: string | null; byAdjustedBudget: string | null } | null;
  rows: ExtEvalReportRow[];
  dimensions: Record<ExtEvalDimension, { max: string; score: string }>;
  total: string;
  grade: ExtEvalGrade;
  narrative: ExtEvalNarrative;
  findings: ExtEvalFinding[];
  conclusionOpinion: string | null;
  concluded: boolean;
  generatedAt: string;
}

const NUM = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）'];

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

const lostPoints = (r: ExtEvalReportRow) => dec(r.score).lt(dec(r.maxScore));
const orNone = (s: string) => (s.trim() === '' ? '（未填写）' : s.trim());
const src = (d: ExtEvalReportData, note?: string) => ({
  table: 'external_evaluations',
  id: d.evaluationId,
  ...(note ? { note } : {}),
});
const objectWord = (d: ExtEvalReportData) => (d.objectKind === 'project' ? '项目' : '部门整体支出');

function basicSection(d: ExtEvalReportData): ReportSection {
  const code = d.projectCode ? `（${d.projectCode}）` : '';
  return sec(
    'basic',
    1,
    '一、',
    '基本情况',
    [],
    [
      sec('basic.overview', 2, '（一）', `${objectWord(d)}概况`, [
        para('basic.money', [
          text(`${d.departmentName}${d.fiscalYear}年度「${d.objectName}」${code}全年预算数 `),
          figure(d.budgetText, { table: 'budget_lines', note: d.objectName }),
          text('，实际支出 '),
          figure(d.spentText, { table: 'ledger_entries', note: d.objectName }),
          text('。'),
        ]),
        para('basic.overview', [text(orNone(d.narrative.overview))]),
      ]),
      sec('basic.goals', 2, '（二）', '绩效目标', [
        para('basic.goals', [text(orNone(d.narrative.goals))]),
      ]),
    ],
  );
}

function workSection(d: ExtEvalReportData): ReportSection {
  const weights = EXT_EVAL_DIMENSIONS.map(
    (k) => `${EXT_EVAL_DIMENSION_TEXT[k]} ${d.weights[k]} 分`,
  ).join('、');
  const rules = [...new Set(d.rows.map((r) => EXT_EVAL_RULE_TEXT[r.rule.type]))].join('、');
  return sec(
    'work',
    1,
    '二、',
    '绩效评价工作开展情况',
    [],
    [
      sec('work.purpose', 2, '（一）', '评价目的、对象和范围', [
        para('work.purpose', [
          text(
            `本次评价对象为${d.departmentName}${d.fiscalYear}年度${objectWord(d)}「${d.objectName}」，范围为该${objectWord(d)}${d.fiscalYear}年度全部资金的管理和使用及其产出、效益。评价旨在客观反映资金使用绩效，为改进管理和安排以后年度预算提供依据。`,
          ),
        ]),
      ]),
      sec('work.method', 2, '（二）', '评价原则、指标体系、方法和标准', [
        para('work.method', [
          text(
            `评价遵循科学公正、统筹兼顾、激励约束、公开透明的原则，采用《项目支出绩效评价管理办法》（财预〔2020〕10号）的指标体系框架，共 ${d.rows.length} 项三级指标，权重为${weights}，满分 100 分。评分方法包括${rules}；未得满分的指标均说明扣分理由。预算执行率按「${EXECUTION_RATE_FORMULA_TEXT[d.executionFormula]}」计算。`,
          ),
        ]),
      ]),
      sec('work.process', 2, '（三）', '评价工作过程', [
        para('work.evaluator', [text(`本次评价由${d.evaluatorText}实施。`)]),
        para('work.process', [text(orNone(d.narrative.workProcess))]),
      ]),
    ],
  );
}

function conclusionSection(d: ExtEvalReportData): ReportSection {
  const dims = EXT_EVAL_DIMENSIONS.map(
    (k) => `${EXT_EVAL_DIMENSION_TEXT[k]} ${d.dimensions[k].score} 分`,
  );
  return sec('conclusion', 1, '三、', '综合评价情况及评价结论', [
    para('conclusion.total', [
      text(`经综合评价，「${d.objectName}」绩效评价得分 `),
      figure(`${d.total} 分`, src(d, 'total')),
      text('，评价等级为「'),
      text(d.grade, true),
      text(`」。其中${dims.join('，')}。评分表见附件。`),
    ]),
    ...(d.conclusionOpinion
      ? [para('conclusion.opinion', [text(`审定意见：${d.conclusionOpinion}`)])]
      : []),
  ]);
}

function dimensionSection(d: ExtEvalReportData, k: ExtEvalDimension, i: number): ReportSection {
  const rows = d.rows.filter((r) => r.dimension === k);
  const lost = rows.filter(lostPoints);
  const head = para(`analysis.${k}`, [
    text(`${EXT_EVAL_DIMENSION_TEXT[k]}类指标满分 ${d.dimensions[k].max} 分，得分 `),
    figure(`${d.dimensions[k].score} 分`, src(d, k)),
    text(lost.length === 0 ? '，各项指标均得满分。' : '。扣分情况如下：'),
  ]);
  const notes = lost.map((r, n) =>
    para(`analysis.${k}.${n + 1}`, [
      text(
        `${n + 1}. ${r.name}（分值 ${r.maxScore} 分，得分 ${r.score} 分）：${r.deductionReason}`,
      ),
    ]),
  );
  return sec(`analysis.${k}`, 2, NUM[i] ?? '', `${EXT_EVAL_DIMENSION_TEXT[k]}`, [head, ...notes]);
}

function problemsSection(d: ExtEvalReportData): ReportSection {
  const problems = d.findings.map((f, i) =>
    para(`problems.${i + 1}`, [text(`${i + 1}. ${f.problem}`)]),
  );
  return sec(
    'problems',
    1,
    '五、',
    '主要经验及做法、存在的问题及原因分析',
    [],
    [
      sec('problems.experience', 2, '（一）', '主要经验及做法', [
        para('problems.experience', [text(orNone(d.narrative.experience))]),
      ]),
      sec(
        'problems.list',
        2,
        '（二）',
        '存在的问题及原因分析',
        problems.length ? problems : [para('problems.none', [text('未发现需要整改的问题。')])],
      ),
    ],
  );
}

function suggestionsSection(d: ExtEvalReportData): ReportSection {
  const items = d.findings.map((f, i) =>
    para(`suggestions.${i + 1}`, [text(`${i + 1}. 针对问题${i + 1}：${f.recommendation}`)]),
  );
  const rect =
    d.concluded && d.findings.length > 0
      ? [
          para('suggestions.rectification', [
            text(
              `以上 ${d.findings.length} 项问题已列入整改清单，由${d.departmentName}按期整改并报送整改情况。`,
            ),
          ]),
        ]
      : [];
  return sec(
    'suggestions',
    1,
    '六、',
    '有关建议',
    items.length ? [...items, ...rect] : [para('suggestions.none', [text('无。')])],
  );
}

function otherSection(d: ExtEvalReportData): ReportSection {
  const r = d.executionRates;
  const both = r
    ? [
        para('other.execution', [
          text('预算执行率两种口径：按实际到位资金计 '),
          figure(r.byAvailable ? `${r.byAvailable}%` : '—', src(d, 'byAvailable')),
          text('，按调整后预算数计 '),
          figure(r.byAdjustedBudget ? `${r.byAdjustedBudget}%` : '—', src(d, 'byAdjustedBudget')),
          text(`；本次评分采用${d.executionFormula === 'byAvailable' ? '前者' : '后者'}。`),
        ]),
      ]
    : [];
  return sec('other', 1, '七、', '其他需要说明的问题', [
    ...both,
    para('other', [text(d.narrative.other.trim() === '' ? '无。' : d.narrative.other.trim())]),
  ]);
}

/** 评分表: 一级 | 二级 | 三级 | 分值 | 评分标准 | 得分 | 扣分理由, the 一级 cell merged over its rows. */
export function buildExtEvalScoreTable(d: ExtEvalReportData): TableBlock {
  const header: TableRow = {
    repeatHeader: true,
    cells: ['一级指标', '二级指标', '三级指标', '分值', '评分标准', '得分', '扣分理由'].map((h) =>
      cell(h, { header: true, align: 'center' }),
    ),
  };
  const rows: TableRow[] = [header];
  for (const k of EXT_EVAL_DIMENSIONS) {
    const mine = d.rows.filter((r) => r.dimension === k);
    mine.forEach((r, i) => {
      const first =
        i === 0
          ? [
              cell(`${EXT_EVAL_DIMENSION_TEXT[k]}（${d.weights[k]}）`, {
                rowSpan: mine.length,
                align: 'center',
              }),
            ]
          : [];
      rows.push({
        repeatHeader: false,
        cells: [
          ...first,
          cell(r.level2),
          cell(r.name),
          cell(r.maxScore, { align: 'right', number: { value: r.maxScore, format: 'score' } }),
          cell(r.criterion),
          cell(r.score, { align: 'right', number: { value: r.score, format: 'score' } }),
          cell(lostPoints(r) ? r.deductionReason : ''),
        ],
      });
    });
  }
  rows.push({
    repeatHeader: false,
    cells: [
      cell('合计', { colSpan: 3, header: true, align: 'center' }),
      cell('100', { align: 'right', number: { value: '100', format: 'score' } }),
      cell(''),
      cell(d.total, { align: 'right', number: { value: d.total, format: 'score' } }),
      cell(`评价等级：${d.grade}`),
    ],
  });
  return {
    kind: 'table',
    key: 'annex.score',
    columnWidthsMm: [18, 20, 26, 11, 50, 11, 34],
    rows,
    fontSizePt: 9,
    sheetName: '评分表',
    caption: null,
    notes: [
      `注：评价单位为${d.evaluatorText}；预算执行率口径为「${EXECUTION_RATE_FORMULA_TEXT[d.executionFormula]}」。`,
    ],
  };
}

export function extEvalReportTitle(d: ExtEvalReportData): string {
  return `${d.fiscalYear}年度「${d.objectName}」绩效评价报告`;
}

export function buildExtEvalReport(d: ExtEvalReportData): ReportDocument {
  const annexTitle = `「${d.objectName}」绩效评价评分表`;
  return {
    title: extEvalReportTitle(d),
    titleLines: [`${d.fiscalYear}年度「${d.objectName}」`, '绩效评价报告'],
    subtitle: null,
    preamble: d.concluded
      ? []
      : [para('preamble.draft', [text('（征求意见稿：评价结论尚未经财政部门审定。）')], 'note')],
    sections: [
      basicSection(d),
      workSection(d),
      conclusionSection(d),
      sec(
        'analysis',
        1,
        '四、',
        '绩效评价指标分析',
        [],
        EXT_EVAL_DIMENSIONS.map((k, i) => dimensionSection(d, k, i)),
      ),
      problemsSection(d),
      suggestionsSection(d),
      otherSection(d),
    ],
    closing: [
      para('closing.annexes.1', [text(`附件：${annexTitle}`)], 'annex-list'),
      para('closing.signature', [text(d.evaluatorText)], 'signature'),
      para('closing.date', [text(d.generatedAt.slice(0, 10))], 'signature'),
    ],
    annexes: [
      {
        number: 1,
        label: '附件',
        title: annexTitle,
        titleLines: [annexTitle],
        subtitle: `被评价单位：${d.departmentName}　评价单位：${d.evaluatorText}`,
        table: buildExtEvalScoreTable(d),
        orientation: 'portrait',
      },
    ],
    meta: {
      fiscalYear: d.fiscalYear,
      departmentCode: d.departmentCode,
      departmentName: d.departmentName,
      regionCode: d.regionCode,
      generatedAt: d.generatedAt,
      score: d.total,
      grade: d.grade,
    },
  };
}
