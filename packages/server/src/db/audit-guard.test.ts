// A change without an audit entry cannot commit: every business table carries the deferred guard trigger, and a
// write in a transaction that records no audit entry is refused at commit (nothing of it stays).
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from './open-db.ts';
import { describeEachDb } from './test-db.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit-log.ts';

/** Tables whose rows are not audited one by one (see migration audit_required for why). */
export const AUDIT_EXEMPT_TABLES = ['audit_log', 'audit_chain_head', 'sessions', 'ledger_entries'];

describeEachDb(
  'audit guard',
  (use) => {
    it('every table is guarded or listed as exempt', async () => {
      const rows = await queryRows<{ table: string; guarded: boolean }>(
        use().db,
        sql`select c.relname as "table",
                   exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = c.relname || '_requires_audit') as guarded
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind = 'r' order by 1`,
      );
      expect(rows.length).toBeGreaterThan(20);
      const unguarded = rows.filter((r) => !r.guarded).map((r) => r.table);
      expect(unguarded.sort()).toEqual([...AUDIT_EXEMPT_TABLES].sort());
    });

    it('a write without an audit entry is refused at commit and leaves nothing', async () => {
      const db = use().db;
      const refused = await db
        .transaction(async (tx) => {
          await tx.execute(sql`update regions set name = name || '（改）' where code = '440105'`);
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      // PGlite raises at the commit itself; pg reports "Failed query: commit" with the trigger's error as cause.
      const text = `${String(refused)} ${String((refused as { cause?: unknown } | null)?.cause)}`;
      expect(text).toMatch(/AUDIT_MISSING|变更未写审计日志/);
      const [r] = await queryRows<{ name: string }>(
        db,
        sql`select name from regions where code = '440105'`,
      );
      expect(r!.name).not.toContain('（改）');
    });

    it('the same write with its audit entry commits', async () => {
      const db = use().db;
      await db.transaction(async (tx) => {
        await tx.execute(sql`update regions set name = name || '（改）' where code = '440105'`);
        await recordAudit(tx, SYSTEM_ACTOR, {
          action: 'region.rename',
          entity: 'regions',
          entityId: '440105',
          departmentCode: null,
          before: null,
          after: null,
        });
      });
      const [r] = await queryRows<{ name: string }>(
        db,
        sql`select name from regions where code = '440105'`,
      );
      expect(r!.name).toContain('（改）');
    });
  },
  'demo',
);
