// Where ledgerBatches() runs, read through one interface: on the importing thread (inThreadReader).
import type { ImportSource } from './import-source.ts';
import { ledgerBatches, type LedgerBatch, type LedgerBatchesEnd, type LedgerBatchesInput } from './ledger-batches.ts';

/** Batches until `done` (then the end summary); throws what the generator threw. close() in every case. */
export interface LedgerBatchReader {
  next(): Promise<IteratorResult<LedgerBatch, LedgerBatchesEnd>>;
  close(): Promise<void>;
}

/** ledgerBatches() on this thread. */
export function inThreadReader(source: ImportSource, input: LedgerBatchesInput): LedgerBatchReader {
  const batches = ledgerBatches(source, input);
  return {
    next: () => batches.next(),
    async close() {
      // Ends a generator left mid-file (its finally blocks close the file); no-op once it has finished.
      await batches.return(undefined as unknown as LedgerBatchesEnd);
    },
  };
}
