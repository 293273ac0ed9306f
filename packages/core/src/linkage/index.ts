export * from './types.ts';
export * from './rules.ts';
export * from './propose.ts';
export * from './year-comparison.ts';
