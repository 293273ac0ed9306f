// The audit trail on both databases: one entry per change in the change's transaction, a gapless hash chain that
// concurrent writers cannot fork, append-only in the database, and verification that names the first edited entry.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../db/open-db.ts';
import { describeEachDb, fixtureWrite } from '../db/test-db.ts';
import { users } from '../db/schema/users.ts';
import type { Role } from '@jixiao/core';
import type { Actor } from '../auth/actor.ts';
import { auditInTx } from './audit-log.ts';
import { recordAudit } from './audit-log.ts';
import { canonicalJson, toJsonValue } from './canonical-json.ts';
import { csvCell, exportAudit } from '../features/audit-log/audit-export.ts';
import { verifyAuditChain } from './verify-chain.ts';
import { searchAuditLog, toFilter } from '../features/audit-log/audit-log.service.ts';

const clerk: Actor = {
  userId: 'u-clerk',
  username: 'tzcj_clerk',
  displayName: '填报员',
  role: 'clerk',
  departmentCode: '440105-TZCJ',
  regionCode: '440105',
  ip: '10.0.0.8',
};
const auditor: Actor = {
  userId: 'u-aud',
  username: 'auditadmin',
  displayName: '审计管理员',
  role: 'auditAdmin',
  departmentCode: '440105-CZJ',
  regionCode: '440105',
  ip: null,
};

describe('canonical JSON', () => {
  it('is independent of key order and normalises what jsonb would', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: '值' } })).toBe(
      '{"a":{"c":"值","d":[2,{"y":null,"z":1}]},"b":1}',
    );
    expect(
      canonicalJson(
        toJsonValue({ at: new Date('2024-01-15T08:00:00Z'), skip: undefined, s: 'a\u0000b\ud800' }),
      ),
    ).toBe('{"at":"2024-01-15T08:00:00.000Z","s":"a\uFFFDb\uFFFD"}');
    expect(toJsonValue(undefined)).toBeNull();
  });
});

describe('CSV cells', () => {
  it('neutralise formula triggers, ASCII and full-width, and quote when needed', () => {
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe('"\'=HYPERLINK(""http://x"",""点我"")"');
    expect(csvCell('+1+cmd|calc')).toBe("'+1+cmd|calc");
    expect(csvCell('-2-3')).toBe("'-2-3");
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvCell('＝SUM(A1)')).toBe("'＝SUM(A1)");
    expect(csvCell('＋1')).toBe('＋1'); // an operator with a plain number is a harmless constant
    expect(csvCell('－SUM(A1)')).toBe("'－SUM(A1)");
    expect(csvCell('＠A1')).toBe("'＠A1");
    expect(csvCell('goal.submit')).toBe('goal.submit');
  });
});

describeEachDb(
  'audit log',
  (use, driver) => {
    const count = async (db: Database): Promise<number> =>
      Number(
        (await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from audit_log`))[0]!
          .n,
      );

    it('writes in the change’s transaction: a rolled-back change leaves no entry and no gap', async () => {
      const db = use();
      const before = await count(db);
      await expect(
        db.db.transaction(async (tx) => {
          await recordAudit(tx, clerk, {
            action: 'goal.update',
            entity: 'goals',
            entityId: 'g-1',
            departmentCode: '440105-TZCJ',
            before: { targetText: 'a' },
            after: { targetText: 'b' },
          });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await count(db)).toBe(before);
      await db.db.transaction(async (tx) => {
        await auditInTx(tx, clerk, {
          action: 'goal.update',
          entity: 'goals',
          entityId: 'g-1',
          departmentCode: '440105-TZCJ',
          before: { targetText: 'a' },
          after: { targetText: 'b', at: new Date('2023-03-01T02:00:00Z') },
        });
      });
      const rows = await queryRows<{
        seq: number;
        actor_username: string;
        ip: string;
        after: unknown;
      }>(
        db.db,
        sql`select seq, actor_username, ip, after from audit_log order by seq desc limit 1`,
      );
      expect(rows[0]).toMatchObject({
        actor_username: 'tzcj_clerk',
        ip: '10.0.0.8',
        after: { targetText: 'b', at: '2023-03-01T02:00:00.000Z' },
      });
      expect(Number(rows[0]!.seq)).toBe(before + 1);
      expect(await verifyAuditChain(db.db)).toMatchObject({
        intact: true,
        entries: before + 1,
        lastSeq: before + 1,
      });
    });

    it('concurrent writers serialise on the chain head: gapless seq, one unforked chain', async () => {
      const db = use();
      const before = await count(db);
      await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          db.db.transaction(async (tx) => {
            await recordAudit(tx, clerk, {
              action: 'indicator.actual.set',
              entity: 'indicators',
              entityId: `i-${i}`,
              departmentCode: '440105-TZCJ',
              before: null,
              after: { actual: String(300 + i) },
            });
          }),
        ),
      );
      const seqs = (
        await queryRows<{ seq: number }>(db.db, sql`select seq from audit_log order by seq`)
      ).map((r) => Number(r.seq));
      expect(seqs).toEqual(Array.from({ length: before + 24 }, (_, i) => i + 1));
      const v = await verifyAuditChain(db.db);
      expect(v).toMatchObject({ intact: true, entries: before + 24 });
      if (driver === 'pg') {
        expect(db.pool!.totalCount).toBeGreaterThan(1); // really concurrent connections
      }
    });

    it('is append-only in the database: UPDATE, DELETE, TRUNCATE and rewinding the head are refused', async () => {
      const db = use();
      await expect(
        db.db.execute(sql`update audit_log set action = 'x' where seq = 1`),
      ).rejects.toThrow();
      await expect(db.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
      await expect(db.db.execute(sql`truncate audit_log`)).rejects.toThrow();
      await expect(db.db.execute(sql`update audit_chain_head set last_seq = 1`)).rejects.toThrow();
      await expect(db.db.execute(sql`delete from audit_chain_head`)).rejects.toThrow();
      expect((await verifyAuditChain(db.db)).intact).toBe(true);
    });

    it('search and export for the audit administrator: filters, CSV with formula-safe cells, JSON', async () => {
      const db = use();
      const evil: Actor = {
        ...clerk,
        username: '=HYPERLINK("http://evil","x")',
        userId: 'anonymous',
      };
      await recordAudit(db.db, evil, {
        action: 'auth.login.failed',
        entity: 'users',
        entityId: '＝cmd|calc',
        departmentCode: null,
        before: null,
        after: { reason: 'unknownUser' },
      });
      const res = await searchAuditLog(db.db, auditor, {
        action: 'auth.login',
        limit: 10,
        offset: 0,
      });
      expect(res.entries.map((e) => e.action)).toEqual(['auth.login.failed']);
      expect(
        (await searchAuditLog(db.db, auditor, { user: 'tzcj_clerk', limit: 500, offset: 0 })).total,
      ).toBeGreaterThanOrEqual(25);
      // The account is found by part of its login or of its display name, in any case.
      await fixtureWrite(db.db, 'two accounts', (tx) =>
        tx.insert(users).values(
          [
            ['tzcj_clerk', '区投资促进局 填报员', 'clerk'],
            ['tzcj_head', '区投资促进局 负责人', 'deptHead'],
          ].map(([username, displayName, role]) => ({
            regionCode: '440105',
            username: username!,
            displayName: displayName!,
            role: role as Role,
            passwordHash: 'not-a-login',
          })),
        ),
      );
      await recordAudit(
        db.db,
        { ...clerk, username: 'tzcj_head' },
        {
          action: 'goal.submit',
          entity: 'goal_sets',
          entityId: 'g1',
          departmentCode: null,
          before: null,
          after: null,
        },
      );
      const byUser = async (user: string) =>
        new Set(
          (await searchAuditLog(db.db, auditor, { user, limit: 500, offset: 0 })).entries.map(
            (e) => e.actorUsername,
          ),
        );
      expect(await byUser('TZCJ_CL')).toEqual(new Set(['tzcj_clerk']));
      expect(await byUser('填报员')).toEqual(new Set(['tzcj_clerk']));
      expect(await byUser('区投资促进局')).toEqual(new Set(['tzcj_clerk', 'tzcj_head']));
      expect(await byUser('无此人')).toEqual(new Set());
      expect(
        (
          await searchAuditLog(db.db, auditor, {
            department: '440105-TZCJ',
            action: 'indicator.actual.set',
            limit: 5,
            offset: 0,
          })
        ).total,
      ).toBe(24);
      expect(
        (
          await searchAuditLog(db.db, auditor, {
            from: '2000-01-01',
            to: '2000-12-31',
            limit: 5,
            offset: 0,
          })
        ).total,
      ).toBe(0);
      const { body } = await exportAudit(db.db, toFilter({ action: 'auth.' }), 'csv');
      const lines = body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil"",""x"")",clerk,`);
      expect(lines[1]).toContain(",'＝cmd|calc,");
      const json = JSON.parse(
        (await exportAudit(db.db, toFilter({ action: 'auth.' }), 'json')).body,
      ) as { actorUsername: string }[];
      expect(json[0]!.actorUsername).toBe('=HYPERLINK("http://evil","x")');
      await expect(searchAuditLog(db.db, clerk, { limit: 1, offset: 0 })).rejects.toMatchObject({
        code: 'ROLE_FORBIDDEN',
      });
    });

    it('a text that parses as JSON ("100", "true", "[1]") is verified as the text it was (probe: paragraph set to "100")', async () => {
      const db = use();
      for (const text of ['100', 'true', '[1]', '{"a":1}', 'null']) {
        await recordAudit(db.db, clerk, {
          action: 'report.paragraph.set',
          entity: 'report_overrides',
          entityId: 'basic.functions',
          departmentCode: '440105-TZCJ',
          before: text,
          after: text,
        });
      }
      const v = await verifyAuditChain(db.db);
      expect(v.intact).toBe(true);
      expect(v.broken).toEqual([]);
    });

    it('an entry edited behind the trigger’s back (superuser) breaks the chain at that entry; a deleted one leaves a gap', async () => {
      const db = use();
      const total = await count(db);
      const victim = 3;
      const original = (
        await queryRows<{ after: unknown }>(
          db.db,
          sql`select after from audit_log where seq = ${victim}`,
        )
      )[0]!.after;
      await db.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await db.db.execute(
        sql`update audit_log set after = ${JSON.stringify({ actual: '999' })}::jsonb where seq = ${victim}`,
      );
      await db.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
      const broken = await verifyAuditChain(db.db);
      expect(broken).toMatchObject({
        intact: false,
        entries: total,
        firstBroken: { seq: victim, reason: 'hash' },
      });
      expect(broken.firstBroken!.message).toBe(
        `第 ${victim} 条审计记录的内容与其哈希不符：记录被篡改`,
      );

      await db.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await db.db.execute(
        sql`update audit_log set after = ${JSON.stringify(original)}::jsonb where seq = ${victim}`,
      );
      await db.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
      expect((await verifyAuditChain(db.db)).intact).toBe(true);

      await db.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await db.db.execute(sql`delete from audit_log where seq = 5`);
      await db.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
      expect(await verifyAuditChain(db.db)).toMatchObject({
        intact: false,
        firstBroken: { seq: 6, reason: 'gap' },
      });
    });
  },
  'empty',
);
