// Every command registers itself here, one line each (keep sorted).
import type { Command } from 'commander';

import { registerAuditCommand } from './audit.ts';
import { registerBackupCommand } from './backup.ts';
import { registerDemoCommand } from './demo.ts';
import { registerDepartmentsCommand } from './departments.ts';
import { registerEvaluationCommand } from './evaluation.ts';
import { registerExAnteCommand } from './exante.ts';
import { registerExecutionCommand } from './execution.ts';
import { registerGoalsCommand } from './goals.ts';
import { registerImportCommand } from './import.ts';
import { registerLinkageCommand } from './linkage.ts';
import { registerMetricsCommand } from './metrics.ts';
import { registerMonitoringCommand } from './monitoring.ts';
import { registerNpcSummaryCommand } from './publish-summary.ts';
import { registerPipelineCommand } from './pipeline.ts';
import { registerProjectsCommand } from './projects.ts';
import { registerPublishCommand } from './publish.ts';
import { registerRectificationCommand } from './rectification.ts';
import { registerRegionCommand } from './region.ts';
import { registerReportCommand } from './report.ts';
import { registerRestoreCommand } from './restore.ts';
import { registerReviewCommand } from './review.ts';
import { registerScoreCommand } from './score.ts';
import { registerServeCommand } from './serve.ts';
import { registerTemplateCommand } from './template.ts';
import { registerUsersCommand } from './users.ts';
import { registerYearCommand } from './year.ts';

type Register = (program: Command) => void;

const registrations: Register[] = [
  registerAuditCommand,
  registerBackupCommand,
  registerDemoCommand,
  registerDepartmentsCommand,
  registerEvaluationCommand,
  registerExAnteCommand,
  registerExecutionCommand,
  registerGoalsCommand,
  registerImportCommand,
  registerLinkageCommand,
  registerMetricsCommand,
  registerMonitoringCommand,
  registerNpcSummaryCommand,
  registerPipelineCommand,
  registerProjectsCommand,
  registerPublishCommand,
  registerRectificationCommand,
  registerRegionCommand,
  registerReportCommand,
  registerRestoreCommand,
  registerReviewCommand,
  registerScoreCommand,
  registerServeCommand,
  registerTemplateCommand,
  registerUsersCommand,
  registerYearCommand,
];

export function registerCommands(program: Command): void {
  for (const r of registrations) {
    r(program);
  }
}
