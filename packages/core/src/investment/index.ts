// Public surface of the investment bureau's business rules: pipeline stages, target decomposition,
// live metrics, working days, and the vocabulary of sources, units and request categories.
export * from './iso-date.ts';
export * from './workdays.ts';
export * from './pipeline-stages.ts';
export * from './vocabulary.ts';
export * from './credit-code.ts';
export * from './target-allocation.ts';
export * from './metrics.ts';
export * from './project-fields.ts';
export * from './project-sheet.ts';
export * from './project-import-rows.ts';
export * from './stage-move-errors.ts';
