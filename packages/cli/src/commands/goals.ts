// jixiao goals --department CODE --year Y [--json] — the department's goal sets: status, 年度目标 and the indicator
// tree (one object per set: project code or null for 部门整体, status, indicators with level1/level2/name/
// operator/target/unit/weight), as the onboarding contract says.
import type { Command } from 'commander';
import { printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { requireDepartment, requireYear } from './cli-options.ts';

interface GoalsOptions {
  department?: string;
  year?: string;
  json?: boolean;
}

export function registerGoalsCommand(program: Command): void {
  program
    .command('goals')
    .description('列出部门的绩效目标及指标 / list a department’s goal sets and indicators')
    .option('--department <code>', '部门编码 / department code')
    .option('--year <yyyy>', '预算年度 / fiscal year')
    .option('--json', '输出 JSON / JSON output')
    .action(async (opts: GoalsOptions) => {
      const departmentCode = requireDepartment(opts.department);
      const year = requireYear(opts.year);
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { listGoals } = await import('@jixiao/server/features/goals/goals.service');
      const listing = await withDb((db) => listGoals(db.db, CLI_ACTOR, departmentCode, year));
      const sets = listing.goals.map((g) => ({
        id: g.id,
        projectCode: g.projectCode,
        projectName: g.projectName,
        status: g.status,
        targetText: g.targetText,
        weightTotal: g.weightTotal,
        indicators: g.tree.flatMap((l1) =>
          l1.groups.flatMap((l2) =>
            l2.indicators.map((i) => ({
              level1: i.level1,
              level2: i.level2,
              name: i.name,
              operator: i.operator,
              target: i.target,
              unit: i.unit,
              weight: i.weight,
            })),
          ),
        ),
      }));
      if (opts.json) {
        printJson(sets);
        return;
      }
      if (sets.length === 0) {
        printLine(t({ zh: '暂无绩效目标。', en: 'No goal sets.' }));
      }
      for (const s of sets) {
        printLine(
          `${s.projectCode ?? t({ zh: '部门整体', en: 'Department' })} ${s.projectName ?? ''} [${s.status}] ${t({ zh: '指标', en: 'indicators' })} ${s.indicators.length}，${t({ zh: '权重合计', en: 'weights' })} ${s.weightTotal}`,
        );
      }
    });
}
