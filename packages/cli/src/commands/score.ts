// jixiao score FILE.json [--json] [--preset NAME] | --department CODE --year YYYY [--project CODE] — 自评计分.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  formatWan,
  isScored,
  LEVEL1_TEXT,
  LEVEL1_TEXT_EN,
  OPERATOR_SYMBOL,
  parseScoringInput,
  parseWanYuan,
  QUAL_LEVEL_TEXT,
  QUAL_LEVEL_TEXT_EN,
  scoreFromJson,
  GRADE_LABEL_EN,
  type Bilingual,
  type FindingCode,
  type ScoredOutput,
  type ScoringError,
  type ScoringInput,
  type ScoringOutput,
} from '@jixiao/core';
import { CliError, EXIT_FAILURE, EXIT_INVALID } from '../exit-codes.ts';
import { formatTable, getLang, printJson, printLine, t } from '../output.ts';

interface ScoreOptions {
  json?: boolean;
  preset?: string;
  department?: string;
  year?: string;
  project?: string;
}

const FINDING_SHORT: Readonly<Record<FindingCode, Bilingual>> = {
  BELOW_TARGET: { zh: '未达指标值', en: 'below target' },
  OVER_TARGET: { zh: '大幅超指标值', en: 'far over target' },
  EXECUTION_LOW: { zh: '执行率偏低', en: 'low execution' },
  BUDGET_ADJUSTED: { zh: '预算调整', en: 'budget adjusted' },
  DEVIATION_NOTE_MISSING: { zh: '缺偏差说明', en: 'note missing' },
  LEVEL1_SPLIT: { zh: '一级指标分值', en: 'level-1 split' },
  NO_SATISFACTION: { zh: '无满意度指标', en: 'no satisfaction' },
  DEDUCTION_WITHOUT_REASON: { zh: '扣分无理由', en: 'deduction without reason' },
};

export function registerScoreCommand(program: Command): void {
  program
    .command('score')
    .description('自评计分：按计分规则为自评表打分 / score a self-evaluation')
    .argument('[file]', '自评输入 JSON 文件（见 scoring-contract.md）/ input JSON file')
    .option('--json', '输出计分结果 JSON / print the output object as JSON')
    .option('--preset <name>', '规则预设，如 mof-2020、hubei-variant / rule preset')
    .option(
      '--department <code>',
      '从数据库为该部门计分 / score stored evaluations of a department',
    )
    .option('--year <yyyy>', '预算年度（与 --department 一起）/ fiscal year')
    .option('--project <code>', '只计该项目（与 --department 一起）/ only this project')
    .action(async (file: string | undefined, opts: ScoreOptions) => {
      if (opts.department !== undefined) {
        if (file !== undefined) {
          throw new CliError(
            t({
              zh: '请二选一：FILE.json 或 --department',
              en: 'Give either FILE.json or --department, not both',
            }),
          );
        }
        await scoreStored(opts.department, opts);
        return;
      }
      if (file === undefined) {
        throw new CliError(
          t({
            zh: '缺少输入文件：jixiao score FILE.json [--json]',
            en: 'Missing input file: jixiao score FILE.json [--json]',
          }),
        );
      }
      await scoreFile(file, opts);
    });
}

async function scoreFile(file: string, opts: ScoreOptions): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw new CliError(
      t({ zh: `无法读取文件 ${file}（${code}）`, en: `Cannot read ${file} (${code})` }),
      EXIT_FAILURE,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    report({ errors: [jsonError(file, detail)] }, opts);
    return;
  }
  const options = opts.preset !== undefined ? { preset: opts.preset } : {};
  const result = scoreFromJson(raw, options);
  if (!('output' in result)) {
    report(result, opts);
    return;
  }
  const parsed = parseScoringInput(raw, options);
  report(result.output, opts, parsed.ok ? parsed.value : undefined);
}

function jsonError(file: string, detail: string): ScoringError {
  return {
    code: 'SCHEMA',
    indicator: null,
    message: `${file} 不是有效的 JSON：${detail}`,
    messageEn: `${file} is not valid JSON: ${detail}`,
  };
}

async function scoreStored(department: string, opts: ScoreOptions): Promise<void> {
  const year = Number(opts.year);
  if (opts.year === undefined || !/^\d{4}$/.test(opts.year)) {
    throw new CliError(
      t({ zh: '--department 需要 --year YYYY', en: '--department needs --year YYYY' }),
    );
  }
  const service = await import('@jixiao/server/features/evaluations/evaluations.service');
  const results = await service.scoreStoredEvaluation({
    department,
    year,
    ...(opts.project !== undefined ? { project: opts.project } : {}),
    ...(opts.preset !== undefined ? { preset: opts.preset } : {}),
  });
  if (opts.json) {
    printJson(results.map((r) => ({ subjectName: r.subjectName, output: r.output })));
  } else {
    results.forEach((r, k) => {
      if (k > 0) {
        printLine();
      }
      const parsed = parseScoringInput(r.input);
      if (!parsed.ok) {
        printLine(r.subjectName);
      }
      printHuman(r.output, parsed.ok ? parsed.value : undefined);
    });
  }
  if (results.some((r) => !isScored(r.output))) {
    process.exitCode = EXIT_INVALID;
  }
}

/** Print one output (JSON or table) and set exit 2 when it is invalid. */
function report(output: ScoringOutput, opts: ScoreOptions, input?: ScoringInput): void {
  if (opts.json) {
    printJson(output);
  } else {
    printHuman(output, input);
  }
  if (!isScored(output)) {
    process.exitCode = EXIT_INVALID;
  }
}

function printHuman(output: ScoringOutput, input?: ScoringInput): void {
  if (!isScored(output)) {
    const lines = output.errors.map(
      (e) => `  - [${e.code}] ${getLang() === 'en' ? e.messageEn : e.message}`,
    );
    throw new CliError(
      [
        t({
          zh: `输入有误（${output.errors.length} 处）：`,
          en: `Invalid input (${output.errors.length}):`,
        }),
        ...lines,
      ].join('\n'),
    );
  }
  for (const line of renderScored(output, input)) {
    printLine(line);
  }
}

function money(s: string | undefined): string {
  if (s === undefined) {
    return '—';
  }
  const fen = parseWanYuan(s);
  return fen === null ? s : formatWan(fen);
}

/** The human-readable 自评表: budget block, indicator table, total and grade, findings. */
export function renderScored(out: ScoredOutput, input?: ScoringInput): string[] {
  const en = getLang() === 'en';
  const lines: string[] = [];
  if (input !== undefined) {
    const s = input.subject;
    const kind = t(
      s.kind === 'department'
        ? { zh: '部门整体', en: 'department' }
        : { zh: '项目', en: 'project' },
    );
    const extra = [kind, s.year === undefined ? undefined : String(s.year), s.unit].filter(
      (x) => x !== undefined,
    );
    lines.push(`${s.name}（${extra.join(' · ')}）`);
    lines.push('');
  }
  const b = input?.budget;
  lines.push(t({ zh: '项目资金（万元）', en: 'Budget (10k yuan)' }));
  const amounts = b === undefined ? [] : [money(b.initial), money(b.adjusted), money(b.executed)];
  const amountHeader =
    b === undefined
      ? []
      : [
          t({ zh: '年初预算数', en: 'Initial' }),
          t({ zh: '全年预算数', en: 'Adjusted' }),
          t({ zh: '全年执行数', en: 'Executed' }),
        ];
  lines.push(
    formatTable(
      [...amountHeader, t({ zh: '执行率', en: 'Rate' }), t({ zh: '得分', en: 'Score' })],
      [[...amounts, `${out.budget.rate}%`, out.budget.score]],
    ),
  );
  lines.push('');
  lines.push(t({ zh: '绩效指标', en: 'Indicators' }));
  const byId = new Map((input?.indicators ?? []).map((i) => [i.id, i]));
  const header = input
    ? [
        t({ zh: '编号', en: 'ID' }),
        t({ zh: '一级指标', en: 'Level 1' }),
        t({ zh: '三级指标', en: 'Indicator' }),
        t({ zh: '年度指标值', en: 'Target' }),
        t({ zh: '实际完成值', en: 'Actual' }),
        t({ zh: '分值', en: 'Weight' }),
        t({ zh: '得分', en: 'Score' }),
        t({ zh: '提示', en: 'Flags' }),
      ]
    : [t({ zh: '编号', en: 'ID' }), t({ zh: '得分', en: 'Score' }), t({ zh: '提示', en: 'Flags' })];
  const rows = out.indicators.map((s) => {
    const flags = s.findings.map((c) => t(FINDING_SHORT[c])).join(', ');
    const score = s.applicable ? s.score : t({ zh: '不适用', en: 'n/a' });
    const i = byId.get(s.id);
    if (i === undefined) {
      return input ? [s.id, '', '', '', '', '', score, flags] : [s.id, score, flags];
    }
    const unit = i.unit ?? '';
    const qual = i.operator === 'QUAL';
    const level = qual
      ? (en ? QUAL_LEVEL_TEXT_EN : QUAL_LEVEL_TEXT)[i.actual as keyof typeof QUAL_LEVEL_TEXT]
      : undefined;
    return [
      s.id,
      (en ? LEVEL1_TEXT_EN : LEVEL1_TEXT)[i.level1],
      i.name,
      qual
        ? `${OPERATOR_SYMBOL.QUAL} ${i.target}`
        : `${OPERATOR_SYMBOL[i.operator]}${i.target}${unit}`,
      qual ? (level ?? i.actual) : `${i.actual}${unit}`,
      i.weight,
      score,
      flags,
    ];
  });
  lines.push(formatTable(header, rows));
  lines.push('');
  const grade = en ? `${out.grade} (${GRADE_LABEL_EN[out.grade]})` : out.grade;
  lines.push(
    t({ zh: `总分 ${out.total}　等级 ${grade}`, en: `Total ${out.total}   Grade ${grade}` }),
  );
  if (out.findings.length > 0) {
    lines.push('');
    lines.push(
      t({ zh: `需关注（${out.findings.length}）：`, en: `Findings (${out.findings.length}):` }),
    );
    for (const f of out.findings) {
      lines.push(`  - [${f.code}] ${en ? f.messageEn : f.message}`);
    }
  }
  return lines;
}
