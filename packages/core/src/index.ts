// @jixiao/core — the pure domain: no IO, no clock, no process. Everything else calls this.
export * from './decimal.ts';
export * from './money.ts';
export * from './result.ts';
export * from './errors.ts';
export * from './vocabulary.ts';
export * from './scoring/index.ts';
export * from './report/index.ts';
export * from './review/index.ts';
export * from './indicators/index.ts';
export * from './ledger/index.ts';
export * from './monitoring/index.ts';
export * from './exante/index.ts';
export * from './linkage/index.ts';
export * from './imports/index.ts';
export * from './rectification/index.ts';
export * from './external-evaluation/index.ts';
export * from './publication/index.ts';
