// The finance bureau's yearly summary of performance evaluation for the 决算 and the 人大 (full-cycle-rules §C.3,
// §C.4): departments and funds covered by self-evaluation, the grade distribution, the external (重点) evaluations,
// the 整改 closure rate, what was published (公开率) and the evaluations flagged 拟报人大. Pure: data in, the
// document model (→ .docx) and its tables (→ .xlsx) out.
import { d, toFixed2 } from '../decimal.ts';
import { formatWanYuan } from '../money.ts';
import type { Fen } from '../money.ts';
import {
  cell,
  text,
  type ParagraphBlock,
  type ReportDocument,
  type ReportSection,
  type TableBlock,
  type TableRow,
} from '../report/document-model.ts';

export const NPC_GRADES = ['优', '良', '中', '差'] as const;
export type NpcGrade = (typeof NPC_GRADES)[number];

export interface NpcEvaluationLine {
  kind: 'self' | 'external';
  departmentCode: string;
  departmentName: string;
  /** null = 部门整体 (department as a whole). */
  projectCode: string | null;
  projectName: string | null;
  total: string | null;
  grade: string | null;
  /** External evaluations: 'inhouse' | 'thirdParty'. */
  evaluator: string | null;
  flagged: boolean;
  note: string | null;
}

export interface NpcSummaryData {
  regionCode: string;
  regionName: string;
  fiscalYear: number;
  /** Departments of the region (active). */
  departmentCount: number;
  /** Evaluations of the year: self-evaluations submitted or accepted, external evaluations concluded. */
  evaluations: NpcEvaluationLine[];
  /** 全年预算数 of the projects with a submitted self-evaluation, in Fen. */
  fundsCovered: Fen;
  /** 全年预算数 of every project of the region's departments, in Fen. */
  fundsTotal: Fen;
  rectification: { total: number; closed: number } | null;
  published: { departments: number };
  generatedAt: string;
}

export interface GradeCounts {
  优: number;
  良: number;
  中: number;
  差: number;
  none: number;
}

export function gradeCounts(lines: readonly NpcEvaluationLine[]): GradeCounts {
  const out: GradeCounts = { 优: 0, 良: 0, 中: 0, 差: 0, none: 0 };
  for (const l of lines) {
    const g = l.grade as NpcGrade | null;
    if (g !== null && (NPC_GRADES as readonly string[]).includes(g)) {
      out[g]++;
    } else {
      out.none++;
    }
  }
  return out;
}

/** part / whole as "85.71%" (exact decimals, half-up); "—" when whole is 0. */
export function percentText(part: number | string, whole: number | string): string {
  const w = d(whole);
  return w.eq(0) ? '—' : `${toFixed2(d(part).times(100).div(w))}%`;
}

export interface NpcSummaryFigures {
  departmentsEvaluated: number;
  projectsEvaluated: number;
  externalCount: number;
  selfGrades: GradeCounts;
  externalGrades: GradeCounts;
  fundsCoveredText: string;
  fundsShareText: string;
  closureRateText: string;
  publicationRateText: string;
  flagged: NpcEvaluationLine[];
}

export function npcFigures(data: NpcSummaryData): NpcSummaryFigures {
  const self = data.evaluations.filter((e) => e.kind === 'self');
  const external = data.evaluations.filter((e) => e.kind === 'external');
  const departments = new Set(
    self.filter((e) => e.projectCode === null).map((e) => e.departmentCode),
  );
  return {
    departmentsEvaluated: departments.size,
    projectsEvaluated: self.filter((e) => e.projectCode !== null).length,
    externalCount: external.length,
    selfGrades: gradeCounts(self),
    externalGrades: gradeCounts(external),
    fundsCoveredText: formatWanYuan(data.fundsCovered),
    fundsShareText: percentText(data.fundsCovered, data.fundsTotal),
    closureRateText: data.rectification
      ? percentText(data.rectification.closed, data.rectification.total)
      : '—',
    publicationRateText: percentText(data.published.departments, data.departmentCount),
    flagged: data.evaluations.filter((e) => e.flagged),
  };
}

function para(key: string, s: string): ParagraphBlock {
  return { kind: 'paragraph', key, runs: [text(s)], overridden: false, role: 'body' };
}

function table(key: string, sheetName: string, widths: number[], rows: string[][]): TableBlock {
  const out: TableRow[] = rows.map((r, i) => ({
    cells: r.map((v) => cell(v, { header: i === 0, align: i === 0 ? 'center' : 'left' })),
    repeatHeader: i === 0,
  }));
  return {
    kind: 'table',
    key,
    columnWidthsMm: widths,
    rows: out,
    fontSizePt: 10,
    sheetName,
    caption: null,
    notes: [],
  };
}

const G = (g: GradeCounts): string[] => [
  String(g.优),
  String(g.良),
  String(g.中),
  String(g.差),
  String(g.none),
];

/** The tables of the summary (also the sheets of the .xlsx). */
export function npcSummaryTables(data: NpcSummaryData): { title: string; table: TableBlock }[] {
  const f = npcFigures(data);
  const line = (e: NpcEvaluationLine): string[] => [
    e.departmentName,
    e.projectName ?? '部门整体',
    e.kind === 'self' ? '单位自评' : e.evaluator === 'thirdParty' ? '第三方评价' : '财政评价',
    e.total ?? '—',
    e.grade ?? '—',
    e.flagged ? '是' : '',
  ];
  const head = ['部门', '评价对象', '评价方式', '得分', '等级', '拟报人大'];
  return [
    {
      title: `${data.fiscalYear}年度预算绩效评价情况汇总`,
      table: table(
        'npc.overview',
        '汇总',
        [70, 90],
        [
          ['项目', '情况'],
          [
            '开展部门整体自评的部门',
            `${f.departmentsEvaluated} 个（共 ${data.departmentCount} 个部门）`,
          ],
          ['开展自评的项目', `${f.projectsEvaluated} 个`],
          ['自评覆盖资金', `${f.fundsCoveredText}（占项目资金 ${f.fundsShareText}）`],
          ['财政重点评价', `${f.externalCount} 项`],
          ['整改销号率', f.closureRateText],
          [
            '绩效信息公开部门',
            `${data.published.departments} 个（公开率 ${f.publicationRateText}）`,
          ],
          ['拟报人大的评价', `${f.flagged.length} 项`],
        ],
      ),
    },
    {
      title: '评价等级分布',
      table: table(
        'npc.grades',
        '等级分布',
        [40, 24, 24, 24, 24, 24],
        [
          ['评价方式', '优', '良', '中', '差', '未定级'],
          ['单位自评', ...G(f.selfGrades)],
          ['财政重点评价', ...G(f.externalGrades)],
        ],
      ),
    },
    {
      title: '绩效评价结果明细',
      table: table(
        'npc.evaluations',
        '评价明细',
        [36, 50, 24, 16, 14, 18],
        [head, ...data.evaluations.map(line)],
      ),
    },
  ];
}

function section(
  id: string,
  number: string,
  title: string,
  blocks: ParagraphBlock[] | TableBlock[],
) {
  return { id, level: 1, number, title, blocks, sections: [] } as ReportSection;
}

/** The summary as a document (→ .docx through the report renderer). */
export function buildNpcSummary(data: NpcSummaryData): ReportDocument {
  const f = npcFigures(data);
  const [overview, grades, details] = npcSummaryTables(data).map((t) => t.table);
  const y = data.fiscalYear;
  const flaggedText =
    f.flagged.length === 0
      ? '本年度暂无标记拟报人大的评价。'
      : `拟随同${y}年度决算报告人大的评价共 ${f.flagged.length} 项：${f.flagged
          .map(
            (e) =>
              `${e.departmentName}${e.projectName ? `“${e.projectName}”` : '部门整体'}（${e.grade ?? '未定级'}）`,
          )
          .join('；')}。`;
  const sections: ReportSection[] = [
    section('coverage', '一、', '评价覆盖情况', [
      para(
        'coverage.text',
        `${y}年度，全区 ${data.departmentCount} 个部门中 ${f.departmentsEvaluated} 个部门开展了部门整体支出绩效自评，` +
          `${f.projectsEvaluated} 个项目开展了项目支出绩效自评，覆盖资金 ${f.fundsCoveredText}，占项目资金的 ${f.fundsShareText}。`,
      ),
    ]),
    { ...section('overview', '二、', '汇总情况', [overview!]) },
    section('grades', '三、', '评价等级分布', [grades!]),
    section('external', '四、', '财政重点评价情况', [
      para(
        'external.text',
        f.externalCount === 0
          ? `${y}年度暂无已完成的财政重点评价。`
          : `${y}年度完成财政重点评价 ${f.externalCount} 项（优 ${f.externalGrades.优} 项、良 ${f.externalGrades.良} 项、中 ${f.externalGrades.中} 项、差 ${f.externalGrades.差} 项）。`,
      ),
    ]),
    section('rectification', '五、', '整改情况', [
      para(
        'rectification.text',
        data.rectification === null || data.rectification.total === 0
          ? `${y}年度评价暂无登记的整改事项。`
          : `${y}年度评价发现的问题形成整改事项 ${data.rectification.total} 项，已销号 ${data.rectification.closed} 项，整改销号率 ${f.closureRateText}。`,
      ),
    ]),
    section('publication', '六、', '信息公开情况', [
      para(
        'publication.text',
        `${data.published.departments} 个部门已随部门决算公开绩效自评结果，公开率 ${f.publicationRateText}。`,
      ),
    ]),
    section('npc', '七、', '拟报人大的评价', [para('npc.text', flaggedText)]),
    section('details', '八、', '评价结果明细', [details!]),
  ];
  const first = `${data.regionName}${y}年度`;
  const second = '预算绩效评价情况报告';
  return {
    title: first + second,
    titleLines: [first, second],
    subtitle: '（随同决算报送人大常委会）',
    preamble: [],
    sections,
    closing: [],
    annexes: [],
    meta: {
      fiscalYear: y,
      departmentCode: data.regionCode,
      departmentName: `${data.regionName}财政局`,
      regionCode: data.regionCode,
      generatedAt: data.generatedAt,
      score: null,
      grade: null,
    },
  };
}
