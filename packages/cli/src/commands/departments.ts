// jixiao departments [--region R] [--json] — departments (what --department accepts) with their 所属单位, 内设机构
// and staffing, per region.
import type { Command } from 'commander';

import { CliError } from '../exit-codes.ts';
import { formatTable, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';

interface Staffing {
  authorizedStaff: number;
  activeStaff: number;
}

function staffingText(s: Staffing | null): string {
  return s
    ? t({
        zh: `编制 ${s.authorizedStaff} / 实有 ${s.activeStaff}`,
        en: `${s.authorizedStaff} / ${s.activeStaff}`,
      })
    : '—';
}

export function registerDepartmentsCommand(program: Command): void {
  program
    .command('departments')
    .description(
      '列出部门编码、所属单位和人员编制 / list departments with their units and staffing',
    )
    .option('--region <code>', '只列出该行政区划 / only this region')
    .option('--json', '输出 JSON / JSON output')
    .action(async (opts: { region?: string; json?: boolean }) => {
      if (opts.region !== undefined && !/^\d{6}$/.test(opts.region)) {
        throw new CliError(
          t({ zh: '--region 应为 6 位行政区划代码', en: '--region must be a 6-digit code' }),
        );
      }
      const { CLI_ACTOR, listDepartments } = await import('@jixiao/server');
      const { listOrganisation } =
        await import('@jixiao/server/features/organisation/organisation-listing');
      const { regions, years } = await withDb(async (database) => ({
        regions: await listOrganisation(database.db, CLI_ACTOR, opts.region),
        years: new Map(
          (await listDepartments(database.db, CLI_ACTOR)).map((d) => [d.code, d.years]),
        ),
      }));
      const list = regions.flatMap((r) =>
        r.departments.map((d) => ({
          ...d,
          regionCode: r.code,
          regionName: r.name,
          staffingYear: r.staffingYear,
          years: years.get(d.code) ?? [],
        })),
      );
      if (opts.json) {
        printJson(list);
        return;
      }
      if (list.length === 0) {
        printLine(
          t({
            zh: '暂无部门。新建本地区：npx jixiao region create --code 区划代码 --name 名称，再 npx jixiao import agencies 单位名录.xlsx --region 区划代码（演示数据：npx jixiao demo）。',
            en: 'No departments. Start a district: npx jixiao region create --code CODE --name NAME, then npx jixiao import agencies FILE --region CODE (demo: npx jixiao demo).',
          }),
        );
        return;
      }
      const rows = list.flatMap((d) => [
        [
          d.code,
          `${d.name}${d.active ? '' : t({ zh: '（已停用）', en: ' (inactive)' })}`,
          staffingText(d.staffing),
          d.years.join(', '),
        ],
        ...d.units.map((u) => [
          `  └ ${u.code}`,
          `${u.name}${u.active ? '' : t({ zh: '（已停用）', en: ' (inactive)' })}`,
          staffingText(u.staffing),
          '',
        ]),
      ]);
      printLine(
        formatTable(
          [
            t({ zh: '部门编码', en: 'Code' }),
            t({ zh: '部门名称', en: 'Name' }),
            t({ zh: '人员编制', en: 'Staffing' }),
            t({ zh: '年度', en: 'Years' }),
          ],
          rows,
        ),
      );
    });
}
