// Public surface of 绩效运行监控 (双监控): configuration, 序时进度 and warnings.
export {
  DEFAULT_MONITORING_CONFIG,
  parseMonitoringConfig,
  type MonitoringConfig,
  type WarningLevel,
} from './config.ts';
export { formatTimeProgress, timeProgressAt } from './time-progress.ts';
export { applicableCutoffMonth, isCutoffMonth } from './cutoff.ts';
export {
  COMPLETION_LIKELIHOODS,
  COMPLETION_LIKELIHOOD_TEXT,
  DEVIATION_REASONS,
  DEVIATION_REASON_TEXT,
  WARNING_LEVEL_TEXT,
  budgetWarning,
  countWarnings,
  indicatorWarning,
  isLevelIndicator,
  needsResponse,
  parseQualProgress,
  worstWarning,
  type BudgetWarning,
  type CompletionLikelihood,
  type DeviationReason,
  type IndicatorForWarning,
  type IndicatorWarning,
  type IndicatorWarningBasis,
} from './warnings.ts';
