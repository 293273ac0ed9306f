export * from './types.ts';
export * from './score-indicator.ts';
export * from './score-sheet.ts';
export * from './template.ts';
export * from './template-check.ts';
export * from './report.ts';
