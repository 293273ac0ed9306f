// jixiao import goals FILE --department CODE --year Y [--replace] and jixiao import budgets FILE --region R --year Y
// [--unit 元|万元]: goal declarations as drafts (the goal-set checks printed as warnings) and the region-wide
// 一体化 budget export. A refused file prints every bad row and exits 2.
import fs from 'node:fs';
import { CliError } from '../exit-codes.ts';
import { getLang, printError, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { requireDepartment, requireYear } from './cli-options.ts';

export interface DocumentImportOptions {
  department?: string;
  region?: string;
  year?: string;
  replace?: boolean;
  unit?: string;
  dryRun?: boolean;
  json?: boolean;
}

interface RowErrorLike {
  row: number;
  column: string;
  value: string;
  message: string;
  messageEn: string;
}

function isServiceError(
  e: unknown,
): e is { code: string; messageZh: string; messageEn: string; details?: unknown } {
  return typeof e === 'object' && e !== null && 'code' in e && 'messageZh' in e;
}

/** A refused import: every listed row (or the expected and found headers), then the one-line reason, exit 2. */
export function printRefusal(e: unknown, json: boolean): never {
  if (!isServiceError(e)) {
    throw e;
  }
  const d = (e.details ?? {}) as { errors?: RowErrorLike[]; errorCount?: number; listed?: number };
  if (json) {
    printJson({
      error: { code: e.code, message: e.messageZh, messageEn: e.messageEn, details: d },
    });
  } else {
    for (const x of d.errors ?? []) {
      printError(
        getLang() === 'en'
          ? `row ${x.row}${x.column ? ` [${x.column}]` : ''}${x.value !== '' ? ` "${x.value}"` : ''}: ${x.messageEn}`
          : `第 ${x.row} 行${x.column ? `【${x.column}】` : ''}${x.value !== '' ? `「${x.value}」` : ''}：${x.message}（${x.messageEn}）`,
      );
    }
    if (d.errorCount !== undefined && d.listed !== undefined && d.errorCount > d.listed) {
      printError(
        t({
          zh: `……另有 ${d.errorCount - d.listed} 处错误未列出`,
          en: `… and ${d.errorCount - d.listed} more`,
        }),
      );
    }
  }
  throw new CliError(t({ zh: e.messageZh, en: e.messageEn }));
}

async function moneyUnit(text: string | undefined) {
  if (text === undefined) {
    return undefined;
  }
  const { parseMoneyUnit } = await import('@jixiao/core');
  const u = parseMoneyUnit(text);
  if (!u) {
    throw new CliError(t({ zh: '--unit 应为「元」或「万元」', en: '--unit must be 元 or 万元' }));
  }
  return u;
}

async function runGoals(file: string, opts: DocumentImportOptions): Promise<void> {
  const departmentCode = requireDepartment(opts.department);
  const year = requireYear(opts.year);
  const { CLI_ACTOR } = await import('@jixiao/server');
  const { importGoals } = await import('@jixiao/server/features/imports/goal-import.service');
  const { fileSource } = await import('@jixiao/server/import/import-source');
  const r = await withDb((db) =>
    importGoals(db, CLI_ACTOR, {
      departmentCode,
      year,
      source: fileSource(file),
      replace: opts.replace ?? false,
      preview: opts.dryRun ?? false,
    }),
  );
  if (opts.json) {
    printJson(r);
    return;
  }
  for (const s of r.sets) {
    const who = s.projectCode
      ? `${s.projectCode} ${s.projectName ?? ''}`
      : t({ zh: '部门整体', en: 'department as a whole' });
    printLine(
      t({
        zh: `${r.preview ? '将导入' : '已导入'}绩效目标（草稿）「${who}」：${s.indicators} 个指标${s.weightsSpread ? '，权重按一级指标默认分值分配' : ''}${s.replaced ? '，替换原草稿' : ''}`,
        en: `${r.preview ? 'Would import' : 'Imported'} goal set (draft) "${who}": ${s.indicators} indicators${s.weightsSpread ? ', weights spread by the preset' : ''}${s.replaced ? ', replacing the draft' : ''}`,
      }),
    );
    for (const w of s.warnings) {
      printLine(t({ zh: `  提示：${w.message}`, en: `  warning: ${w.messageEn}` }));
    }
  }
}

async function runRegionBudgets(file: string, opts: DocumentImportOptions): Promise<void> {
  const year = requireYear(opts.year);
  const { CLI_ACTOR } = await import('@jixiao/server');
  const service = await import('@jixiao/server/features/imports/imports.service');
  const { fileSource } = await import('@jixiao/server/import/import-source');
  const unit = await moneyUnit(opts.unit);
  const r = await withDb((db) =>
    service.importRegionBudgets(db, CLI_ACTOR, {
      regionCode: opts.region!,
      year,
      source: fileSource(file),
      replace: opts.replace ?? false,
      ...(unit ? { unit } : {}),
    }),
  );
  if (opts.json) {
    printJson(r);
    return;
  }
  printLine(
    t({
      zh: `已导入地区项目预算「${r.fileName}」：${r.rows} 行，${r.departments.length} 个部门，合计 ${r.totalYuan} 元。`,
      en: `Imported the region's budget "${r.fileName}": ${r.rows} rows, ${r.departments.length} departments, total ${r.totalYuan} 元.`,
    }),
  );
  for (const d of r.departments) {
    printLine(
      `  ${d.departmentCode}：${d.rows} ${t({ zh: '行', en: 'lines' })}，${d.totalYuan} 元`,
    );
  }
}

/** `import goals …` or `import budgets … --region R`. */
export async function runDocumentImport(
  kind: 'goals' | 'budgets',
  file: string,
  opts: DocumentImportOptions,
): Promise<void> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new CliError(t({ zh: `找不到文件：${file}`, en: `No such file: ${file}` }));
  }
  if (kind === 'budgets' && opts.department !== undefined) {
    throw new CliError(
      t({
        zh: '请只指定 --department 或 --region 之一',
        en: 'Give either --department or --region',
      }),
    );
  }
  try {
    await (kind === 'goals' ? runGoals(file, opts) : runRegionBudgets(file, opts));
  } catch (e) {
    if (isServiceError(e) && e.code !== 'INTERNAL') {
      printRefusal(e, opts.json ?? false);
    }
    throw e;
  }
}

/** --unit for a department's budget import. */
export { moneyUnit };
