export * from './types.ts';
export * from './templates.ts';
export * from './conclusion.ts';
export * from './score-sheet.ts';
export * from './requirement.ts';
export * from './gate.ts';
export * from './exante-report.ts';
export * from './template-check.ts';
