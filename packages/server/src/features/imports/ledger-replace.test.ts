// 替换已导入月份 on the demo's 2023 ledger, PGlite and PostgreSQL: the preview (rows and amounts out and in, the
// execution rate before and after) writes nothing; the confirmed replacement keeps the old rows; restore undoes it.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { bufferSource } from '../../import/import-source.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { importLedger, listImports } from './imports.service.ts';
import { previewLedgerReplace, restoreReplacedImport } from './ledger-replace.service.ts';

const DEPT = '440105-TZCJ';
const december = [
  '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号',
  '2023-12-28,TZCJ-XM-001,招商引资业务工作经费,30215 会议费,100.00,更正后的十二月,GK2023-12001',
].join('\n');
const source = () => bufferSource('十二月更正.csv', new TextEncoder().encode(december));

describeEachDb('替换已导入月份: preview, confirm, restore', (use) => {
  const ledger = async () => {
    const [r] = await queryRows<{ n: string; total: string }>(
      use().db,
      sql`select count(*)::text as n, coalesce(sum(amount),0)::numeric(18,2)::text as total
          from ledger_entries where department_code = ${DEPT} and fiscal_year = 2023`,
    );
    return { n: Number(r!.n), total: r!.total };
  };

  it('previews December replaced, replaces it on confirmation, and restores the old December', async () => {
    const before = await ledger();
    const input = { departmentCode: DEPT, year: 2023, source: source() };
    const preview = await previewLedgerReplace(use(), CLI_ACTOR, input);
    expect(preview.replacedMonths).toEqual([12]);
    expect(preview.addedRows).toBe(1);
    expect(preview.addedYuan).toBe('100.00');
    expect(preview.removedRows).toBeGreaterThan(0);
    expect(Number(preview.rateAfter)).toBeLessThan(Number(preview.rateBefore));
    expect(await ledger()).toEqual(before); // the preview wrote nothing

    const done = await importLedger(use(), CLI_ACTOR, {
      ...input,
      source: source(),
      replace: true,
    });
    expect(done.replaced?.deletedRows).toBe(preview.removedRows);
    const after = await ledger();
    expect(after.n).toBe(before.n - preview.removedRows + 1);
    const listed = await listImports(use(), CLI_ACTOR, DEPT, 2023);
    expect(listed.find((b) => b.id === done.batchId)?.replacedRows).toBe(preview.removedRows);

    const restored = await restoreReplacedImport(use(), CLI_ACTOR, DEPT, done.batchId);
    expect(restored).toEqual({ removedRows: 1, restoredRows: preview.removedRows });
    expect(await ledger()).toEqual(before);
    await expect(restoreReplacedImport(use(), CLI_ACTOR, DEPT, done.batchId)).rejects.toMatchObject(
      {
        code: 'IMPORT_RESTORE_SUPERSEDED',
      },
    );
  });
});
