// jixiao rectification list --department CODE [--status S] [--year Y] [--json] — the 整改清单 with 逾期 marked;
// jixiao rectification update ID|ISSUE_NO --department CODE --status inProgress|awaitingCheck|closed [--note T]
// [--evidence-note T] — a clerk's step (start, submit with an evidence note) or the bureau's 销号;
// jixiao rectification report --department CODE --year Y --out F.docx — the 整改报告.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { formatTable, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { requireDepartment, requireYear } from './cli-options.ts';

const STATUSES = ['pending', 'inProgress', 'awaitingCheck', 'closed', 'overdue'] as const;
type Status = (typeof STATUSES)[number];

function statusOption(v: string | undefined): Status | undefined {
  if (v === undefined) {
    return undefined;
  }
  if (!(STATUSES as readonly string[]).includes(v)) {
    throw new CliError(
      t({
        zh: `--status 应为 ${STATUSES.join('、')} 之一（待整改、整改中、已整改待核、已销号、逾期）`,
        en: `--status must be one of ${STATUSES.join(', ')}`,
      }),
    );
  }
  return v as Status;
}

function registerList(cmd: Command): void {
  cmd
    .command('list')
    .description('整改清单（逾期标出）/ the rectification list')
    .option('--department <code>', '部门编码 / department code')
    .option('--year <yyyy>', '发现问题的评价年度 / the evaluated year')
    .option('--status <s>', `状态 / status: ${STATUSES.join('|')}`)
    .option('--json', '输出 JSON / JSON output')
    .action(
      async (opts: { department?: string; year?: string; status?: string; json?: boolean }) => {
        const code = requireDepartment(opts.department);
        const year = opts.year === undefined ? undefined : requireYear(opts.year);
        const status = statusOption(opts.status);
        const { CLI_ACTOR } = await import('@jixiao/server');
        const { listRectifications } =
          await import('@jixiao/server/features/rectifications/rectifications.service');
        const list = await withDb((database) =>
          listRectifications(
            database.db,
            CLI_ACTOR,
            { departmentCode: code, year, status },
            new Date(),
          ),
        );
        if (opts.json) {
          printJson(list);
          return;
        }
        if (list.length === 0) {
          printLine(t({ zh: `${code} 没有符合条件的整改事项。`, en: 'No rectification items.' }));
          return;
        }
        printLine(
          formatTable(
            [
              t({ zh: '编号', en: 'No.' }),
              t({ zh: '来源', en: 'Source' }),
              t({ zh: '问题', en: 'Problem' }),
              t({ zh: '责任人', en: 'Owner' }),
              t({ zh: '期限', en: 'Deadline' }),
              t({ zh: '状态', en: 'Status' }),
            ],
            list.map((i) => [
              i.issueNo,
              i.sourceText,
              i.problem.length > 40 ? `${i.problem.slice(0, 40)}…` : i.problem,
              i.owner || '—',
              i.deadline,
              i.overdue ? `‼ ${i.statusText}` : i.statusText,
            ]),
          ),
        );
      },
    );
}

const STEP = { inProgress: 'start', awaitingCheck: 'submit', closed: 'accept' } as const;

function registerUpdate(cmd: Command): void {
  cmd
    .command('update <item>')
    .description(
      '推进整改事项（编号或 ID）：开始整改、附佐证说明提交复核、销号 / move an item along',
    )
    .option('--department <code>', '部门编码 / department code')
    .requiredOption('--status <s>', '目标状态 / target status: inProgress|awaitingCheck|closed')
    .option('--note <text>', '整改结果或复核意见 / result or review note')
    .option('--evidence-note <text>', '佐证材料说明 / evidence note')
    .action(
      async (
        item: string,
        opts: { department?: string; status: string; note?: string; evidenceNote?: string },
      ) => {
        const code = requireDepartment(opts.department);
        if (!(opts.status in STEP)) {
          throw new CliError(
            t({
              zh: '--status 应为 inProgress、awaitingCheck 或 closed',
              en: '--status must be inProgress, awaitingCheck or closed',
            }),
          );
        }
        const action = STEP[opts.status as keyof typeof STEP];
        const { CLI_ACTOR } = await import('@jixiao/server');
        const svc = await import('@jixiao/server/features/rectifications/rectifications.service');
        const wf =
          await import('@jixiao/server/features/rectifications/rectification-workflow.service');
        const detail = await withDb(async (database) => {
          const db = database.db;
          const now = new Date();
          const all = await svc.listRectifications(db, CLI_ACTOR, { departmentCode: code }, now);
          const found = all.find((i) => i.id === item || i.issueNo === item);
          if (!found) {
            throw new CliError(t({ zh: `${code} 没有整改事项 ${item}`, en: `No item ${item}` }));
          }
          if (opts.evidenceNote) {
            await wf.addRectificationEvidence(db, CLI_ACTOR, found.id, { note: opts.evidenceNote });
          }
          const note = opts.note;
          const input = action === 'submit' ? { action, resultNote: note, note } : { action, note };
          return wf.actOnRectification(db, CLI_ACTOR, found.id, input, now);
        });
        printLine(`${detail.issueNo} ${detail.statusText}`);
      },
    );
}

function registerReport(cmd: Command): void {
  cmd
    .command('report')
    .description('生成整改报告（.docx）/ the rectification report')
    .option('--department <code>', '部门编码 / department code')
    .option('--year <yyyy>', '评价年度 / the evaluated year')
    .requiredOption('--out <file>', '输出文件 F.docx / output file')
    .action(async (opts: { department?: string; year?: string; out: string }) => {
      const code = requireDepartment(opts.department);
      const year = requireYear(opts.year);
      if (path.extname(opts.out).toLowerCase() !== '.docx') {
        throw new CliError(
          t({ zh: `输出文件应以 .docx 结尾：${opts.out}`, en: `Output must end in .docx` }),
        );
      }
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { renderRectificationReport } =
        await import('@jixiao/server/features/rectifications/rectification-report.service');
      const file = await withDb((database) =>
        renderRectificationReport(database.db, CLI_ACTOR, code, year, undefined, new Date()),
      );
      const out = path.resolve(opts.out);
      fs.writeFileSync(out, file.body);
      printLine(t({ zh: `已生成 ${out}`, en: `Wrote ${out}` }));
    });
}

export function registerRectificationCommand(program: Command): void {
  const cmd = program.command('rectification').description('整改清单 / rectification');
  registerList(cmd);
  registerUpdate(cmd);
  registerReport(cmd);
}
