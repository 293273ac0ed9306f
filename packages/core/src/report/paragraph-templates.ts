// The report's narrative paragraphs, one template per stable key. Each fills in the data as figure runs;
// a user's text in `narrative.overrides[key]` replaces the generated paragraph and is kept.
import { d, toFixed2 } from '../decimal.ts';
import { sumFen, type Fen } from '../money.ts';
import {
  figure,
  normaliseRuns,
  text,
  type ParagraphBlock,
  type ParagraphRole,
  type Run,
} from './document-model.ts';
import type {
  DepartmentReportData,
  ReportBudgetBlock,
  ReportProject,
  SourceRef,
} from './report-data.ts';
import {
  ILLUSTRATIVE_MARK,
  buildFigureIndex,
  chineseDate,
  chineseNumber,
  completionRateText,
  executionRateText,
  formatActual,
  formatTarget,
  formatTargetValue,
  groupByLevel1,
  isIndicatorMet,
  linkFigures,
  moneyFigure,
  ratioText,
  trimEnd,
  type FigureIndex,
} from './report-format.ts';
import { previousRectificationParagraphs } from '../rectification/report-carry.ts';
import { yearOnYearRuns } from './year-on-year.ts';

export interface ReportContext {
  data: DepartmentReportData;
  figures: FigureIndex;
}

export function createReportContext(data: DepartmentReportData): ReportContext {
  return { data, figures: buildFigureIndex(data) };
}

/** A paragraph as a template produces it, before overrides. `heading` opens a numbered sub-section (1.). */
export interface GeneratedParagraph {
  key: string;
  runs: Run[];
  role?: ParagraphRole;
  lead?: string;
  heading?: string;
}

export type ParagraphTemplate = (ctx: ReportContext) => GeneratedParagraph[];

type Part = string | Run | readonly Run[];

/** Tagged template: literal text becomes text runs, interpolated runs stay figures. */
function r(strings: TemplateStringsArray, ...parts: Part[]): Run[] {
  const out: Run[] = [];
  strings.forEach((s, i) => {
    out.push(text(s));
    const part = parts[i];
    if (part === undefined) {
      return;
    }
    if (typeof part === 'string') {
      out.push(text(part));
    } else if (Array.isArray(part)) {
      out.push(...(part as readonly Run[]));
    } else {
      out.push(part as Run);
    }
  });
  return normaliseRuns(out);
}

function join(parts: readonly Run[][], sep: string): Run[] {
  const out: Run[] = [];
  parts.forEach((p, i) => {
    if (i > 0) {
      out.push(text(sep));
    }
    out.push(...p);
  });
  return normaliseRuns(out);
}

function deptSource(ctx: ReportContext, note?: string): SourceRef {
  const ref: SourceRef = { table: 'departments', id: ctx.data.department.code };
  return note === undefined ? ref : { ...ref, note };
}

function narrativeSource(key: string): SourceRef {
  return { table: 'narrative', id: key, note: '经办人填写' };
}

/** Clerk text with its numbers linked, trailing punctuation removed. */
function clerk(ctx: ReportContext, key: string, s: string): Run[] {
  return linkFigures(trimEnd(s), ctx.figures, narrativeSource(key));
}

/** Clerk text kept as one sentence (its own final punctuation kept). */
function clerkSentence(ctx: ReportContext, key: string, s: string): Run[] {
  return linkFigures(s.trim(), ctx.figures, narrativeSource(key));
}

function scoreFigure(score: string, source: SourceRef): Run {
  return figure(`${toFixed2(d(score))}分`, source);
}

function budgetRate(b: ReportBudgetBlock): Run {
  return figure(executionRateText(b), { ...b.source, note: '执行率 = 全年执行数 ÷ 全年预算数' });
}

function projectTypeLabel(p: ReportProject): string {
  return p.level === 1 ? '一级项目' : '二级项目';
}

const WARNING_LABELS: Record<string, string> = {
  RED: '红色',
  YELLOW: '黄色',
  GREEN: '绿色',
  BLUE: '蓝色',
};

// ---------- the templates ----------

const preambleBasis: ParagraphTemplate = (ctx) => {
  const { data } = ctx;
  const basis =
    data.narrative.basisNotice ??
    `区财政局关于开展${data.fiscalYear}年度财政资金绩效自评工作的要求`;
  return [
    {
      key: 'preamble.basis',
      runs: r`根据${basis}，我局对照年初批复的绩效目标，对${String(data.fiscalYear)}年度部门整体支出（含基本支出和项目支出）开展绩效自评，现将自评情况汇报如下。`,
    },
  ];
};

const preambleIllustrative: ParagraphTemplate = (ctx) =>
  ctx.data.illustrativeNote === null
    ? []
    : [
        {
          key: 'preamble.illustrative',
          role: 'note',
          runs: clerkSentence(ctx, 'preamble.illustrative', ctx.data.illustrativeNote),
        },
      ];

const basicFunctions: ParagraphTemplate = (ctx) => {
  const { department } = ctx.data;
  const duties = department.functions.map((f) => trimEnd(f)).join('；');
  return [{ key: 'basic.functions', runs: r`${department.shortName}的主要职能是：${duties}。` }];
};

const basicUnits: ParagraphTemplate = (ctx) => {
  const { department } = ctx.data;
  const kinds: string[] = [];
  const byKind = new Map<string, string[]>();
  for (const u of department.units) {
    const list = byKind.get(u.kind);
    if (list === undefined) {
      byKind.set(u.kind, [u.name]);
      kinds.push(u.kind);
    } else {
      list.push(u.name);
    }
  }
  const src = deptSource(ctx, '机构设置');
  const parts = kinds.map((kind) => {
    const names = byKind.get(kind) ?? [];
    const n = figure(`${names.length}个`, src);
    if (kind === '内设机构') {
      return r`内设${names.join('、')}${n}科室`;
    }
    if (kind === '下属事业单位') {
      return r`下属${names.join('、')}${n}事业单位`;
    }
    return r`${kind}${names.join('、')}（${n}）`;
  });
  return [{ key: 'basic.units', runs: r`我局${join(parts, '，')}。` }];
};

const basicStaffing: ParagraphTemplate = (ctx) => {
  const { staffing } = ctx.data.department;
  const src = deptSource(ctx, '人员编制');
  const mark = staffing.illustrative ? `（${ILLUSTRATIVE_MARK}示例数据）` : '';
  return [
    {
      key: 'basic.staffing',
      runs: r`人员情况：核定编制${figure(`${staffing.authorized}名`, src)}，${String(ctx.data.fiscalYear)}年末实有在职人员${figure(`${staffing.active}人`, src)}，离退休人员${figure(`${staffing.retired}人`, src)}${mark}。`,
    },
  ];
};

const basicKeyTasks: ParagraphTemplate = (ctx) => {
  const { data } = ctx;
  const items = data.narrative.keyTasks.map(
    (t, i) => r`${chineseNumber(i + 1)}是${clerk(ctx, 'basic.keyTasks', t)}`,
  );
  return [
    {
      key: 'basic.keyTasks',
      runs: r`${String(data.fiscalYear)}年，我局围绕区委、区政府工作部署，重点开展以下工作：${join(items, '；')}。`,
    },
  ];
};

const basicIncome: ParagraphTemplate = (ctx) => {
  const { data } = ctx;
  if (data.income.length === 0) {
    return [];
  }
  const src: SourceRef = { table: 'income', id: data.budget.source.id };
  const total = sumFen(data.income.map((i) => i.amount));
  const parts = data.income.map(
    (i) => r`${i.label}${moneyFigure(i.amount, { ...src, note: i.label })}`,
  );
  return [
    {
      key: 'basic.income',
      runs: r`收入方面，${String(data.fiscalYear)}年度部门收入合计${moneyFigure(total, { ...src, note: '收入合计' })}，其中${join(parts, '、')}。`,
    },
  ];
};

const basicExpenditure: ParagraphTemplate = (ctx) => {
  const { data } = ctx;
  const b = data.budget;
  const src = b.source;
  const basic = data.basicExpenditure;
  const proj = data.projectExpenditure;
  const basicSrc: SourceRef = { ...src, note: '基本支出' };
  const projSrc: SourceRef = { ...src, note: '项目支出' };
  const sumBudget = sumFen([basic.adjustedBudget, proj.adjustedBudget]);
  const sumExec = sumFen([basic.executed, proj.executed]);
  const reconciles = sumBudget === b.adjustedBudget && sumExec === b.executed;
  const reconcile = reconciles
    ? r`两者合计与部门全年预算数、全年执行数一致`
    : r`两者合计全年预算数${moneyFigure(sumBudget, src)}、执行数${moneyFigure(sumExec, src)}，与部门合计数不一致，差异原因待核实`;
  const main = r`支出方面，部门全年预算数${moneyFigure(b.adjustedBudget, src)}，全年执行数${moneyFigure(b.executed, src)}，预算执行率${budgetRate(b)}。按支出性质划分，基本支出全年预算数${moneyFigure(basic.adjustedBudget, basicSrc)}、执行数${moneyFigure(basic.executed, basicSrc)}；项目支出全年预算数${moneyFigure(proj.adjustedBudget, projSrc)}、执行数${moneyFigure(proj.executed, projSrc)}；${reconcile}。`;
  const paragraphs: GeneratedParagraph[] = [{ key: 'basic.expenditure', runs: main }];
  const yoy = yearOnYearRuns(data.yearComparison ?? null, deptSource(ctx));
  if (yoy) {
    paragraphs.push({ key: 'basic.yearOnYear', runs: yoy });
  }

  const diff = b.adjustedBudget - b.initialBudget;
  const adjust =
    diff === 0
      ? r`全年预算数与年初预算数一致，年内未作调整`
      : r`部门年初预算数${moneyFigure(b.initialBudget, src)}，年内调${diff > 0 ? '增' : '减'}${moneyFigure(Math.abs(diff) as Fen, src)}${b.adjustmentNote === null ? '' : r`，原因是${clerk(ctx, 'basic.budgetAdjustment', b.adjustmentNote)}`}`;
  const carry =
    data.carryover === 0
      ? r`年末无结转结余`
      : r`年末结转结余${moneyFigure(data.carryover, { ...src, note: '结转结余' })}，按规定结转下年使用`;
  paragraphs.push({ key: 'basic.budgetAdjustment', runs: r`${adjust}；${carry}。` });
  return paragraphs;
};

const basicManagement: ParagraphTemplate = (ctx) => {
  const { data } = ctx;
  const out: GeneratedParagraph[] = [];
  if (data.narrative.managementPractice.length > 0) {
    const items = data.narrative.managementPractice.map(
      (t, i) => r`${chineseNumber(i + 1)}是${clerk(ctx, 'basic.management', t)}`,
    );
    out.push({
      key: 'basic.management',
      runs: r`我局按照全过程预算绩效管理要求组织开展绩效管理工作：${join(items, '；')}。`,
    });
  }
  const m = data.monitoring;
  if (m !== null) {
    const src: SourceRef = {
      table: 'monitoring',
      id: `${data.department.code}-${data.fiscalYear}-${m.cutoffMonth}`,
    };
    const colour = WARNING_LABELS[m.budgetWarning] ?? m.budgetWarning;
    const follow = m.indicatorWarnings > 0 ? '，已逐项分析偏差原因并督促相关科室整改' : '';
    out.push({
      key: 'basic.monitoring',
      runs: r`截至${String(data.fiscalYear)}年${String(m.cutoffMonth)}月末的绩效运行监控中，部门预算执行预警等级为${colour}，绩效指标预警${figure(`${m.indicatorWarnings}项`, src)}${follow}。`,
    });
  }
  return out;
};

const summaryOverview: ParagraphTemplate = (ctx) => {
  const { data } = ctx;
  const src = data.budget.source;
  const level1 = data.projects.filter((p) => p.level === 1).length;
  const level2 = data.projects.filter((p) => p.level === 2).length;
  const evaluated = data.projects.filter((p) => p.score !== null).length;
  const projSrc: SourceRef = {
    table: 'projects',
    note: `${data.department.code} ${data.fiscalYear}`,
  };
  const coverage = figure(ratioText(evaluated, data.projects.length), {
    ...projSrc,
    note: '已自评项目数 ÷ 项目数',
  });
  const share = figure(
    ratioText(data.projectExpenditure.adjustedBudget, data.budget.adjustedBudget),
    {
      ...src,
      note: '项目支出全年预算数 ÷ 部门全年预算数',
    },
  );
  const score = data.departmentScore;
  const scorePart =
    score === null
      ? r`部门整体自评尚未计分`
      : r`经对照年初绩效目标逐项计分，部门整体支出绩效自评得分${scoreFigure(score.total, { table: 'evaluations', id: data.department.code })}，等级为“${text(score.grade, true)}”`;
  return [
    {
      key: 'summary.overview',
      lead: '部门整体支出绩效自评综述：',
      runs: r`本次自评的对象是我局部门整体支出，包括基本支出和项目支出。纳入自评的一级项目${figure(`${level1}个`, projSrc)}、二级项目${figure(`${level2}个`, projSrc)}，项目自评覆盖率${coverage}；项目支出全年预算数${moneyFigure(data.projectExpenditure.adjustedBudget, { ...src, note: '项目支出' })}，占部门全年预算数${moneyFigure(data.budget.adjustedBudget, src)}的${share}。${scorePart}。`,
    },
  ];
};

const evaluationConclusion: ParagraphTemplate = (ctx) => {
  const { data } = ctx;
  const evalSrc: SourceRef = { table: 'evaluations', id: data.department.code };
  const b = data.budget;
  const groups = groupByLevel1(data.departmentIndicators);
  const parts: Run[][] = [];
  if (b.score !== null) {
    parts.push(
      r`预算执行率得分${scoreFigure(b.score, b.source)}（分值${figure(`${toFixed2(d(b.weight))}分`, b.source)}）`,
    );
  }
  for (const g of groups) {
    if (g.score !== null) {
      parts.push(
        r`${g.level1}得分${scoreFigure(g.score, evalSrc)}（分值${figure(`${g.weight}分`, evalSrc)}）`,
      );
    }
  }
  const score = data.departmentScore;
  const total =
    score === null
      ? r`部门整体尚未计分`
      : r`合计${scoreFigure(score.total, evalSrc)}，自评等级为“${text(score.grade, true)}”`;
  const unmet = data.departmentIndicators.filter((i) => !isIndicatorMet(i));
  const unmetText =
    unmet.length === 0
      ? r`部门整体绩效指标均达到年度指标值`
      : r`部门整体绩效指标中，${unmet.map((i) => i.name).join('、')}未达到年度指标值，其余均已达到；偏差原因见附件1，相应改进措施见本报告第四部分`;
  return [
    {
      key: 'evaluation.conclusion',
      runs: r`按照部门整体支出绩效自评表（附件1）计分：${join(parts, '，')}；${total}。${unmetText}。`,
    },
  ];
};

const evaluationTargets: ParagraphTemplate = (ctx) => {
  const { data } = ctx;
  const groups = groupByLevel1(data.departmentIndicators);
  const level2s = [...new Set(data.departmentIndicators.map((i) => i.level2))];
  const out: GeneratedParagraph[] = [
    {
      key: 'evaluation.targets',
      runs: r`${String(data.fiscalYear)}年部门整体绩效目标随部门预算批复，按${level2s.join('、')}分解为三级指标（见附件1）。各项指标的年度指标值与实际完成值对照如下：`,
    },
  ];
  const keys: Record<string, string> = {
    产出指标: 'output',
    效益指标: 'benefit',
    满意度指标: 'satisfaction',
    成本指标: 'cost',
  };
  groups.forEach((g, gi) => {
    const items = g.indicators.map((ind) => {
      const target = figure(formatTarget(ind), { ...ind.source, note: '年度指标值' });
      const actual = figure(formatActual(ind), { ...ind.source, note: '实际完成值' });
      const rate = completionRateText(ind);
      const mark = ind.illustrative ? ILLUSTRATIVE_MARK : '';
      const ratePart =
        rate === null
          ? r``
          : r`，完成率${figure(rate, { ...ind.source, note: '实际完成值 ÷ 年度指标值' })}`;
      const verdict = isIndicatorMet(ind) ? '' : '，未达到年度指标值';
      if (ind.operator === '定性') {
        return r`${ind.name}${mark}为定性指标，年度目标“${target}”，评定为“${actual}”`;
      }
      return r`${ind.name}${mark}年度指标值${target}，实际完成${actual}${ratePart}${verdict}`;
    });
    const evalSrc: SourceRef = { table: 'evaluations', id: data.department.code };
    const weight = figure(`${g.weight}分`, { ...evalSrc, note: `${g.level1}分值` });
    const head =
      g.score === null
        ? r`${g.level1}（分值${weight}）：`
        : r`${g.level1}（分值${weight}，得分${scoreFigure(g.score, evalSrc)}）：`;
    out.push({
      key: `evaluation.targets.${keys[g.level1] ?? String(gi + 1)}`,
      runs: r`${head}${join(items, '；')}。`,
    });
  });
  return out;
};

function projectParagraph(ctx: ReportContext, p: ReportProject, annexNo: number): Run[] {
  const b = p.budget;
  const src = b.source;
  // Worded so that two projects' paragraphs share no 20-character run (the reviewer's DUPLICATE_TEXT): the unit
  // comes early and the fund source follows the execution sentence (whose amounts and rate stay adjacent).
  const intro = r`该项目由${p.implementingUnit}实施，属${projectTypeLabel(p)}。`;
  const exec = r`全年预算数${moneyFigure(b.adjustedBudget, src)}，全年执行数${moneyFigure(b.executed, src)}，执行率${budgetRate(b)}${b.score === null ? '' : r`，预算执行得分${scoreFigure(b.score, src)}`}；资金来源为${p.fundSource}。`;
  const key = `evaluation.projects.${p.code}`;
  const diff = b.adjustedBudget - b.initialBudget;
  const underspent = b.adjustedBudget - b.executed;
  const notes: Run[][] = [];
  if (diff !== 0) {
    notes.push(
      r`年初预算数为${moneyFigure(b.initialBudget, src)}，年内调${diff > 0 ? '增' : '减'}${moneyFigure(Math.abs(diff) as Fen, src)}`,
    );
  }
  if (underspent > 0) {
    notes.push(
      r`结余${moneyFigure(underspent as Fen, { ...src, note: '全年预算数 − 全年执行数' })}`,
    );
  }
  const noteText =
    notes.length === 0
      ? r``
      : b.adjustmentNote === null
        ? r`${join(notes, '，')}。`
        : r`${join(notes, '，')}，原因是${clerk(ctx, key, b.adjustmentNote)}。`;
  const met = p.indicators.filter(isIndicatorMet).length;
  const indSrc: SourceRef = { table: 'indicators', note: p.code };
  const changed = p.indicators.filter((i) => i.targetChange !== null);
  const changeText =
    changed.length === 0
      ? r``
      : r`${changed
          .map((i) => {
            const c = i.targetChange;
            return c === null
              ? ''
              : `“${i.name}”年度指标值于${chineseDate(c.approvedAt)}经批准调整为${formatTargetValue(i.operator, c.newTarget, i.unit)}（原为${formatTargetValue(i.operator, c.originalTarget, i.unit)}）`;
          })
          .join('、')}；`;
  const score =
    p.score === null
      ? r`项目尚未计分`
      : r`项目自评得分${scoreFigure(p.score.total, { table: 'evaluations', id: p.code })}，等级为“${text(p.score.grade, true)}”`;
  const illus = p.illustrative ? `（${ILLUSTRATIVE_MARK}本项目名称及数据为示例数据）` : '';
  return r`${intro}${exec}${noteText}三级绩效指标共${figure(`${p.indicators.length}项`, indSrc)}，其中达到年度指标值${figure(`${met}项`, indSrc)}；${changeText}${score}，自评表见附件${String(annexNo)}${illus}。`;
}

const evaluationProjects: ParagraphTemplate = (ctx) => {
  const { data } = ctx;
  const projects = data.projects;
  const src: SourceRef = { ...data.budget.source, note: '项目支出' };
  const budgets = sumFen(projects.map((p) => p.budget.adjustedBudget));
  const executed = sumFen(projects.map((p) => p.budget.executed));
  const out: GeneratedParagraph[] = [
    {
      key: 'evaluation.projects',
      runs: r`纳入自评的项目共${figure(`${projects.length}个`, { table: 'projects', note: data.department.code })}，项目支出全年预算数合计${moneyFigure(budgets, src)}、执行数合计${moneyFigure(executed, src)}，执行率${figure(ratioText(executed, budgets), { ...src, note: '执行数合计 ÷ 全年预算数合计' })}。各项目情况如下：`,
    },
  ];
  projects.forEach((p, i) => {
    out.push({
      key: `evaluation.projects.${p.code}`,
      heading: p.name,
      runs: projectParagraph(ctx, p, i + 2),
    });
  });
  return out;
};

const evaluationAchievements: ParagraphTemplate = (ctx) =>
  ctx.data.narrative.achievements.map((a, i) => {
    const key = `evaluation.achievements.${i + 1}`;
    return { key, runs: r`${chineseNumber(i + 1)}是${clerk(ctx, key, a)}。` };
  });

const problems: ParagraphTemplate = (ctx) => {
  const list = ctx.data.narrative.problems;
  if (list.length === 0) {
    return [{ key: 'problems', runs: r`经自评，未发现需要专门整改的问题。` }];
  }
  return [
    { key: 'problems', runs: r`对照绩效目标和自评结果，我局预算绩效管理中还存在以下问题：` },
    ...list.map((pr, i) => {
      const key = `problems.${i + 1}`;
      return { key, runs: r`${chineseNumber(i + 1)}是${clerk(ctx, key, pr.text)}。` };
    }),
  ];
};

const measures: ParagraphTemplate = (ctx) => [
  ...ctx.data.narrative.problems.map((pr, i) => {
    const key = `measures.${i + 1}`;
    return {
      key,
      runs: r`${String(i + 1)}.针对问题${chineseNumber(i + 1)}：${clerk(ctx, key, pr.measure)}。责任科室：${pr.owner}；完成时限：${trimEnd(pr.deadline)}。`,
    };
  }),
  ...previousRectificationParagraphs(
    ctx.data.previousRectifications,
    ctx.data.narrative.problems.length + 1,
  ),
];

const closingSignature: ParagraphTemplate = (ctx) => [
  { key: 'closing.unit', role: 'signature', runs: [text(ctx.data.department.name)] },
  { key: 'closing.date', role: 'signature', runs: [text(chineseDate(ctx.data.generatedAt))] },
];

/** Every template by its key, in reading order. */
export const PARAGRAPH_TEMPLATES = {
  'preamble.basis': preambleBasis,
  'preamble.illustrative': preambleIllustrative,
  'basic.functions': basicFunctions,
  'basic.units': basicUnits,
  'basic.staffing': basicStaffing,
  'basic.keyTasks': basicKeyTasks,
  'basic.income': basicIncome,
  'basic.expenditure': basicExpenditure,
  'basic.management': basicManagement,
  'summary.overview': summaryOverview,
  'evaluation.conclusion': evaluationConclusion,
  'evaluation.targets': evaluationTargets,
  'evaluation.projects': evaluationProjects,
  'evaluation.achievements': evaluationAchievements,
  problems,
  measures,
  'closing.signature': closingSignature,
} satisfies Record<string, ParagraphTemplate>;

export type TemplateKey = keyof typeof PARAGRAPH_TEMPLATES;

export const TEMPLATE_KEYS = Object.keys(PARAGRAPH_TEMPLATES) as TemplateKey[];

/** A generated paragraph with the user's override applied (override text keeps its numbers linked). */
export function applyOverride(ctx: ReportContext, g: GeneratedParagraph): ParagraphBlock {
  const override = ctx.data.narrative.overrides[g.key];
  const block: ParagraphBlock = {
    kind: 'paragraph',
    key: g.key,
    runs:
      override === undefined
        ? normaliseRuns(g.runs)
        : linkFigures(override, ctx.figures, { table: 'narrative', id: g.key, note: '用户修改' }),
    overridden: override !== undefined,
    role: g.role ?? 'body',
  };
  if (g.lead !== undefined) {
    block.lead = g.lead;
  }
  return block;
}

/** Run one template and apply overrides: the paragraphs for `key`, in order. */
export function renderTemplate(
  key: TemplateKey,
  ctx: ReportContext,
): { paragraph: ParagraphBlock; heading?: string }[] {
  return PARAGRAPH_TEMPLATES[key](ctx).map((g) =>
    g.heading === undefined
      ? { paragraph: applyOverride(ctx, g) }
      : { paragraph: applyOverride(ctx, g), heading: g.heading },
  );
}
