// Public surface of the ledger: row checks, header matching and execution roll-ups.
export {
  LEDGER_FIELDS,
  LEDGER_HEADERS,
  LEDGER_REQUIRED_COLUMNS,
  parseLedgerDate,
  rowError,
  validateLedgerRow,
  type LedgerField,
  type LedgerRow,
  type LedgerRowContext,
  type RowError,
  type RowErrorCode,
} from './ledger-row.ts';
export { cellsOf, matchHeaders, normalizeHeader, type HeaderMatch } from './headers.ts';
export {
  executionRate,
  rollUpExecution,
  type ExecutionFigures,
  type ExecutionRollUp,
  type GroupExecution,
  type MonthlySpend,
  type ProjectBudget,
  type ProjectExecution,
} from './roll-up.ts';
