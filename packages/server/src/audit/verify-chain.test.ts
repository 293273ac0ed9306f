// Verifying the audit chain: every broken entry is reported, not only the first; and the anchor the auditor keeps
// (jixiao audit anchor) detects a chain rewritten from its start with every hash recomputed.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows, type Database } from '../db/open-db.ts';
import { describeEachDb } from '../db/test-db.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from './audit-log.ts';
import { canonicalJson } from './canonical-json.ts';
import { auditAnchor, verifyAuditChain } from './verify-chain.ts';

const clerk: Actor = {
  userId: 'u-clerk',
  username: 'tzcj_clerk',
  displayName: '填报员',
  role: 'clerk',
  departmentCode: '440105-TZCJ',
  regionCode: '440105',
  ip: '10.0.0.8',
};

async function seed(db: Database, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await recordAudit(db.db, clerk, {
      action: 'indicator.actual.set',
      entity: 'indicators',
      entityId: `ind-${i}`,
      departmentCode: '440105-TZCJ',
      before: { actual: String(i) },
      after: { actual: String(i + 1) },
    });
  }
}

async function count(db: Database): Promise<number> {
  const rows = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from audit_log`);
  return Number(rows[0]!.n);
}

describeEachDb(
  'audit verification finds every break',
  (use) => {
    it('verify reports every broken entry, not only the first', async () => {
      const db = use();
      await seed(db, 5);
      const total = await count(db);
      await db.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await db.db.execute(sql`update audit_log set action = 'x.forged' where seq in (2, 4)`);
      await db.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
      const v = await verifyAuditChain(db.db);
      expect(v.entries).toBe(total);
      expect(v.broken.map((b) => [b.seq, b.reason])).toEqual([
        [2, 'hash'],
        [4, 'hash'],
      ]);
      expect(v.firstBroken).toMatchObject({ seq: 2 });
    });
  },
  'empty',
);

describeEachDb(
  'audit anchor',
  (use) => {
    it('an anchor kept by the auditor detects a chain rewritten from its start', async () => {
      const db = use();
      await seed(db, 4);
      const anchor = await auditAnchor(db.db, new Date('2026-12-03T10:00:00Z'));
      expect(anchor).toMatchObject({ seq: await count(db), at: '2026-12-03T10:00:00.000Z' });
      expect((await verifyAuditChain(db.db, { anchor })).anchor).toEqual({ ok: true });
      // A rewrite of the anchored entry and everything after it, with every hash recomputed, is
      // self-consistent — only the anchor tells.
      await db.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await db.db.execute(sql`alter table audit_chain_head disable trigger audit_chain_head_guard`);
      const rows = await queryRows<{ seq: number }>(
        db.db,
        sql`select seq from audit_log where seq >= ${anchor.seq} order by seq`,
      );
      await rewriteFrom(db, rows[0]!.seq);
      await db.db.execute(sql`alter table audit_chain_head enable trigger audit_chain_head_guard`);
      await db.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
      const v = await verifyAuditChain(db.db, { anchor });
      expect(v.broken).toEqual([]);
      expect(v.anchor).toMatchObject({ ok: false });
      expect(v.intact).toBe(false);
    });
  },
  'empty',
);

/** A superuser's rewrite: entries from `seq` on get a new action and recomputed hashes, and the head follows. */
async function rewriteFrom(db: Database, seq: number): Promise<void> {
  const rows = await queryRows<{ seq: number; prev_hash: string; entry_text: string | null }>(
    db.db,
    sql`select seq, prev_hash, entry_text from audit_log where seq >= ${seq} order by seq`,
  );
  let prev = rows[0]!.prev_hash;
  for (const r of rows) {
    const entry = JSON.parse(r.entry_text!) as Record<string, unknown>;
    const forged = canonicalJson({ ...entry, action: 'x.forged', prevHash: prev });
    const hash = createHash('sha256').update(forged, 'utf8').digest('hex');
    await db.db.execute(
      sql`update audit_log set action = 'x.forged', prev_hash = ${prev}, entry_text = ${forged}, hash = ${hash} where seq = ${r.seq}`,
    );
    prev = hash;
  }
  await db.db.execute(sql`update audit_chain_head set last_hash = ${prev} where id = 1`);
}
