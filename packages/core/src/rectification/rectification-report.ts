// 整改报告 per evaluation (§C.2: counts by status plus a narrative), with the 整改清单 annexed, as a document
// model the server renders to .docx. Pure: data in, document out.
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
} from '../report/document-model.ts';
import type { RectificationCounts } from './rules.ts';

export interface RectificationReportItem {
  id: string;
  issueNo: string;
  sourceText: string;
  categoryText: string;
  subject: string;
  problem: string;
  requirement: string;
  measures: string;
  owner: string;
  deadline: string;
  statusText: string;
  overdue: boolean;
  resultNote: string;
  reviewerOpinion: string;
  closedOn: string | null;
}

export interface RectificationReportData {
  regionCode: string;
  fiscalYear: number;
  departmentCode: string;
  departmentName: string;
  /** What was evaluated, e.g. "2023年度部门整体及项目支出绩效自评". */
  evaluationLabel: string;
  items: RectificationReportItem[];
  counts: RectificationCounts;
  /** The 整改报告 is due at receipt + the measure period (§C.2). */
  dueOn: string | null;
  generatedAt: string;
  illustrative: boolean;
}

const NUMBERS = '一二三四五六七八九十';

function chineseIndex(i: number): string {
  return i < 10 ? NUMBERS[i]! : String(i + 1);
}

function para(key: string, runs: Run[], role: ParagraphBlock['role'] = 'body'): ParagraphBlock {
  return { kind: 'paragraph', key, runs, overridden: false, role };
}

function sec(id: string, number: string, title: string, blocks: Block[]): ReportSection {
  return { id, level: 1, number, title, blocks, sections: [] };
}

function basic(d: RectificationReportData): ReportSection {
  const c = d.counts;
  const src = { table: 'rectification_items', note: `${d.departmentCode} ${String(d.fiscalYear)}` };
  const n = (v: number | string) => figure(String(v), src);
  return sec('basic', '一、', '整改工作基本情况', [
    para('basic.summary', [
      text(`根据${d.evaluationLabel}发现的问题，我单位共列入整改清单问题 `),
      n(c.total),
      text(' 项。截至报告日，已销号 '),
      n(c.closed),
      text(' 项，已整改待核 '),
      n(c.awaitingCheck),
      text(' 项，整改中 '),
      n(c.inProgress),
      text(' 项，待整改 '),
      n(c.pending),
      text(' 项；其中逾期未完成 '),
      n(c.overdue),
      text(' 项。整改销号率 '),
      n(`${c.closureRate}%`),
      text('。'),
    ]),
  ]);
}

function itemParagraph(it: RectificationReportItem, i: number): ParagraphBlock {
  const result = it.resultNote ? `整改结果：${it.resultNote}。` : '';
  const review = it.reviewerOpinion ? `复核意见：${it.reviewerOpinion}。` : '';
  const closed = it.closedOn ? `已于${it.closedOn}销号。` : '';
  const overdue = it.overdue ? '（已逾期）' : '';
  return para(`items.${String(i + 1)}`, [
    text(
      `（${chineseIndex(i)}）${it.issueNo}【${it.sourceText}·${it.categoryText}】${it.subject}：${it.problem}。` +
        `整改措施：${it.measures || '（未填写）'}。责任人：${it.owner || '（未填写）'}；整改期限：${it.deadline}；` +
        `当前状态：${it.statusText}${overdue}。${result}${review}${closed}`,
    ),
  ]);
}

function nextSteps(d: RectificationReportData): ReportSection {
  const open = d.items.filter((it) => it.statusText !== '已销号');
  const blocks =
    open.length === 0
      ? [
          para('next.none', [
            text('清单所列问题均已整改到位并销号，我单位将巩固整改成果，防止问题反弹。'),
          ]),
        ]
      : [
          para('next.open', [
            text(
              `尚未销号的 ${String(open.length)} 项问题（${open.map((o) => o.issueNo).join('、')}）将按期限继续落实，` +
                '逾期事项由责任人说明原因并重新明确完成时限，整改完成后及时提交佐证材料申请复核，未销号问题纳入下一年度自评报告和预算安排建议。',
            ),
          ]),
        ];
  return sec('next', '三、', '下一步工作安排', blocks);
}

export function buildRectificationTable(d: RectificationReportData): TableBlock {
  const header = ['编号', '来源', '问题', '整改措施', '责任人', '期限', '状态'];
  return {
    kind: 'table',
    key: 'annex.list',
    columnWidthsMm: [24, 18, 48, 48, 16, 20, 18],
    fontSizePt: 9,
    sheetName: '整改清单',
    caption: null,
    notes: ['注：逾期为整改期限已过仍未销号的事项。'],
    rows: [
      { cells: header.map((h) => cell(h, { header: true, align: 'center' })), repeatHeader: true },
      ...d.items.map((it) => ({
        cells: [
          cell(it.issueNo),
          cell(it.sourceText),
          cell(`${it.subject}：${it.problem}`),
          cell(it.measures || '—'),
          cell(it.owner || '—'),
          cell(it.deadline, { align: 'center' }),
          cell(it.overdue ? `${it.statusText}（逾期）` : it.statusText, { align: 'center' }),
        ],
        repeatHeader: false,
      })),
    ],
  };
}

export function buildRectificationReport(d: RectificationReportData): ReportDocument {
  const title = `${d.departmentName}关于${String(d.fiscalYear)}年度绩效评价发现问题整改情况的报告`;
  const annexTitle = `${String(d.fiscalYear)}年度绩效评价问题整改清单`;
  return {
    title,
    titleLines: [
      `${d.departmentName}关于${String(d.fiscalYear)}年度`,
      '绩效评价发现问题整改情况的报告',
    ],
    subtitle: null,
    preamble: [
      ...(d.illustrative
        ? [
            para(
              'preamble.illustrative',
              [text('（示例数据：本报告中的整改事项为演示用示例数据。）')],
              'note',
            ),
          ]
        : []),
      para('preamble.basis', [
        text(
          `按照全过程预算绩效管理和评价结果应用的要求，现将${d.evaluationLabel}发现问题的整改情况报告如下` +
            (d.dueOn ? `（整改报告报送期限：${d.dueOn}）：` : '：'),
        ),
      ]),
    ],
    sections: [
      basic(d),
      sec(
        'items',
        '二、',
        '问题整改落实情况',
        d.items.length === 0
          ? [para('items.none', [text('本次评价未发现需要整改的问题。')])]
          : d.items.map(itemParagraph),
      ),
      nextSteps(d),
    ],
    closing: [
      para('closing.annexes.1', [text(`附件：${annexTitle}`)], 'annex-list'),
      para('closing.signature', [text(d.departmentName)], 'signature'),
      para('closing.date', [text(d.generatedAt.slice(0, 10))], 'signature'),
    ],
    annexes: [
      {
        number: 1,
        label: '附件1',
        title: annexTitle,
        titleLines: [annexTitle],
        subtitle: `单位：${d.departmentName}`,
        table: buildRectificationTable(d),
        orientation: 'landscape',
      },
    ],
    meta: {
      fiscalYear: d.fiscalYear,
      departmentCode: d.departmentCode,
      departmentName: d.departmentName,
      regionCode: d.regionCode,
      generatedAt: d.generatedAt,
      score: null,
      grade: null,
    },
  };
}
