// Every command registers itself here, one line each (keep sorted).
import type { Command } from 'commander';

import { registerAuditCommand } from './audit.ts';
import { registerDemoCommand } from './demo.ts';
import { registerDepartmentsCommand } from './departments.ts';
import { registerMetricsCommand } from './metrics.ts';
import { registerPipelineCommand } from './pipeline.ts';
import { registerReportCommand } from './report.ts';
import { registerReviewCommand } from './review.ts';
import { registerScoreCommand } from './score.ts';
import { registerServeCommand } from './serve.ts';
import { registerUsersCommand } from './users.ts';

type Register = (program: Command) => void;

const registrations: Register[] = [
  registerAuditCommand,
  registerDemoCommand,
  registerDepartmentsCommand,
  registerMetricsCommand,
  registerPipelineCommand,
  registerReportCommand,
  registerReviewCommand,
  registerScoreCommand,
  registerServeCommand,
  registerUsersCommand,
];

export function registerCommands(program: Command): void {
  for (const r of registrations) {
    r(program);
  }
}
