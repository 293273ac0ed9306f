export * from './types.ts';
export * from './rules.ts';
export * from './rectification-report.ts';
export * from './report-carry.ts';
export * from './report-carry-types.ts';
