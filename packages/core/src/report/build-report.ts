// 部门整体支出绩效自评报告 as a document model, in the Haizhu outline (domain-rules §5.4) with the
// 自评表 annexes (§3.8). Pure: data in, document out.
import {
  text,
  type Block,
  type ParagraphBlock,
  type ReportAnnex,
  type ReportDocument,
  type ReportSection,
  type TableBlock,
} from './document-model.ts';
import {
  createReportContext,
  renderTemplate,
  type ReportContext,
  type TemplateKey,
} from './paragraph-templates.ts';
import type { DepartmentReportData } from './report-data.ts';
import {
  buildDepartmentSelfEvaluationTable,
  buildProjectSelfEvaluationTable,
  departmentAnnexTitle,
  projectAnnexTitle,
} from './self-evaluation-table.ts';

/** The section titles of the outline, exactly as the reviewer looks for them. */
export const REPORT_OUTLINE = {
  basic: '基本情况',
  overview: '部门概况',
  functions: '主要职能',
  units: '机构设置情况',
  keyTasks: '年度总体工作和重点工作任务',
  finance: '部门整体收支情况',
  management: '部门整体绩效管理情况',
  evaluation: '综合评价分析',
  conclusion: '自评结论综述',
  targets: '各项工作任务绩效目标完成情况分析',
  projects: '各重点任务项目支出完成情况分析',
  achievements: '主要工作成效',
  problems: '存在的主要问题',
  measures: '下一步改进措施',
} as const;

/** Tables wider than this (mm) go to a landscape page. */
const PORTRAIT_TEXT_WIDTH_MM = 160;

function paragraphs(ctx: ReportContext, ...keys: TemplateKey[]): ParagraphBlock[] {
  return keys.flatMap((k) => renderTemplate(k, ctx).map((x) => x.paragraph));
}

function section(
  id: string,
  level: 1 | 2 | 3,
  number: string,
  title: string,
  blocks: Block[],
  sections: ReportSection[] = [],
): ReportSection {
  return { id, level, number, title, blocks, sections };
}

/** A template whose paragraphs may open numbered sub-sections (heading → "1.名称"). */
function withSubsections(
  ctx: ReportContext,
  key: TemplateKey,
  idPrefix: string,
): { blocks: Block[]; sections: ReportSection[] } {
  const blocks: Block[] = [];
  const sections: ReportSection[] = [];
  for (const { paragraph, heading } of renderTemplate(key, ctx)) {
    if (heading === undefined) {
      if (sections.length === 0) {
        blocks.push(paragraph);
      } else {
        sections[sections.length - 1]?.blocks.push(paragraph);
      }
    } else {
      const n = sections.length + 1;
      sections.push(section(`${idPrefix}.${n}`, 3, `${n}.`, heading, [paragraph]));
    }
  }
  return { blocks, sections };
}

function orientationOf(table: TableBlock): 'portrait' | 'landscape' {
  const width = table.columnWidthsMm.reduce((a, b) => a + b, 0);
  return width > PORTRAIT_TEXT_WIDTH_MM ? 'landscape' : 'portrait';
}

/** Characters of a 小二 (18 pt) title that fit the 156 mm text width; Latin digits count half. */
const ANNEX_TITLE_FIT = 23;

function printWidth(s: string): number {
  return [...s].reduce((n, ch) => n + (/[\u0000-\u00ff]/.test(ch) ? 0.5 : 1), 0);
}

/** Break a long annex title before its form name ("…部门整体支出绩效自评表" / "…项目支出绩效自评表"). */
function annexTitleLines(title: string): string[] {
  if (printWidth(title) <= ANNEX_TITLE_FIT) {
    return [title];
  }
  const m = /(部门整体支出绩效自评表|项目支出绩效自评表)$/.exec(title);
  return m === null || m.index === 0 ? [title] : [title.slice(0, m.index), title.slice(m.index)];
}

function buildAnnexes(data: DepartmentReportData): ReportAnnex[] {
  const subtitle = `填报单位：${data.department.name}`;
  const tables: { title: string; table: TableBlock }[] = [
    { title: departmentAnnexTitle(data), table: buildDepartmentSelfEvaluationTable(data) },
    ...data.projects.map((p, i) => ({
      title: projectAnnexTitle(data, p),
      table: buildProjectSelfEvaluationTable(data, p, i + 1),
    })),
  ];
  return tables.map(({ title, table }, i) => ({
    number: i + 1,
    label: `附件${i + 1}`,
    title,
    titleLines: annexTitleLines(title),
    subtitle,
    table,
    orientation: orientationOf(table),
  }));
}

function annexList(annexes: readonly ReportAnnex[], data: DepartmentReportData): ParagraphBlock[] {
  return annexes.map((a, i) => {
    const short =
      i === 0
        ? '部门整体支出绩效自评表'
        : `项目支出绩效自评表（${data.projects[i - 1]?.name ?? ''}）`;
    return {
      kind: 'paragraph',
      key: `closing.annexes.${a.number}`,
      runs: [text(`${i === 0 ? '附件：' : ''}${a.number}.${short}`)],
      overridden: false,
      role: 'annex-list',
    };
  });
}

/** Build the whole 部门整体支出绩效自评报告 from report data. */
export function buildSelfEvaluationReport(data: DepartmentReportData): ReportDocument {
  const ctx = createReportContext(data);
  const o = REPORT_OUTLINE;
  const projects = withSubsections(ctx, 'evaluation.projects', 'evaluation.projects');

  const sections: ReportSection[] = [
    section(
      'basic',
      1,
      '一、',
      o.basic,
      [],
      [
        section(
          'basic.overview',
          2,
          '（一）',
          o.overview,
          [],
          [
            section(
              'basic.overview.functions',
              3,
              '1.',
              o.functions,
              paragraphs(ctx, 'basic.functions'),
            ),
            section(
              'basic.overview.units',
              3,
              '2.',
              o.units,
              paragraphs(ctx, 'basic.units', 'basic.staffing'),
            ),
          ],
        ),
        section('basic.keyTasks', 2, '（二）', o.keyTasks, paragraphs(ctx, 'basic.keyTasks')),
        section(
          'basic.finance',
          2,
          '（三）',
          o.finance,
          paragraphs(ctx, 'basic.income', 'basic.expenditure'),
        ),
        section('basic.management', 2, '（四）', o.management, paragraphs(ctx, 'basic.management')),
      ],
    ),
    section('evaluation', 1, '二、', o.evaluation, paragraphs(ctx, 'summary.overview'), [
      section(
        'evaluation.conclusion',
        2,
        '（一）',
        o.conclusion,
        paragraphs(ctx, 'evaluation.conclusion'),
      ),
      section('evaluation.targets', 2, '（二）', o.targets, paragraphs(ctx, 'evaluation.targets')),
      section('evaluation.projects', 2, '（三）', o.projects, projects.blocks, projects.sections),
      section(
        'evaluation.achievements',
        2,
        '（四）',
        o.achievements,
        paragraphs(ctx, 'evaluation.achievements'),
      ),
    ]),
    section('problems', 1, '三、', o.problems, paragraphs(ctx, 'problems')),
    section('measures', 1, '四、', o.measures, paragraphs(ctx, 'measures')),
  ];

  const annexes = buildAnnexes(data);
  const firstLine = `${data.fiscalYear}年度${data.department.name}`;
  const secondLine = '整体支出绩效自评报告';
  return {
    title: firstLine + secondLine,
    titleLines: [firstLine, secondLine],
    subtitle: null,
    preamble: paragraphs(ctx, 'preamble.basis', 'preamble.illustrative'),
    sections,
    closing: [...annexList(annexes, data), ...paragraphs(ctx, 'closing.signature')],
    annexes,
    meta: {
      fiscalYear: data.fiscalYear,
      departmentCode: data.department.code,
      departmentName: data.department.name,
      regionCode: data.department.regionCode,
      generatedAt: data.generatedAt,
      score: data.departmentScore?.total ?? null,
      grade: data.departmentScore?.grade ?? null,
    },
  };
}

/** "一、基本情况" style full heading text. */
export function headingText(s: Pick<ReportSection, 'number' | 'title'>): string {
  return `${s.number}${s.title}`;
}
