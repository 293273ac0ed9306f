// Issue 16, point 9 (the probe's repro): two imports of the same months at once both answered 200 and both
// landed. Ledger imports of a department-year now wait for each other, so the second sees the first's months
// and is refused (or, with replace, says which batch it replaced): one file's rows, never both.
import { expect, it } from 'vitest';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { bufferSource } from '../../import/import-source.ts';
import { ServiceError } from '../../http/service-error.ts';
import { importBudgets, importLedger } from './imports.service.ts';
import { budgetCsv, DEPT, ledgerJanFeb, ledgerTotal, YEAR } from './imports-test-harness.ts';

const input = (fileName: string, text: string, replace = false) => ({
  departmentCode: DEPT,
  year: YEAR,
  source: bufferSource(fileName, Buffer.from(text)),
  replace,
});

/**
 * Both imports wait, inside their transactions, until the other has arrived too — just before the department-year's
 * lock and the months check — so their checks really overlap (PostgreSQL: two connections). PGlite runs one
 * transaction at a time, so there is nothing to line up.
 */
function bothArrived(enabled: boolean): () => Promise<void> {
  let arrived = 0;
  let release: () => void = () => undefined;
  const all = new Promise<void>((r) => (release = r));
  return async () => {
    if (!enabled) {
      return;
    }
    arrived += 1;
    if (arrived === 2) {
      release();
    }
    await all;
  };
}

describeEachDb('ledger imports of the same months at once', (use, driver) => {
  it('one lands, the other is refused; nothing is counted twice', async () => {
    const beforeLock = bothArrived(driver === 'pg');
    await importBudgets(use(), CLI_ACTOR, input('budget-2025.csv', budgetCsv));
    // the same months in two files that differ (a re-export with one more row)
    const second = `${ledgerJanFeb}\r\n2025-02-21,TZCJ-XM-101,,30201 办公费,1.00,另一份导出,GK2025-00009`;
    const results = await Promise.allSettled([
      importLedger(use(), CLI_ACTOR, input('台账-1-2月.csv', ledgerJanFeb), { beforeLock }),
      importLedger(use(), CLI_ACTOR, input('台账-1-2月-重导.csv', second), { beforeLock }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason as ServiceError;
    expect(reason).toBeInstanceOf(ServiceError);
    expect(reason.code).toBe('IMPORT_MONTHS_TAKEN');
    const { n } = await ledgerTotal(use().db);
    expect([3, 4]).toContain(n); // the rows of exactly one file
  });
});
